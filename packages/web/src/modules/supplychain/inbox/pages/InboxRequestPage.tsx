import { Alert, Anchor, Box, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../../../api/client';
import { FullPageLoader } from '../../../../components/FullPageLoader';
import { useOrg } from '../../../../components/OrgContext';
import { notifyError, notifySuccess } from '../../../../lib/notify';
import { can } from '@shinrai/core/browser';
import type { FollowUp, Questionnaire, RespondItem, RespondValue } from '../../campaigns/api';
import { QuestionCard } from '../../campaigns/components/QuestionCard';
import { inboxApi, type Declaration, type ReuseOffer, type StarOffer } from '../api';
import { DeclarationCard } from '../components/DeclarationCard';
import { StarOfferCard } from '../components/StarOfferCard';
import { ColleagueForwardModal, type Colleague } from '../components/ColleagueForwardModal';
import { ReuseModal } from '../components/ReuseModal';
import { useSession } from '../../../../session/SessionContext';
import { currentLanguage } from '../../../../i18n';

/**
 * One request of the inbox, answered from the supplier's own account with the respondent's question
 * cards (the same answers a mailed link writes), and "前回の回答を使う" when earlier answers fit.
 */
export function InboxRequestPage() {
  const { t } = useTranslation('inbox');
  const { t: tc } = useTranslation('campaigns');
  const { orgId, role } = useOrg();
  const { requestId = '' } = useParams();
  const [q, setQ] = useState<Questionnaire | null>(null);
  const [offers, setOffers] = useState<ReuseOffer[]>([]);
  const [declaration, setDeclaration] = useState<Declaration | null>(null);
  const [star, setStar] = useState<StarOffer | null>(null);
  const [reuseOpen, setReuseOpen] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [version, setVersion] = useState(0);
  const writer = can(role, 'supplychain.write');
  const { me } = useSession();
  const lang = currentLanguage();
  // The item being forwarded to a colleague (null: the whole questionnaire; undefined: none).
  const [forwarding, setForwarding] = useState<string | null | undefined>(undefined);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);

  const load = useCallback(async () => {
    try {
      setQ(await inboxApi.questionnaire(orgId, requestId));
      const reusable = await inboxApi.offers(orgId, requestId);
      setOffers(reusable.items);
      setDeclaration(reusable.declaration ?? null);
      setStar(await inboxApi.starOffer(orgId, requestId));
    } catch (e) {
      notifyError(e);
    }
  }, [orgId, requestId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!q) return <FullPageLoader />;

  const done = q.items.filter((i) => i.value !== null).length;
  const save = async (item: RespondItem, value: RespondValue, followUp: FollowUp) => {
    try {
      await inboxApi.answer(orgId, requestId, item.ref, value, followUp);
      setProblems(({ [item.ref]: _, ...rest }) => rest);
      await load();
    } catch (e) {
      notifyError(e);
    }
  };
  const upload = async (item: RespondItem, file: File) => {
    try {
      await inboxApi.evidence(orgId, requestId, item.ref, file);
      notifySuccess(t('request.uploaded'));
      await load();
    } catch (e) {
      notifyError(e);
    }
  };
  const submit = async () => {
    try {
      await inboxApi.submit(orgId, requestId);
      setProblems({});
      notifySuccess(t('request.submitted'));
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'respond_incomplete' && Array.isArray(e.details)) {
        const found: Record<string, string> = {};
        for (const d of e.details as { pointer: string; message: string }[])
          found[d.pointer.replace('/items/', '')] = tc(`respond.problem.${d.message}`, {
            defaultValue: d.message,
          });
        setProblems(found);
      }
      notifyError(e);
    }
  };
  const editable = writer && q.items.some((i) => i.editable);
  const startForward = async (ref: string | null) => {
    try {
      const members = await api.members(orgId);
      setColleagues(
        members.items
          .filter((m) => m.user.id !== me?.user.id && can(m.role, 'supplychain.write'))
          .map((m) => ({ id: m.user.id, label: `${m.user.displayName} <${m.user.email}>` })),
      );
      setForwarding(ref);
    } catch (e) {
      notifyError(e);
    }
  };
  const forwardTitle = (ref: string | null) => {
    const item = ref === null ? undefined : q.items.find((i) => i.ref === ref);
    return item ? `${item.ref}. ${item.title[lang]}` : null;
  };
  // Offered while some item it would fill does not carry that source's answer yet.
  const fresh = offers.filter((o) =>
    o.items.some((it) => q.items.find((x) => x.ref === it.ref)?.reusedFrom?.id !== o.id),
  );

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/orgs/${orgId}/inbox`} size="sm">
        ← {t('request.back')}
      </Anchor>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap={6}>
          <Title order={1} size="h3">
            {q.title}
          </Title>
          <Text size="sm">
            {t('request.from')}: <b>{q.buyer}</b>
          </Text>
          <Text size="sm">
            {t('request.deadline')}: <b>{q.deadline}</b>
          </Text>
          {q.message && <Alert color="blue">{q.message}</Alert>}
          <Text size="xs" c="dimmed">
            {writer ? t('request.answeringAs') : t('request.readOnly')}
          </Text>
          <Progress
            value={(done / Math.max(1, q.items.length)) * 100}
            aria-label={tc('respond.progress', { done, total: q.items.length })}
          />
          <Text size="sm">{tc('respond.progress', { done, total: q.items.length })}</Text>
          {q.status === 'submitted' && !q.canSubmit && (
            <Alert color="teal">{tc('respond.submittedState')}</Alert>
          )}
          {q.status === 'accepted' && <Alert color="teal">{tc('respond.acceptedState')}</Alert>}
          {editable && (
            <Button
              variant="default"
              size="sm"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => void startForward(null)}
            >
              {t('forward.open')}
            </Button>
          )}
          {editable && fresh.length > 0 && (
            <Alert color="indigo" title={t('reuse.open')}>
              <Stack gap="xs">
                <Text size="sm">{t('reuse.available', { count: fresh.length })}</Text>
                <Button size="sm" style={{ alignSelf: 'flex-start' }} onClick={() => setReuseOpen(true)}>
                  {t('reuse.open')}
                </Button>
              </Stack>
            </Alert>
          )}
          {declaration && (
            <DeclarationCard
              declaration={declaration}
              canAttach={writer && q.status !== 'accepted'}
              onAttach={async () => {
                try {
                  await inboxApi.attachDeclaration(orgId, requestId);
                  notifySuccess(t('declaration.done'));
                  await load();
                } catch (e) {
                  notifyError(e);
                }
              }}
            />
          )}
          {star && (
            <StarOfferCard
              key={star.attached?.starResultId ?? 'none'}
              offer={star}
              canAttach={writer && q.status !== 'accepted'}
              onAttach={async (id) => {
                try {
                  await inboxApi.attachStar(orgId, requestId, id);
                  notifySuccess(t('star.done'));
                  await load();
                } catch (e) {
                  notifyError(e);
                }
              }}
              onWithdraw={async () => {
                try {
                  await inboxApi.withdrawStar(orgId, requestId);
                  notifySuccess(t('star.withdrawn'));
                  await load();
                } catch (e) {
                  notifyError(e);
                }
              }}
            />
          )}
        </Stack>
      </Paper>
      {q.items.map((item, i) => (
        <QuestionCard
          key={`${item.ref}:${item.state}:${item.editable && writer}:${version}`}
          item={writer ? item : { ...item, editable: false }}
          index={i + 1}
          problem={problems[item.ref]}
          onSave={(v, f) => save(item, v, f)}
          onUpload={(f) => upload(item, f)}
          onForward={writer && item.editable ? () => void startForward(item.ref) : undefined}
        />
      ))}
      {writer && q.canSubmit && (
        <Box
          pos="sticky"
          bottom={0}
          bg="gray.0"
          py="sm"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
        >
          <Group grow>
            <Button onClick={() => void submit()}>
              {q.status === 'submitted' ? t('request.resubmit') : t('request.submit')}
            </Button>
          </Group>
        </Box>
      )}
      {forwarding !== undefined && (
        <ColleagueForwardModal
          itemTitle={forwardTitle(forwarding)}
          colleagues={colleagues}
          onClose={() => setForwarding(undefined)}
          onSend={async (userId, note) => {
            try {
              await inboxApi.forward(orgId, requestId, { userId, ref: forwarding, note });
              const name = colleagues.find((c) => c.id === userId)?.label ?? '';
              notifySuccess(t('forward.done', { name }));
              setForwarding(undefined);
            } catch (e) {
              notifyError(e);
            }
          }}
        />
      )}
      {reuseOpen && (
        <ReuseModal
          opened
          offers={offers}
          onClose={() => setReuseOpen(false)}
          onApply={async (offer, refs) => {
            try {
              const r = await inboxApi.reuse(orgId, requestId, offer, refs);
              notifySuccess(t('reuse.done', { count: r.filled }));
              setReuseOpen(false);
              await load();
              setVersion((v) => v + 1);
            } catch (e) {
              notifyError(e);
            }
          }}
        />
      )}
    </Stack>
  );
}
