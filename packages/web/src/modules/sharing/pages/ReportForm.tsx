import { Button, FileInput, Select, Stack, TextInput, Textarea, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateField } from '../../../components/DateField';
import { useOrg } from '../../../components/OrgContext';
import { todayInTokyo } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { MAX_ATTACHMENT_BYTES, sharingApi, type ReportInput } from '../api';

export const ATTACK_TYPES = [
  'targeted-attack',
  'ransomware',
  'supply-chain',
  'bec',
  'vuln-exploit',
  'zero-day',
  'unauthorized-login',
  'ddos',
  'insider',
  'careless-leak',
  'personal-data-theft',
  'remote-work',
  'iot-misuse',
  'it-outage',
  'geopolitical',
  'ai-risk',
  'crime-as-a-service',
  'other',
] as const;

/** A member's report to a hub; the sanitizer's proposal is made on submission and shown on the report page. */
export function ReportForm({ hubId, onSubmitted }: { hubId: string; onSubmitted: () => void }) {
  const { t, i18n } = useTranslation('sharing');
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [attackType, setAttackType] = useState<ReportInput['attackType']>('targeted-attack');
  const [occurredOn, setOccurredOn] = useState(todayInTokyo());
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const tooLarge = files.some((f) => f.size > MAX_ATTACHMENT_BYTES);
  const submit = () => {
    setBusy(true);
    sharingApi
      .submit(orgId, hubId, {
        title,
        text,
        lang: i18n.language === 'en' ? 'en' : 'ja',
        attackType,
        occurredOn,
        indicators: [],
      })
      .then(async (r) => {
        // Attached one after another once the report exists; a refused file is reported and the rest go on.
        for (const f of files) await sharingApi.attach(orgId, r.report.id, f).catch(notifyError);
        onSubmitted();
        void navigate(`reports/${r.report.id}`);
      }, notifyError)
      .finally(() => setBusy(false));
  };
  return (
    <Stack gap="xs">
      <TextInput
        label={t('sharing.form.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <Group grow align="start">
        <Select
          label={t('sharing.form.attackType')}
          allowDeselect={false}
          data={ATTACK_TYPES.map((a) => ({ value: a, label: t(`sharing.attack.${a}`) }))}
          value={attackType}
          onChange={(v) => v && setAttackType(v)}
        />
        <DateField
          label={t('sharing.form.occurredOn')}
          value={occurredOn}
          onChange={(e) => setOccurredOn(e.currentTarget.value)}
        />
      </Group>
      <Textarea
        label={t('sharing.form.text')}
        description={t('sharing.form.textHint')}
        autosize
        minRows={5}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <FileInput
        multiple
        clearable
        label={t('sharing.form.attachments')}
        description={t('sharing.form.attachmentsHint')}
        accept=".eml,.txt,.log,.csv,message/rfc822,text/plain,text/csv"
        value={files}
        onChange={(v) => setFiles(v.slice(0, 20))}
        error={tooLarge ? t('sharing.attach.tooLarge') : undefined}
        data-testid="report-files"
      />
      <Group>
        <Button onClick={submit} loading={busy} disabled={!title.trim() || !text.trim() || tooLarge}>
          {t('sharing.form.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
