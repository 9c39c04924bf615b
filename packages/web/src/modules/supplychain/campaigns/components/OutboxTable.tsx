import {
  ActionIcon,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../../lib/notify';
import { campaignsApi, type OutboxMail } from '../api';

const STATE_COLOR: Record<string, string> = { queued: 'gray', sending: 'blue', sent: 'teal', failed: 'red' };

/** The outbox: each mail with its delivery state and SMTP error; resend; a fresh link to copy (shown once). */
export function OutboxTable({ orgId, campaignId }: { orgId: string; campaignId?: string }) {
  const { t } = useTranslation('campaigns');
  const [items, setItems] = useState<OutboxMail[] | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const load = useCallback(() => {
    campaignsApi.outbox(orgId, campaignId).then((r) => setItems(r.items), notifyError);
  }, [orgId, campaignId]);
  useEffect(load, [load]);
  if (!items) return null;
  if (items.length === 0) return <Text c="dimmed">{t('campaigns.outboxPage.empty')}</Text>;
  return (
    <Card withBorder p={0}>
      <Table.ScrollContainer minWidth={340}>
        <Table verticalSpacing="xs" aria-label={t('campaigns.outbox')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.outboxPage.to')}</Table.Th>
              <Table.Th>{t('campaigns.outboxPage.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  <Text size="sm">{m.to}</Text>
                  <Text size="xs" c="dimmed">
                    {[m.toName, t(`campaigns.outboxPage.kinds.${m.kind}`, { defaultValue: m.kind })]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge color={STATE_COLOR[m.state] ?? 'gray'}>
                      {t(`campaigns.outboxPage.states.${m.state}`)}
                    </Badge>
                    {m.error && (
                      <Text size="xs" c="red" style={{ wordBreak: 'break-word' }}>
                        {m.error}
                      </Text>
                    )}
                    <Group gap={4}>
                      {(m.state === 'sent' || m.state === 'failed') && (
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => void campaignsApi.resend(orgId, m.id).then(load, notifyError)}
                        >
                          {t('campaigns.outboxPage.resend')}
                        </Button>
                      )}
                      {m.kind !== 'escalation' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() =>
                            void campaignsApi.copyLink(orgId, m.id).then((r) => {
                              setLink(r.url);
                              load();
                            }, notifyError)
                          }
                        >
                          {t('campaigns.outboxPage.copyLink')}
                        </Button>
                      )}
                    </Group>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={link !== null}
        onClose={() => setLink(null)}
        title={t('campaigns.outboxPage.linkShown')}
        centered
      >
        <Stack>
          <TextInput readOnly value={link ?? ''} aria-label={t('campaigns.outboxPage.copyLink')} />
          <CopyButton value={link ?? ''}>
            {({ copied, copy }) => (
              <ActionIcon component="span" w="auto" px="sm" variant="light" onClick={copy}>
                {copied ? t('campaigns.outboxPage.copied') : t('campaigns.outboxPage.copyLink')}
              </ActionIcon>
            )}
          </CopyButton>
        </Stack>
      </Modal>
    </Card>
  );
}
