import { Alert, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../../components/PageHeader';
import { useOrg } from '../../../../components/OrgContext';
import { currentLanguage } from '../../../../i18n';
import { notifyError } from '../../../../lib/notify';
import { can } from '@shinrai/core/browser';
import { inboxApi, type InboxEntry } from '../api';
import { OwnStarResults } from '../components/OwnStarResults';

const STATUS_COLOR: Record<string, string> = {
  sent: 'orange',
  opened: 'blue',
  submitted: 'teal',
  accepted: 'green',
};

/** 回答依頼（受信）: every buyer's questionnaire request addressed to this organization. */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { orgId, role } = useOrg();
  const lang = currentLanguage();
  const [items, setItems] = useState<InboxEntry[] | null>(null);
  useEffect(() => {
    inboxApi.list(orgId).then((r) => setItems(r.items), notifyError);
  }, [orgId]);
  const open = items?.filter((i) => i.open).length ?? 0;
  return (
    <Stack gap="lg">
      <PageHeader title={t('list.title')} description={t('list.intro')} />
      {items?.length === 0 && <Alert color="gray">{t('list.empty')}</Alert>}
      {items && items.length > 0 && (
        <>
          <Text size="sm">{t('list.open', { count: open })}</Text>
          <Card withBorder p={0}>
            <Table.ScrollContainer minWidth={340}>
              <Table verticalSpacing="sm" aria-label={t('list.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('list.campaign')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('list.catalog')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('list.deadline')}</Table.Th>
                    <Table.Th>{t('list.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Stack gap={2}>
                          <Link to={`/orgs/${orgId}/inbox/${r.id}`}>{r.title}</Link>
                          <Text size="xs" c="dimmed">
                            {t('list.buyer')}: {r.buyer}
                          </Text>
                          <Text size="xs" c="dimmed" hiddenFrom="sm">
                            {t('list.deadline')}: {r.deadline}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{r.catalog[lang]}</Table.Td>
                      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                        {r.deadline}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} style={{ flexWrap: 'wrap' }}>
                          <Badge
                            variant="light"
                            style={{ overflow: 'visible', flexShrink: 0 }}
                            color={STATUS_COLOR[r.status] ?? 'gray'}
                          >
                            {r.campaignClosed
                              ? t('status.campaignClosed')
                              : t(`status.${r.status}` as 'status.sent')}
                          </Badge>
                          {r.clarify > 0 && (
                            <Badge color="orange">{t('list.clarify', { count: r.clarify })}</Badge>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </>
      )}
      <OwnStarResults orgId={orgId} manager={can(role, 'supplychain.manage')} />
    </Stack>
  );
}
