import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, canGrantRole, ROLES, type Role } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import type { Invitation, InvitationStatus } from '../../../api/types';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';
import { LoadMore } from '../../../components/LoadMore';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { RoleBadge } from '../../../components/RoleBadge';
import { StatusBadge, type StatusTone } from '../../../components/StatusBadge';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePaged } from '../../../lib/usePaged';
import { EMAIL_RE } from '../../../lib/validate';
import { InviteLinkNotice, type UnsentInvitation } from '../components/InviteLinkNotice';

const tones: Record<InvitationStatus, StatusTone> = {
  pending: 'pending',
  accepted: 'ok',
  revoked: 'muted',
  expired: 'muted',
};

const isRole = (value: string | null): value is Role => (ROLES as readonly (string | null)[]).includes(value);

export function InvitationsPage() {
  const { t } = useTranslation('platform');
  const { orgId, role: myRole } = useOrg();
  const list = usePaged<Invitation>(orgId, (cursor) => api.invitations(orgId, cursor));
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [emailError, setEmailError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [unsent, setUnsent] = useState<UnsentInvitation | null>(null);
  const manage = can(myRole, 'invitations.manage');
  const lang = currentLanguage();

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (!EMAIL_RE.test(address)) {
      setEmailError(t('validation.email'));
      return;
    }
    setEmailError(undefined);
    setBusy(true);
    try {
      const { invitation, mail, link } = await api.invite(orgId, address, role);
      list.setItems((items) => [invitation, ...items.filter((i) => i.id !== invitation.id)]);
      if (mail !== 'sent' && link) setUnsent({ email: address, link, reason: mail });
      else {
        setUnsent(null);
        notifySuccess(t('invitations.sent', { email: address }));
      }
      setEmail('');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const askRevoke = (invitation: Invitation) =>
    setConfirm({
      title: t('invitations.revokeTitle'),
      message: t('invitations.revokeConfirm', { email: invitation.email }),
      confirmLabel: t('invitations.revoke'),
      onConfirm: async () => {
        await api.revokeInvitation(orgId, invitation.id);
        list.setItems((items) =>
          items.map((i) => (i.id === invitation.id ? { ...i, status: 'revoked' as const } : i)),
        );
        notifySuccess(t('invitations.revoked'));
      },
    });

  const columns: Column<Invitation>[] = [
    {
      key: 'email',
      header: t('common.email'),
      primary: true,
      render: (invitation) => <Text size="sm">{invitation.email}</Text>,
    },
    { key: 'role', header: t('common.role'), render: (invitation) => <RoleBadge role={invitation.role} /> },
    {
      key: 'status',
      header: t('common.status'),
      render: (invitation) => (
        <StatusBadge tone={tones[invitation.status]}>
          {t(`invitations.statuses.${invitation.status}`)}
        </StatusBadge>
      ),
    },
    {
      key: 'expires',
      header: t('common.expiresAt'),
      nowrap: true,
      render: (invitation) => <Text size="sm">{formatDateTime(invitation.expiresAt, lang)}</Text>,
    },
    {
      key: 'created',
      header: t('common.createdAt'),
      nowrap: true,
      render: (invitation) => <Text size="sm">{formatDateTime(invitation.createdAt, lang)}</Text>,
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (invitation) =>
        invitation.status === 'pending' ? (
          <Button
            size="xs"
            color="red"
            variant="light"
            aria-label={t('invitations.revokeLabel', { email: invitation.email })}
            onClick={() => askRevoke(invitation)}
          >
            {t('invitations.revoke')}
          </Button>
        ) : null,
    });
  }

  return (
    <Stack>
      <PageHeader title={t('invitations.title')} />
      {manage ? (
        <Paper withBorder p="md">
          <form onSubmit={(event) => void invite(event)} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('invitations.formTitle')}
              </Title>
              <Group align="flex-start" wrap="wrap" gap="sm">
                <TextInput
                  label={t('invitations.email')}
                  type="email"
                  required
                  value={email}
                  error={emailError}
                  onChange={(event) => setEmail(event.currentTarget.value)}
                  autoComplete="off"
                  style={{ flex: '1 1 260px' }}
                />
                <Select
                  label={t('invitations.role')}
                  required
                  allowDeselect={false}
                  data={ROLES.filter((r) => canGrantRole(myRole, r)).map((r) => ({
                    value: r,
                    label: t(`roles.${r}`),
                  }))}
                  value={role}
                  onChange={(value) => {
                    if (isRole(value)) setRole(value);
                  }}
                  style={{ flex: '0 1 200px' }}
                />
              </Group>
              <Group>
                <Button type="submit" loading={busy}>
                  {t('invitations.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
      {unsent ? <InviteLinkNotice invitation={unsent} onClose={() => setUnsent(null)} /> : null}
      <DataTable label={t('invitations.title')} columns={columns} rows={list.items} rowKey={(i) => i.id} />
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
