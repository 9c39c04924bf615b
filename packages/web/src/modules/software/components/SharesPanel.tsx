// Release shares (SBOM の共有): a supplier lets a buyer it has an active buyer → supplier relationship with
// see this release in the buyer's where-used search; a share can be revoked at any time.
import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { softwareApi, type Release, type SoftwareShare } from '../../../api/software';
import type { RelationshipParty } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';

const STATE_COLOR = { active: 'teal', relationship_ended: 'yellow', revoked: 'gray' } as const;

/** Buyers this organization supplies through an active relationship (every page of the list). */
async function activeBuyers(orgId: string): Promise<RelationshipParty[]> {
  const buyers: RelationshipParty[] = [];
  let cursor: string | null = null;
  do {
    const page = await api.relationships(orgId, cursor);
    for (const r of page.items)
      if (r.type === 'buyer_supplier' && r.status === 'active' && r.to.id === orgId) buyers.push(r.from);
    cursor = page.nextCursor;
  } while (cursor);
  return buyers;
}

export function SharesPanel({
  orgId,
  release,
  manager,
}: {
  orgId: string;
  release: Release;
  manager: boolean;
}) {
  const { t } = useTranslation('software');
  const lang = currentLanguage();
  const [items, setItems] = useState<SoftwareShare[] | null>(null);
  const [buyers, setBuyers] = useState<RelationshipParty[]>([]);
  const [buyer, setBuyer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const load = () =>
    softwareApi.shares(orgId, release.id).then(
      (r) => setItems(r.items),
      (error: unknown) => {
        notifyError(error);
        setItems([]);
      },
    );

  useEffect(() => {
    void load();
    if (manager) activeBuyers(orgId).then(setBuyers, notifyError);
  }, [orgId, release.id, manager]);

  const sharedWith = new Set((items ?? []).filter((s) => s.state === 'active').map((s) => s.withOrgId));
  const choices = buyers.filter((b) => !sharedWith.has(b.id)).map((b) => ({ value: b.id, label: b.name }));

  const share = async () => {
    if (!buyer) return;
    setBusy(true);
    try {
      await softwareApi.createShare(orgId, { releaseId: release.id, withOrgId: buyer });
      notifySuccess(t('software.shares.shared', { name: buyers.find((b) => b.id === buyer)?.name ?? '' }));
      setBuyer(null);
      await load();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const revoke = (s: SoftwareShare) =>
    setConfirm({
      title: t('software.shares.revoke'),
      message: t('software.shares.revokeConfirm', { name: s.withOrg.name }),
      confirmLabel: t('software.shares.revoke'),
      onConfirm: async () => {
        await softwareApi.revokeShare(orgId, s.id);
        notifySuccess(t('software.shares.revoked', { name: s.withOrg.name }));
        await load();
      },
    });

  const columns: Column<SoftwareShare>[] = [
    {
      key: 'buyer',
      header: t('software.shares.buyer'),
      primary: true,
      render: (s) => (
        <Text size="sm" fw={500}>
          {s.withOrg.name}
        </Text>
      ),
    },
    {
      key: 'state',
      header: t('software.shares.state'),
      nowrap: true,
      render: (s) => (
        <Badge color={STATE_COLOR[s.state]} variant="light">
          {t(`software.shares.states.${s.state}`)}
        </Badge>
      ),
    },
    {
      key: 'created',
      header: t('software.shares.createdAt'),
      nowrap: true,
      render: (s) => (
        <Text size="sm">
          {formatDateTime(s.createdAt, lang)}
          {s.revokedAt ? ` → ${formatDateTime(s.revokedAt, lang)}` : ''}
        </Text>
      ),
    },
    ...(manager
      ? [
          {
            key: 'actions',
            header: '',
            nowrap: true,
            render: (s: SoftwareShare) =>
              s.state === 'revoked' ? null : (
                <Button size="xs" variant="subtle" color="red" onClick={() => revoke(s)}>
                  {t('software.shares.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('software.shares.intro')}
      </Text>
      {manager ? (
        <Group align="flex-end" gap="sm">
          <Select
            label={t('software.shares.pickBuyer')}
            placeholder={buyers.length ? t('software.shares.pickPlaceholder') : t('software.shares.noBuyers')}
            data={choices}
            value={buyer}
            onChange={setBuyer}
            disabled={choices.length === 0}
            searchable
            w={320}
            data-testid="share-buyer"
          />
          <Button onClick={() => void share()} disabled={!buyer || !release.sbom} loading={busy}>
            {t('software.shares.share')}
          </Button>
        </Group>
      ) : null}
      {manager && !release.sbom ? (
        <Text size="sm" c="dimmed">
          {t('software.shares.needsSbom')}
        </Text>
      ) : null}
      <Title order={4} size="h5">
        {t('software.shares.title')}
      </Title>
      {items && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('software.shares.empty')}
        </Text>
      ) : (
        <DataTable
          label={t('software.shares.title')}
          columns={columns}
          rows={items ?? []}
          rowKey={(s) => s.id}
        />
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Stack>
  );
}
