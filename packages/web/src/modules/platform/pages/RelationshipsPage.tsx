import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import type { Relationship, RelationshipSide, RelationshipStatus } from '../../../api/types';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';
import { LoadMore } from '../../../components/LoadMore';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { StatusBadge, type StatusTone } from '../../../components/StatusBadge';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePaged } from '../../../lib/usePaged';
import { refreshNavBadges } from '../../../components/useNavBadges';
import { OrgInvitationsList } from '../components/OrgInvitationsList';
import { RequestRelationship } from '../components/RequestRelationship';

const tones: Record<RelationshipStatus, StatusTone> = {
  pending: 'pending',
  active: 'ok',
  declined: 'bad',
  ended: 'muted',
};

type Action = 'accept' | 'decline' | 'end';

export function RelationshipsPage() {
  const { t } = useTranslation('platform');
  const { orgId, role, membership } = useOrg();
  const list = usePaged<Relationship>(orgId, (cursor) => api.relationships(orgId, cursor));
  const [pending, setPending] = useState(0);
  const [invitedKey, setInvitedKey] = useState(0);
  const [acting, setActing] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const manage = can(role, 'relationships.manage');
  const lang = currentLanguage();

  useEffect(() => {
    let active = true;
    api.relationshipsPending(orgId).then(
      (r) => active && setPending(r.incoming),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [orgId, list.items]);

  const replace = (updated: Relationship) => {
    list.setItems((items) => items.map((r) => (r.id === updated.id ? updated : r)));
    refreshNavBadges();
  };

  const act = async (relationship: Relationship, action: Action) => {
    setActing(relationship.id);
    try {
      const { relationship: updated } = await api.relationshipAction(orgId, relationship.id, action);
      replace(updated);
      notifySuccess(t('relationships.updated'));
    } catch (error) {
      notifyError(error);
    } finally {
      setActing(null);
    }
  };

  const ask = (
    relationship: Relationship,
    name: string,
    title: 'relationships.endTitle' | 'relationships.withdrawTitle',
    message: 'relationships.endConfirm' | 'relationships.withdrawConfirm',
    confirmLabel: 'relationships.end' | 'relationships.withdraw',
  ) =>
    setConfirm({
      title: t(title),
      message: t(message, { name }),
      confirmLabel: t(confirmLabel),
      onConfirm: async () => {
        const { relationship: updated } = await api.relationshipAction(orgId, relationship.id, 'end');
        replace(updated);
        notifySuccess(t('relationships.updated'));
      },
    });

  const view = (relationship: Relationship) => {
    const ourSide: RelationshipSide = relationship.from.id === orgId ? 'from' : 'to';
    return {
      ourSide,
      counterpart: ourSide === 'from' ? relationship.to : relationship.from,
      requestedByUs: relationship.requestedBy === orgId,
    };
  };

  const columns: Column<Relationship>[] = [
    {
      key: 'counterpart',
      header: t('relationships.counterpart'),
      primary: true,
      render: (relationship) => {
        const { counterpart } = view(relationship);
        return (
          <div>
            <Text size="sm" fw={500}>
              {counterpart.name}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {counterpart.slug}
            </Text>
          </div>
        );
      },
    },
    {
      key: 'type',
      header: t('relationships.type'),
      render: (relationship) => <Text size="sm">{t(`relationships.types.${relationship.type}`)}</Text>,
    },
    {
      key: 'side',
      header: t('relationships.ourSide'),
      render: (relationship) => (
        <Text size="sm">{t(`relationships.sides.${relationship.type}.${view(relationship).ourSide}`)}</Text>
      ),
    },
    {
      key: 'status',
      header: t('common.status'),
      render: (relationship) => (
        <Stack gap={2} align="flex-start">
          <StatusBadge tone={tones[relationship.status]}>
            {t(`relationships.statuses.${relationship.status}`)}
          </StatusBadge>
          {relationship.status === 'pending' ? (
            <Text size="xs" c="dimmed">
              {view(relationship).requestedByUs
                ? t('relationships.requestedByUs')
                : t('relationships.requestedByThem')}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'created',
      header: t('common.createdAt'),
      nowrap: true,
      render: (relationship) => <Text size="sm">{formatDateTime(relationship.createdAt, lang)}</Text>,
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (relationship) => {
        const { counterpart, requestedByUs } = view(relationship);
        const busyRow = acting === relationship.id;
        const label = (action: string) => t('relationships.actionLabel', { name: counterpart.name, action });
        return (
          <Group gap="xs" wrap="nowrap">
            {relationship.status === 'pending' && !requestedByUs ? (
              <>
                <Button
                  size="xs"
                  loading={busyRow}
                  aria-label={label(t('relationships.accept'))}
                  onClick={() => void act(relationship, 'accept')}
                >
                  {t('relationships.accept')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={busyRow}
                  aria-label={label(t('relationships.decline'))}
                  onClick={() => void act(relationship, 'decline')}
                >
                  {t('relationships.decline')}
                </Button>
              </>
            ) : null}
            {relationship.status === 'pending' && requestedByUs ? (
              <Button
                size="xs"
                variant="default"
                aria-label={label(t('relationships.withdraw'))}
                onClick={() =>
                  ask(
                    relationship,
                    counterpart.name,
                    'relationships.withdrawTitle',
                    'relationships.withdrawConfirm',
                    'relationships.withdraw',
                  )
                }
              >
                {t('relationships.withdraw')}
              </Button>
            ) : null}
            {relationship.status === 'active' ? (
              <Button
                size="xs"
                color="red"
                variant="light"
                aria-label={label(t('relationships.end'))}
                onClick={() =>
                  ask(
                    relationship,
                    counterpart.name,
                    'relationships.endTitle',
                    'relationships.endConfirm',
                    'relationships.end',
                  )
                }
              >
                {t('relationships.end')}
              </Button>
            ) : null}
          </Group>
        );
      },
    });
  }

  return (
    <Stack>
      <PageHeader title={t('relationships.title')} description={t('relationships.intro')} />
      {pending > 0 ? (
        <Alert color="orange" title={t('relationships.pendingTitle')} data-testid="relationships-pending">
          {t('relationships.pendingAlert', { count: pending })}
        </Alert>
      ) : null}
      <DataTable label={t('relationships.title')} columns={columns} rows={list.items} rowKey={(r) => r.id} />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loading}
        empty={list.items.length === 0}
        onLoadMore={list.loadMore}
      />
      {manage ? (
        <RequestRelationship
          orgId={orgId}
          defaultSide={membership.organization.kind === 'supplier' ? 'to' : 'from'}
          onInvited={() => setInvitedKey((k) => k + 1)}
          onRequested={(relationship) =>
            list.setItems((items) => [relationship, ...items.filter((r) => r.id !== relationship.id)])
          }
        />
      ) : null}
      <OrgInvitationsList orgId={orgId} refreshKey={invitedKey} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Stack>
  );
}
