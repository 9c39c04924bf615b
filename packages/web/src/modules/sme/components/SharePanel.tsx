import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import type { Relationship, Share } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { allPages } from '../../../lib/allPages';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { activeBuyers } from '../lib/sme';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';
import { StatusBadge } from '../../../components/StatusBadge';

/**
 * Share a result with a buyer (発注元) this organization supplies: pick one of the active buyers, share,
 * see the shares of this result and revoke them. Sharing and revoking need owner or admin.
 */
export function SharePanel({
  orgId,
  reviewer,
  assessment,
}: {
  orgId: string;
  reviewer: boolean;
  assessment: { id: string; title: string };
}) {
  const { t } = useTranslation('sme');
  const lang = currentLanguage();
  const [relationships, setRelationships] = useState<Relationship[] | null>(null);
  const [shares, setShares] = useState<Share[]>([]);
  const [buyer, setBuyer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const loadShares = useCallback(
    () =>
      api.shares(orgId).then(
        (r) => setShares(r.items),
        (error: unknown) => notifyError(error),
      ),
    [orgId],
  );

  useEffect(() => {
    allPages((cursor) => api.relationships(orgId, cursor)).then(setRelationships, (error: unknown) => {
      setRelationships([]);
      notifyError(error);
    });
    void loadShares();
  }, [orgId, loadShares]);

  const buyers = useMemo(() => activeBuyers(relationships ?? [], orgId), [relationships, orgId]);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const r of relationships ?? []) {
      map.set(r.from.id, r.from.name);
      map.set(r.to.id, r.to.name);
    }
    return map;
  }, [relationships]);
  const mine = shares.filter((s) => s.assessmentId === assessment.id);
  const activeTo = new Set(mine.filter((s) => !s.revokedAt).map((s) => s.withOrgId));
  const choices = buyers.filter((b) => !activeTo.has(b.id));

  const share = async () => {
    if (!buyer) return;
    setBusy(true);
    try {
      await api.share(orgId, { assessmentId: assessment.id, withOrgId: buyer });
      notifySuccess(t('sme.share.shared', { name: names.get(buyer) ?? '' }));
      setBuyer(null);
      await loadShares();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<Share>[] = [
    {
      key: 'buyer',
      header: t('sme.share.buyer'),
      primary: true,
      render: (s) => names.get(s.withOrgId) ?? s.withOrgId,
    },
    {
      key: 'sharedAt',
      header: t('sme.share.sharedAt'),
      nowrap: true,
      render: (s) => formatDateTime(s.createdAt, lang),
    },
    {
      key: 'status',
      header: t('common.status'),
      render: (s) =>
        s.revokedAt ? (
          <StatusBadge tone="muted">
            {t('sme.share.revokedAt', { at: formatDateTime(s.revokedAt, lang) })}
          </StatusBadge>
        ) : (
          <StatusBadge tone="ok">{t('sme.share.active')}</StatusBadge>
        ),
    },
    ...(reviewer
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            actions: true,
            render: (s: Share) =>
              s.revokedAt ? null : (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() =>
                    setConfirm({
                      title: t('sme.share.revokeTitle'),
                      message: t('sme.share.revokeConfirm', { name: names.get(s.withOrgId) ?? '' }),
                      confirmLabel: t('sme.share.revoke'),
                      onConfirm: async () => {
                        await api.revokeShare(orgId, s.id);
                        notifySuccess(t('sme.share.revoked'));
                        await loadShares();
                      },
                    })
                  }
                >
                  {t('sme.share.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('sme.share.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sme.share.intro')}
        </Text>
        {relationships === null ? null : buyers.length === 0 ? (
          <Alert color="gray" variant="light">
            <Text size="sm">{t('sme.share.noBuyers')}</Text>
            <Anchor component={Link} to={`/orgs/${orgId}/relationships`} size="sm">
              {t('sme.share.toRelationships')}
            </Anchor>
          </Alert>
        ) : reviewer ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('sme.share.choose')}
              data={[
                {
                  value: '',
                  label: choices.length ? t('sme.share.choosePlaceholder') : t('sme.share.allShared'),
                },
                ...choices.map((b) => ({ value: b.id, label: b.name })),
              ]}
              value={buyer ?? ''}
              onChange={(event) => setBuyer(event.currentTarget.value || null)}
              disabled={choices.length === 0}
              style={{ flex: '1 1 220px' }}
            />
            <Button onClick={() => void share()} loading={busy} disabled={!buyer}>
              {t('sme.share.submit')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sme.share.reviewerOnly')}
          </Text>
        )}
        <DataTable columns={columns} rows={mine} rowKey={(s) => s.id} label={t('sme.share.listLabel')} />
      </Stack>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Paper>
  );
}
