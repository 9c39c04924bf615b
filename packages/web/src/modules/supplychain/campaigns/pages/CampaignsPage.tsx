import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../../components/PageHeader';
import { useOrg } from '../../../../components/OrgContext';
import { notifyError } from '../../../../lib/notify';
import { campaignsApi, type CampaignSummary } from '../api';

/** The buyer's questionnaire campaigns. */
export function CampaignsPage() {
  const { t } = useTranslation('campaigns');
  const { orgId } = useOrg();
  const [items, setItems] = useState<CampaignSummary[] | null>(null);
  useEffect(() => {
    campaignsApi.list(orgId).then((r) => setItems(r.items), notifyError);
  }, [orgId]);
  return (
    <Stack gap="lg">
      <PageHeader title={t('campaigns.title')} description={t('campaigns.intro')} />
      <Group>
        <Button component={Link} to={`/orgs/${orgId}/campaigns/new`}>
          {t('campaigns.new')}
        </Button>
        <Button component={Link} to={`/orgs/${orgId}/campaigns/outbox`} variant="default">
          {t('campaigns.outbox')}
        </Button>
      </Group>
      {items?.length === 0 && <Alert color="gray">{t('campaigns.empty')}</Alert>}
      {items && items.length > 0 && (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="sm" aria-label={t('campaigns.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.form.title')}</Table.Th>
                  <Table.Th>{t('campaigns.deadline')}</Table.Th>
                  <Table.Th>{t('campaigns.suppliers')}</Table.Th>
                  <Table.Th>{t('campaigns.submitted')}</Table.Th>
                  <Table.Th>{t('campaigns.accepted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Link to={`/orgs/${orgId}/campaigns/${c.id}`}>{c.title}</Link>
                    </Table.Td>
                    <Table.Td>{c.deadline}</Table.Td>
                    <Table.Td>{c.requests}</Table.Td>
                    <Table.Td>{c.submitted}</Table.Td>
                    <Table.Td>
                      <Badge color={c.accepted === c.requests ? 'teal' : 'gray'} variant="light">
                        {c.accepted}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Text size="xs" c="dimmed">
        {t('campaigns.intro')}
      </Text>
    </Stack>
  );
}
