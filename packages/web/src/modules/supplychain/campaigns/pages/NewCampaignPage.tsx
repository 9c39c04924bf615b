import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../../../api/client';
import { DateField } from '../../../../components/DateField';
import { PageHeader } from '../../../../components/PageHeader';
import { useOrg } from '../../../../components/OrgContext';
import { currentLanguage } from '../../../../i18n';
import { notifyError, notifySuccess } from '../../../../lib/notify';
import { http, send } from '../../../../api/client';
import { campaignsApi, type CampaignCheck, type CampaignInput } from '../api';

/** The language of the campaign's mails to respondents; Japanese then English unless the buyer chooses. */
const MAIL_LANGUAGES = ['ja_en', 'ja', 'en'] as const;
type MailLanguage = (typeof MAIL_LANGUAGES)[number];

type Recipient = {
  id: string;
  name: string;
  criticality: string;
  contacts: { email: string; name: string }[];
};

/** Pick a catalog and suppliers, set a deadline, check, send. */
export function NewCampaignPage() {
  const { t } = useTranslation('campaigns');
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const [catalogs, setCatalogs] = useState<{ value: string; label: string }[]>([]);
  const [recipients, setRecipients] = useState<Recipient[] | null>(null);
  const [title, setTitle] = useState('');
  const [catalogId, setCatalogId] = useState<string | null>(null);
  const [deadline, setDeadline] = useState('');
  const [linkDays, setLinkDays] = useState<number | ''>('');
  const [message, setMessage] = useState('');
  const [mailLanguage, setMailLanguage] = useState<MailLanguage>('ja_en');
  const [chosen, setChosen] = useState<string[]>([]);
  const [checks, setChecks] = useState<CampaignCheck[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.catalogs(orgId).then(
      (r) =>
        setCatalogs(
          r.items.map((c) => ({
            value: c.id,
            label: c.title[lang],
          })),
        ),
      notifyError,
    );
    send(
      http.GET('/api/orgs/{orgId}/supplychain/campaigns/recipients', { params: { path: { orgId } } }),
    ).then((r) => setRecipients(r.items), notifyError);
  }, [orgId, lang]);

  const input = (): CampaignInput => ({
    title: title.trim(),
    catalogId: catalogId ?? '',
    deadline,
    ...(linkDays === '' ? {} : { linkDays }),
    message: message.trim() || null,
    supplierIds: chosen,
    mailLanguage,
  });
  const check = async () => {
    setBusy(true);
    try {
      setChecks((await campaignsApi.check(orgId, input())).checks);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const sendIt = async () => {
    setBusy(true);
    try {
      const r = await campaignsApi.send(orgId, input());
      notifySuccess(t('campaigns.form.sent', { requests: r.requests, mails: r.mails }));
      void navigate(`/orgs/${orgId}/campaigns/${r.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'campaign_not_ready')
        setChecks((e.details as { checks: CampaignCheck[] }).checks);
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const ready = title.trim() !== '' && catalogId !== null && deadline !== '';

  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t('campaigns.new')} description={t('campaigns.intro')} />
      <TextInput
        required
        label={t('campaigns.form.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <Select
        required
        searchable
        label={t('campaigns.form.catalog')}
        data={catalogs}
        value={catalogId}
        onChange={setCatalogId}
      />
      <Group grow align="flex-start">
        <DateField
          required
          label={t('campaigns.form.deadline')}
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
        />
        <NumberInput
          label={t('campaigns.form.linkDays')}
          min={1}
          max={90}
          value={linkDays}
          onChange={(v) => setLinkDays(typeof v === 'number' ? v : '')}
        />
      </Group>
      <Select
        label={t('campaigns.form.mailLanguage')}
        description={t('campaigns.form.mailLanguageHelp')}
        data={MAIL_LANGUAGES.map((l) => ({ value: l, label: t(`campaigns.form.mailLanguages.${l}`) }))}
        value={mailLanguage}
        onChange={(v) => v && setMailLanguage(v)}
        allowDeselect={false}
      />
      <Textarea
        label={t('campaigns.form.message')}
        autosize
        minRows={2}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
      <Checkbox.Group label={t('campaigns.form.suppliers')} value={chosen} onChange={setChosen}>
        <Stack gap={6} mt={6}>
          {recipients?.length === 0 && <Text c="dimmed">{t('campaigns.form.noSuppliers')}</Text>}
          {recipients?.map((r) => (
            <Checkbox
              key={r.id}
              value={r.id}
              label={
                <span>
                  {r.name}{' '}
                  <Text span size="xs" c={r.contacts.length ? 'dimmed' : 'red'}>
                    {r.contacts.length
                      ? r.contacts.map((c) => c.email).join(', ')
                      : t('campaigns.check.supplier_no_contact.title')}
                  </Text>
                </span>
              }
            />
          ))}
        </Stack>
      </Checkbox.Group>
      {checks && checks.length === 0 && <Alert color="teal">{t('campaigns.form.checkOk')}</Alert>}
      {checks?.map((c, i) => (
        <Alert
          key={i}
          color={c.severity === 'error' ? 'red' : 'yellow'}
          title={t(`campaigns.check.${c.code}.title`, { defaultValue: c.code })}
        >
          {c.subject && (
            <Text size="sm" fw={600}>
              {c.subject}
            </Text>
          )}
          <Text size="sm">{t(`campaigns.check.${c.code}.fix`, { defaultValue: '' })}</Text>
        </Alert>
      ))}
      <Group>
        <Button variant="default" onClick={() => void check()} loading={busy} disabled={!ready}>
          {t('campaigns.form.check')}
        </Button>
        <Button onClick={() => void sendIt()} loading={busy} disabled={!ready || chosen.length === 0}>
          {t('campaigns.form.send')}
        </Button>
      </Group>
    </Stack>
  );
}
