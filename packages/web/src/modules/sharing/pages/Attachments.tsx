import {
  Anchor,
  Badge,
  Card,
  Code,
  FileButton,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../../components/OrgContext';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { MAX_ATTACHMENT_BYTES, sharingApi, type Attachment, type ReportDetail } from '../api';
import { defang } from './parts';

const AUTH_COLOR: Record<string, string> = { pass: 'teal', fail: 'red', softfail: 'orange', none: 'gray' };

/** Attaches a file (an .eml or a log excerpt) to a report; refused sizes are caught before sending. */
export function AttachButton({ reportId, onDone }: { reportId: string; onDone: (r: ReportDetail) => void }) {
  const { t } = useTranslation('sharing');
  const { orgId } = useOrg();
  const [busy, setBusy] = useState(false);
  const pick = (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      notifyError(new Error(t('sharing.attach.tooLarge')));
      return;
    }
    setBusy(true);
    sharingApi
      .attach(orgId, reportId, file)
      .then((x) => {
        notifySuccess(t('sharing.attach.done', { name: file.name }));
        onDone(x.report);
      }, notifyError)
      .finally(() => setBusy(false));
  };
  return (
    <FileButton onChange={pick} accept=".eml,.txt,.log,.csv,message/rfc822,text/plain,text/csv">
      {(props) => (
        <Button variant="default" loading={busy} {...props} data-testid="attach">
          {t('sharing.attach.button')}
        </Button>
      )}
    </FileButton>
  );
}

/** The report's attachments: an .eml's headers, Received chain, authentication, hashes and defanged URLs. */
export function Attachments({ r, onDone }: { r: ReportDetail; onDone: (r: ReportDetail) => void }) {
  const { t } = useTranslation('sharing');
  const { orgId } = useOrg();
  const canAttach = r.mine && r.status !== 'published';
  if (r.attachments.length === 0 && !canAttach) return null;
  return (
    <Card withBorder data-testid="attachments">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('sharing.attach.title')}</Title>
        {canAttach ? <AttachButton reportId={r.id} onDone={onDone} /> : null}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('sharing.attach.hint')}
      </Text>
      <Stack gap="md">
        {r.attachments.map((a) => (
          <Stack key={a.id} gap={6}>
            <Group gap="xs">
              <Badge variant="light">
                {a.kind === 'eml' ? t('sharing.attach.mail') : t('sharing.attach.text')}
              </Badge>
              <Anchor
                href={sharingApi.attachmentUrl(orgId, r.id, a.id)}
                size="sm"
                style={{ wordBreak: 'break-all' }}
              >
                {a.filename}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('sharing.attach.size', { kb: Math.max(1, Math.round(a.size / 1024)) })}
              </Text>
            </Group>
            <Code style={{ wordBreak: 'break-all' }}>SHA-256 {a.sha256}</Code>
            {a.eml ? <Mail eml={a.eml} /> : null}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

function Mail({ eml }: { eml: NonNullable<Attachment['eml']> }) {
  const { t } = useTranslation('sharing');
  const rows: [string, string | null][] = [
    ['From', eml.from ? `${eml.from.name} <${defang(eml.from.address)}>` : null],
    ['Reply-To', eml.replyTo ? defang(eml.replyTo) : null],
    ['Return-Path', eml.returnPath ? defang(eml.returnPath) : null],
    ['Subject', eml.subject],
    ['Date', eml.date],
    ['Message-ID', eml.messageId],
    ['X-Mailer', eml.xMailer],
  ];
  return (
    <Stack gap={8} data-testid="eml">
      <Table withRowBorders={false} verticalSpacing={2} layout="fixed">
        <Table.Tbody>
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Td w={110}>
                  <Text size="xs" c="dimmed">
                    {k}
                  </Text>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  <Text size="sm">{v}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        {(['spf', 'dkim', 'dmarc'] as const).map((m) => (
          <Badge key={m} color={AUTH_COLOR[eml.auth[m] ?? 'none'] ?? 'yellow'} variant="light">
            {m.toUpperCase()}: {eml.auth[m] ?? '—'}
          </Badge>
        ))}
        <Text size="xs" c="dimmed">
          {t('sharing.attach.recipients', { n: eml.recipientsRedacted })}
        </Text>
      </Group>
      {eml.textCut ? (
        <Text size="xs" c="orange.8" data-testid="eml-text-cut">
          {t('sharing.attach.textCut', {
            chars: eml.textCut.chars.toLocaleString(),
            urls: eml.textCut.urls.toLocaleString(),
          })}
          {eml.textCut.body ? ` ${t('sharing.attach.textCutBody')}` : ''}
        </Text>
      ) : null}
      <Text size="sm" fw={600}>
        {t('sharing.attach.hops')}
      </Text>
      <Stack gap={4} component="ol" style={{ margin: 0, paddingInlineStart: 20 }}>
        {eml.received.map((h, i) => (
          <Text component="li" size="xs" key={i} style={{ wordBreak: 'break-all' }}>
            <b>from</b> {h.from ?? '—'} <b>by</b> {h.by ?? '—'} <b>with</b> {h.with ?? '—'}
            {h.ips.length ? ` · IP ${h.ips.map(defang).join(', ')}` : ''}
            {h.time ? ` · ${h.time}` : ''}
          </Text>
        ))}
      </Stack>
      {eml.defangedUrls.length ? (
        <>
          <Text size="sm" fw={600}>
            {t('sharing.attach.urls')}
          </Text>
          {eml.defangedUrls.map((u) => (
            <Code key={u} style={{ wordBreak: 'break-all' }}>
              {u}
            </Code>
          ))}
        </>
      ) : null}
      {eml.attachments.length ? (
        <>
          <Text size="sm" fw={600}>
            {t('sharing.attach.mailFiles')}
          </Text>
          {eml.attachments.map((f) => (
            <Stack key={f.sha256} gap={0}>
              <Text size="xs">
                {f.name} ({f.contentType}, {f.size} B)
              </Text>
              <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 11 }}>
                SHA-256 {f.sha256}
                {'\n'}SHA-1 {f.sha1}
                {'\n'}MD5 {f.md5}
              </Code>
            </Stack>
          ))}
        </>
      ) : null}
    </Stack>
  );
}
