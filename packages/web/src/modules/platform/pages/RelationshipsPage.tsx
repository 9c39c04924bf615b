import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import {
  RELATIONSHIP_TYPES,
  type Relationship,
  type RelationshipSide,
  type RelationshipStatus,
  type RelationshipType,
} from '../../../api/types';
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

const tones: Record<RelationshipStatus, StatusTone> = {
  pending: 'pending',
  active: 'ok',
  declined: 'bad',
  ended: 'muted',
};

const isType = (value: string | null): value is RelationshipType =>
  (RELATIONSHIP_TYPES as readonly (string | null)[]).includes(value);
const isSide = (value: string | null): value is RelationshipSide => value === 'from' || value === 'to';

type Action = 'accept' | 'decline' | 'end';

export function RelationshipsPage() {
  const { t } = useTranslation('platform');
  const { orgId, role } = useOrg();
  const list = usePaged<Relationship>(orgId, (cursor) => api.relationships(orgId, cursor));
  const [slug, setSlug] = useState('');
  const [type, setType] = useState<RelationshipType>('buyer_supplier');
  const [side, setSide] = useState<RelationshipSide>('from');
  const [slugError, setSlugError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [acting, setActing] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const manage = can(role, 'relationships.manage');
  const lang = currentLanguage();

  const replace = (updated: Relationship) =>
    list.setItems((items) => items.map((r) => (r.id === updated.id ? updated : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const counterpartSlug = slug.trim();
    if (!counterpartSlug) {
      setSlugError(t('validation.required'));
      return;
    }
    setSlugError(undefined);
    setBusy(true);
    try {
      const { relationship } = await api.requestRelationship(orgId, { counterpartSlug, type, side });
      list.setItems((items) => [relationship, ...items.filter((r) => r.id !== relationship.id)]);
      notifySuccess(t('relationships.requested'));
      setSlug('');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
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
      {manage ? (
        <Paper withBorder p="md">
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('relationships.formTitle')}
              </Title>
              <Group align="flex-start" wrap="wrap" gap="sm">
                <TextInput
                  label={t('relationships.counterpartSlug')}
                  description={t('relationships.counterpartHint')}
                  required
                  value={slug}
                  error={slugError}
                  onChange={(event) => setSlug(event.currentTarget.value)}
                  autoCapitalize="none"
                  spellCheck={false}
                  style={{ flex: '1 1 240px' }}
                />
                <Select
                  label={t('relationships.type')}
                  description={t('relationships.typeHint')}
                  required
                  allowDeselect={false}
                  data={RELATIONSHIP_TYPES.map((value) => ({
                    value,
                    label: t(`relationships.types.${value}`),
                  }))}
                  value={type}
                  onChange={(value) => {
                    if (isType(value)) setType(value);
                  }}
                  style={{ flex: '1 1 220px' }}
                />
                <Select
                  label={t('relationships.side')}
                  description={t('relationships.sideHint')}
                  required
                  allowDeselect={false}
                  data={(['from', 'to'] as const).map((value) => ({
                    value,
                    label: t(`relationships.sides.${type}.${value}`),
                  }))}
                  value={side}
                  onChange={(value) => {
                    if (isSide(value)) setSide(value);
                  }}
                  style={{ flex: '1 1 180px' }}
                />
              </Group>
              <Group>
                <Button type="submit" loading={busy}>
                  {t('relationships.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
      <DataTable label={t('relationships.title')} columns={columns} rows={list.items} rowKey={(r) => r.id} />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loading}
        empty={list.items.length === 0}
        onLoadMore={list.loadMore}
      />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Stack>
  );
}
