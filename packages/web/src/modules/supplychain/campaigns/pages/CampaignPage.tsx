import { Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../../components/PageHeader';
import { useOrg } from '../../../../components/OrgContext';
import { notifyError } from '../../../../lib/notify';
import { campaignsApi, type CampaignDetail } from '../api';
import { OutboxTable } from '../components/OutboxTable';

const COLOR: Record<string, string> = { sent: 'gray', opened: 'blue', submitted: 'orange', accepted: 'teal' };

/** A campaign: each supplier's status, reminders and escalation, and its mails. */
export function CampaignPage() {
  const { t } = useTranslation('campaigns');
  const { orgId } = useOrg();
  const { campaignId = '' } = useParams();
  const [d, setD] = useState<CampaignDetail | null>(null);
  useEffect(() => {
    campaignsApi.detail(orgId, campaignId).then(setD, notifyError);
  }, [orgId, campaignId]);
  if (!d) return null;
  return (
    <Stack gap="lg">
      <PageHeader
        title={d.campaign.title}
        description={`${t('campaigns.deadline')}: ${d.campaign.deadline} · ${t('campaigns.form.mailLanguage')}: ${t(`campaigns.form.mailLanguages.${d.campaign.mailLanguage}`)}`}
      />
      <Title order={2} size="h4">
        {t('campaigns.detail.requests')}
      </Title>
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" aria-label={t('campaigns.detail.requests')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaigns.suppliers')}</Table.Th>
                <Table.Th>{t('campaigns.status')}</Table.Th>
                <Table.Th>{t('campaigns.detail.reminders')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.requests.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.supplierName}</Table.Td>
                  <Table.Td>
                    <Badge color={COLOR[r.status] ?? 'gray'}>
                      {t(`campaigns.statuses.${r.status}`, { defaultValue: r.status })}
                    </Badge>
                    {r.escalatedAt && (
                      <Text size="xs" c="red">
                        {t('campaigns.detail.escalated')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.reminders.length ? r.reminders.map((n) => `${n}`).join(' / ') : '—'}</Table.Td>
                  <Table.Td>
                    <Button
                      component={Link}
                      size="xs"
                      variant="light"
                      to={`/orgs/${orgId}/campaigns/requests/${r.id}`}
                    >
                      {t('campaigns.detail.review')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Title order={2} size="h4">
        {t('campaigns.outbox')}
      </Title>
      <OutboxTable orgId={orgId} campaignId={campaignId} />
    </Stack>
  );
}

/** Every campaign mail of the organization. */
export function OutboxPage() {
  const { t } = useTranslation('campaigns');
  const { orgId } = useOrg();
  return (
    <Stack gap="lg">
      <PageHeader title={t('campaigns.outbox')} />
      <OutboxTable orgId={orgId} />
    </Stack>
  );
}
