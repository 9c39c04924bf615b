import { Alert, Box, Button, Container, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../api/client';
import { FullPageLoader } from '../../../../components/FullPageLoader';
import { LanguageSwitch } from '../../../../components/LanguageSwitch';
import { currentLanguage } from '../../../../i18n';
import { errorMessage, notifyError, notifySuccess } from '../../../../lib/notify';
import { respondApi, type FollowUp, type Questionnaire, type RespondItem, type RespondValue } from '../api';
import { ForwardModal } from '../components/ForwardModal';
import { QuestionCard } from '../components/QuestionCard';
import type { ReuseOffer } from '../../inbox/api';
import { ReuseModal } from '../../inbox/components/ReuseModal';

const RELINKABLE = new Set(['respond_link_expired', 'respond_link_used']);

/**
 * The respondent's page (/respond/#token): no account. The token rides in the fragment (never sent to a
 * server, never in a Referer) and is removed from the address bar once the link is opened; the browser then
 * keeps a respondent session cookie, so the page can be closed and opened again (/respond/) to continue.
 */
export function RespondPage() {
  const { t } = useTranslation('campaigns');
  useDocumentTitle(t('respond.pageTitle'));
  const token = useRef<string | null>(null);
  const [q, setQ] = useState<Questionnaire | null>(null);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [forwardRef, setForwardRef] = useState<string | null | undefined>(undefined);
  const [relinked, setRelinked] = useState(false);
  const [offers, setOffers] = useState<ReuseOffer[]>([]);
  const [reuseOpen, setReuseOpen] = useState(false);
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    try {
      const next = await respondApi.questionnaire();
      setQ(next);
      setOffers(next.scope === 'questionnaire' ? (await respondApi.offers()).items : []);
    } catch (e) {
      setFailure({ code: e instanceof ApiError ? e.code : 'other', message: errorMessage(e) });
    }
  }, []);

  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (hash) {
      token.current = decodeURIComponent(hash);
      window.history.replaceState(null, '', window.location.pathname);
      respondApi
        .open(token.current)
        .then(load, (e: unknown) =>
          setFailure({ code: e instanceof ApiError ? e.code : 'other', message: errorMessage(e) }),
        );
    } else void load();
  }, [load]);

  if (failure) {
    const title = t(`respond.refused.${failure.code}`, { defaultValue: t('respond.refused.other') });
    return (
      <Shell>
        <Alert color="red" title={title} role="alert">
          {failure.message}
        </Alert>
        {token.current && RELINKABLE.has(failure.code) && !relinked && (
          <Button
            onClick={() =>
              void respondApi.relink(token.current!).then(
                () => setRelinked(true),
                (e: unknown) => notifyError(e),
              )
            }
          >
            {t('respond.relink')}
          </Button>
        )}
        {relinked && <Alert color="teal">{t('respond.relinked')}</Alert>}
      </Shell>
    );
  }
  if (!q) return <FullPageLoader />;

  const lang = currentLanguage();
  const done = q.items.filter((i) => i.value !== null).length;
  const save = async (item: RespondItem, value: RespondValue, followUp: FollowUp) => {
    setSaving('saving');
    try {
      await respondApi.answer(q.csrfToken, item.ref, value, followUp);
      setProblems(({ [item.ref]: _, ...rest }) => rest);
      await load();
      setSaving('saved');
    } catch (e) {
      setSaving('idle');
      notifyError(e);
    }
  };
  const upload = async (item: RespondItem, file: File) => {
    try {
      await respondApi.evidence(q.csrfToken, item.ref, file);
      notifySuccess(t('respond.uploaded'));
      await load();
    } catch (e) {
      notifyError(e);
    }
  };
  const submit = async () => {
    try {
      await respondApi.submit(q.csrfToken);
      setProblems({});
      notifySuccess(t('respond.submitted'));
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'respond_incomplete' && Array.isArray(e.details)) {
        const found: Record<string, string> = {};
        for (const d of e.details as { pointer: string; message: string }[])
          found[d.pointer.replace('/items/', '')] = t(`respond.problem.${d.message}`, {
            defaultValue: d.message,
          });
        setProblems(found);
        const first = Object.keys(found)[0];
        if (first)
          document.getElementById(`q-${first}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      }
      notifyError(e);
    }
  };
  const forwarding =
    forwardRef === undefined ? null : forwardRef === null ? null : q.items.find((i) => i.ref === forwardRef);

  return (
    <Shell>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap={6}>
          <Title order={1} size="h3">
            {q.title}
          </Title>
          <Text size="sm">
            {t('respond.from')}: <b>{q.buyer}</b>
          </Text>
          <Text size="sm">
            {t('respond.for')}: <b>{q.supplier}</b>
          </Text>
          <Text size="sm">
            {t('respond.deadline')}: <b>{q.deadline}</b>
          </Text>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('respond.you')}: {q.you.name ? `${q.you.name} <${q.you.email}>` : q.you.email}
          </Text>
          {q.message && <Alert color="blue">{q.message}</Alert>}
          <Text size="xs" c="dimmed">
            {q.scope === 'item' ? t('respond.itemOnly') : t('respond.noAccount')}
          </Text>
          <Progress
            value={(done / Math.max(1, q.items.length)) * 100}
            aria-label={t('respond.progress', { done, total: q.items.length })}
          />
          <Group justify="space-between">
            <Text size="sm">{t('respond.progress', { done, total: q.items.length })}</Text>
            <Text size="xs" c="dimmed" aria-live="polite">
              {saving === 'saving' ? t('respond.saving') : saving === 'saved' ? t('respond.saved') : ''}
            </Text>
          </Group>
          {q.status === 'submitted' && !q.canSubmit && (
            <Alert color="teal">{t('respond.submittedState')}</Alert>
          )}
          {q.status === 'accepted' && <Alert color="teal">{t('respond.acceptedState')}</Alert>}
          {offers.length > 0 && q.items.some((i) => i.editable) && (
            <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => setReuseOpen(true)}>
              {t('respond.reuseOffer')}
            </Button>
          )}
        </Stack>
      </Paper>
      {q.items.map((item, i) => (
        <QuestionCard
          key={`${item.ref}:${item.state}:${item.editable}:${version}`}
          item={item}
          index={i + 1}
          problem={problems[item.ref]}
          onSave={(v, f) => save(item, v, f)}
          onUpload={(f) => upload(item, f)}
          onForward={q.scope === 'questionnaire' ? () => setForwardRef(item.ref) : undefined}
        />
      ))}
      <Box
        pos="sticky"
        bottom={0}
        bg="gray.0"
        py="sm"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
      >
        <Group grow>
          {q.scope === 'questionnaire' && q.status !== 'accepted' && (
            <Button variant="default" onClick={() => setForwardRef(null)}>
              {t('respond.forwardAll')}
            </Button>
          )}
          {q.canSubmit && (
            <Button onClick={() => void submit()}>
              {q.status === 'submitted' ? t('respond.resubmit') : t('respond.submit')}
            </Button>
          )}
        </Group>
      </Box>
      {reuseOpen && (
        <ReuseModal
          opened
          offers={offers}
          onClose={() => setReuseOpen(false)}
          onApply={async (offer, refs) => {
            try {
              await respondApi.reuse(q.csrfToken, offer, refs);
              setReuseOpen(false);
              await load();
              setVersion((v) => v + 1);
            } catch (e) {
              notifyError(e);
            }
          }}
        />
      )}
      <ForwardModal
        opened={forwardRef !== undefined}
        itemTitle={forwarding ? forwarding.title[lang] : null}
        onClose={() => setForwardRef(undefined)}
        onSend={async (email, name) => {
          try {
            await respondApi.forward(q.csrfToken, { email, name, ref: forwardRef ?? null });
            notifySuccess(t('respond.forwarded', { email }));
            setForwardRef(undefined);
          } catch (e) {
            notifyError(e);
          }
        }}
      />
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0" py={{ base: 'sm', sm: 'xl' }}>
      <Container size={760} px={{ base: 'xs', sm: 'md' }}>
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700} size="lg" c="indigo.8">
              {t('app.name')}
            </Text>
            <LanguageSwitch />
          </Group>
          <Stack gap="md" component="main">
            {children}
          </Stack>
        </Stack>
      </Container>
    </Box>
  );
}
