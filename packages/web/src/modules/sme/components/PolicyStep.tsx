import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { PolicyInput, SmePolicy } from '../../../api/types';
import { DateField } from '../../../components/DateField';
import { currentLanguage } from '../../../i18n';
import { serverFieldErrors } from '../../../lib/fieldErrors';
import { todayInTokyo } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { policyPrintHtml } from '../lib/sme';
import { DownloadIcon } from '../../../components/icons';
import { PolicyPublish } from './PolicyPublish';

type Field = keyof PolicyInput;
const FIELDS: Field[] = [
  'companyName',
  'representativeTitle',
  'representativeName',
  'scope',
  'contact',
  'establishedOn',
];
const MAX: Record<Field, number> = {
  companyName: 200,
  representativeTitle: 100,
  representativeName: 100,
  scope: 500,
  contact: 300,
  establishedOn: 10,
};

const same = (a: PolicyInput, b: PolicyInput | null) => b !== null && FIELDS.every((f) => a[f] === b[f]);

/** Step 4: the basic policy from a short form, its preview, print / PDF, and publishing it. */
export function PolicyStep({
  orgId,
  writer,
  reviewer,
  companyName,
  publicUrl,
  onChanged,
  onNext,
}: {
  orgId: string;
  writer: boolean;
  reviewer: boolean;
  companyName: string;
  publicUrl: string | null;
  onChanged: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation('sme');
  const lang = currentLanguage();
  const [policy, setPolicy] = useState<SmePolicy | null>(null);
  const [values, setValues] = useState<PolicyInput | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [url, setUrl] = useState<string | null>(publicUrl);

  useEffect(() => setUrl(publicUrl), [publicUrl]);

  useEffect(() => {
    let active = true;
    api.smePolicy(orgId).then(
      (p) => {
        if (!active) return;
        setPolicy(p);
        setValues(
          p.input ?? {
            companyName,
            representativeTitle: t('sme.policy.defaultTitle'),
            representativeName: '',
            scope: t('sme.policy.defaultScope'),
            contact: '',
            establishedOn: todayInTokyo(),
          },
        );
      },
      (error: unknown) => notifyError(error),
    );
    return () => {
      active = false;
    };
    // the defaults are taken once, in the language of the moment
  }, [orgId]);

  if (!policy || !values)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );

  const set = (field: Field, value: string) => {
    setValues({ ...values, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) {
      const v = values[f].trim();
      if (!v) found[f] = t('validation.required');
      else if (v.length > MAX[f]) found[f] = t('sme.policy.tooLong', { max: MAX[f] });
    }
    if (!found.establishedOn && !/^\d{4}-\d{2}-\d{2}$/.test(values.establishedOn))
      found.establishedOn = t('sme.policy.badDate');
    return found;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const trimmed = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim()])) as unknown as PolicyInput;
      await api.saveSmePolicy(orgId, trimmed);
      const next = await api.smePolicy(orgId);
      setPolicy(next);
      if (next.input) setValues(next.input);
      notifySuccess(t('sme.policy.saved'));
      onChanged();
    } catch (error) {
      notifyError(error);
      setErrors(serverFieldErrors(error, Object.fromEntries(FIELDS.map((f) => [`/${f}`, f]))));
    } finally {
      setBusy(false);
    }
  };

  const publish = async (published: boolean) => {
    setPublishing(true);
    try {
      const result = await api.publishSmePolicy(orgId, published);
      setPolicy({ ...policy, published: result.published });
      setUrl(result.publicUrl);
      notifySuccess(published ? t('sme.policy.publishedNote') : t('sme.policy.withdrawnNote'));
      onChanged();
    } catch (error) {
      notifyError(error);
    } finally {
      setPublishing(false);
    }
  };

  const doc = policy.document?.[lang] ?? null;
  const dirty = !same(values, policy.input);
  const print = () => {
    if (!doc) return;
    const blob = new Blob([policyPrintHtml(doc, lang)], { type: 'text/html' });
    const href = URL.createObjectURL(blob);
    const win = window.open(href, '_blank');
    if (!win) {
      URL.revokeObjectURL(href);
      return;
    }
    win.addEventListener('load', () => {
      win.print();
      URL.revokeObjectURL(href);
    });
  };

  const input = (field: Field, props: { description?: string; placeholder?: string } = {}) => ({
    label: t(`sme.policy.fields.${field}`),
    value: values[field],
    error: errors[field],
    required: true,
    readOnly: !writer,
    maxLength: MAX[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    ...props,
  });

  return (
    <Stack>
      <Text size="sm">{t('sme.policy.intro')}</Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <form onSubmit={(event) => void save(event)} noValidate>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('sme.policy.formTitle')}
              </Title>
              {!writer ? (
                <Alert color="gray" variant="light">
                  {t('sme.readOnly')}
                </Alert>
              ) : null}
              <TextInput {...input('companyName')} autoComplete="organization" />
              <TextInput
                {...input('representativeTitle', { description: t('sme.policy.hints.representativeTitle') })}
              />
              <TextInput
                {...input('representativeName', { placeholder: t('sme.policy.hints.representativeName') })}
                autoComplete="name"
              />
              <Textarea
                {...input('scope', { description: t('sme.policy.hints.scope') })}
                autosize
                minRows={2}
              />
              <TextInput
                {...input('contact', {
                  description: t('sme.policy.hints.contact'),
                  placeholder: t('sme.policy.hints.contactPlaceholder'),
                })}
              />
              <DateField {...input('establishedOn')} w={{ base: '100%', sm: 220 }} />
              {writer ? (
                <Group justify="flex-end">
                  <Button type="submit" loading={busy}>
                    {policy.input ? t('sme.policy.update') : t('sme.policy.create')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </form>
        </Paper>

        <Stack gap="md">
          <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('sme.policy.previewTitle')}
              </Title>
              {doc ? (
                <>
                  {dirty ? (
                    <Text size="xs" c="orange.8">
                      {t('sme.policy.unsaved')}
                    </Text>
                  ) : null}
                  <Box
                    component="article"
                    aria-label={t('sme.policy.previewTitle')}
                    data-testid="policy-preview"
                    p={{ base: 'sm', sm: 'lg' }}
                    bg="white"
                    style={{
                      border: '1px solid var(--mantine-color-gray-3)',
                      borderRadius: 'var(--mantine-radius-sm)',
                      fontFamily: '"Hiragino Mincho ProN", "Yu Mincho", "Noto Serif JP", serif',
                    }}
                  >
                    <Title order={4} ta="center" mb="sm" ff="inherit">
                      {doc.title}
                    </Title>
                    {doc.entriesNote ? (
                      <Text size="xs" c="dimmed" mb="sm" data-testid="policy-entries-note">
                        {doc.entriesNote}
                      </Text>
                    ) : null}
                    <Text size="sm" mb="sm" ff="inherit">
                      {doc.preamble}
                    </Text>
                    {doc.sections.map((s) => (
                      <Box key={s.heading} mb="xs">
                        <Text size="sm" fw={700} ff="inherit">
                          {s.heading}
                        </Text>
                        <Text size="sm" ff="inherit">
                          {s.body}
                        </Text>
                      </Box>
                    ))}
                    <Stack gap={0} mt="md" align="flex-end">
                      {doc.signature.map((line) => (
                        <Text key={line} size="sm" ff="inherit" ta="right">
                          {line}
                        </Text>
                      ))}
                    </Stack>
                  </Box>
                  <Group gap="sm">
                    <Button variant="default" onClick={print}>
                      {t('sme.policy.print')}
                    </Button>
                    <Button
                      component="a"
                      href={api.smePolicyPdfUrl(orgId, lang)}
                      download
                      variant="default"
                      leftSection={<DownloadIcon />}
                    >
                      {t('sme.policy.pdf')}
                    </Button>
                  </Group>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('sme.policy.noPreview')}
                </Text>
              )}
            </Stack>
          </Paper>

          <PolicyPublish
            reviewer={reviewer}
            policy={policy}
            url={url}
            publishing={publishing}
            onPublish={publish}
            onNext={onNext}
          />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
