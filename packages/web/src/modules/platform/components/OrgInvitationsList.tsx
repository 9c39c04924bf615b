import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { LoadMore } from '../../../components/LoadMore';
import { StatusBadge, type StatusTone } from '../../../components/StatusBadge';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { usePaged } from '../../../lib/usePaged';

type OrgInvitation = Awaited<ReturnType<typeof api.orgInvitations>>['items'][number];

const tones: Record<OrgInvitation['status'], StatusTone> = {
  pending: 'pending',
  accepted: 'ok',
  revoked: 'muted',
  expired: 'muted',
};

/** Companies this organization invited by e-mail, and whether they joined (shown once there is one). */
export function OrgInvitationsList({ orgId, refreshKey }: { orgId: string; refreshKey: number }) {
  const { t } = useTranslation('platform');
  const lang = currentLanguage();
  const list = usePaged<OrgInvitation>(`${orgId}:${refreshKey}`, (cursor) =>
    api.orgInvitations(orgId, cursor),
  );
  if (list.items.length === 0) return null;
  const columns: Column<OrgInvitation>[] = [
    {
      key: 'company',
      header: t('relationships.inviteCompany'),
      primary: true,
      render: (i) => (
        <div>
          <Text size="sm" fw={500}>
            {i.companyName}
          </Text>
          <Text size="xs" c="dimmed">
            {i.email}
          </Text>
        </div>
      ),
    },
    {
      key: 'status',
      header: t('common.status'),
      render: (i) => (
        <StatusBadge tone={tones[i.status]}>{t(`relationships.invitationStatuses.${i.status}`)}</StatusBadge>
      ),
    },
    {
      key: 'created',
      header: t('common.createdAt'),
      nowrap: true,
      render: (i) => <Text size="sm">{formatDateTime(i.createdAt, lang)}</Text>,
    },
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('relationships.invitationsTitle')}
      </Title>
      <DataTable
        label={t('relationships.invitationsTitle')}
        columns={columns}
        rows={list.items}
        rowKey={(i) => i.id}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loading} empty={false} onLoadMore={list.loadMore} />
    </Stack>
  );
}
