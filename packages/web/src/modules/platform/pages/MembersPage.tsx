import { Button, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, canGrantRole, ROLES, type Role } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import type { Member } from '../../../api/types';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';
import { LoadMore } from '../../../components/LoadMore';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { RoleBadge } from '../../../components/RoleBadge';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePaged } from '../../../lib/usePaged';
import { useSession } from '../../../session/SessionContext';

const isRole = (value: string | null): value is Role => (ROLES as readonly (string | null)[]).includes(value);

export function MembersPage() {
  const { t } = useTranslation('platform');
  const { orgId, role: myRole } = useOrg();
  const { me, refresh } = useSession();
  const list = usePaged<Member>(orgId, (cursor) => api.members(orgId, cursor));
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const manage = can(myRole, 'members.manage');
  const lang = currentLanguage();

  const changeRole = async (member: Member, role: Role) => {
    if (role === member.role) return;
    setPending(member.user.id);
    try {
      const result = await api.updateMember(orgId, member.user.id, role);
      const updated = result.member ?? { ...member, role };
      list.setItems((items) =>
        items.map((m) => (m.user.id === member.user.id ? { ...m, role: updated.role } : m)),
      );
      notifySuccess(t('members.roleChanged', { name: member.user.displayName, role: t(`roles.${role}`) }));
      if (member.user.id === me?.user.id) await refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setPending(null);
    }
  };

  const askRemove = (member: Member) =>
    setConfirm({
      title: t('members.removeTitle'),
      message: t('members.removeConfirm', { name: member.user.displayName, email: member.user.email }),
      confirmLabel: t('members.remove'),
      onConfirm: async () => {
        await api.removeMember(orgId, member.user.id);
        list.setItems((items) => items.filter((m) => m.user.id !== member.user.id));
        notifySuccess(t('members.removed', { name: member.user.displayName }));
      },
    });

  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: t('members.displayName'),
      primary: true,
      render: (member) => (
        <Text size="sm" fw={500} span>
          {member.user.displayName}
          {member.user.id === me?.user.id ? (
            <Text span c="dimmed" size="xs">
              {' '}
              ({t('members.you')})
            </Text>
          ) : null}
        </Text>
      ),
    },
    {
      key: 'email',
      header: t('common.email'),
      render: (member) => <Text size="sm">{member.user.email}</Text>,
    },
    {
      key: 'role',
      header: t('common.role'),
      render: (member) =>
        manage && !(member.role === 'owner' && myRole !== 'owner') ? (
          <Select
            aria-label={t('members.changeRole', { name: member.user.displayName })}
            size="xs"
            w={170}
            allowDeselect={false}
            disabled={pending === member.user.id}
            data={ROLES.filter((r) => canGrantRole(myRole, r)).map((r) => ({
              value: r,
              label: t(`roles.${r}`),
            }))}
            value={member.role}
            onChange={(value) => {
              if (isRole(value)) void changeRole(member, value);
            }}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <RoleBadge role={member.role} />
        ),
    },
    {
      key: 'joined',
      header: t('members.joinedAt'),
      nowrap: true,
      render: (member) => <Text size="sm">{formatDateTime(member.createdAt, lang)}</Text>,
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (member) =>
        member.user.id !== me?.user.id && !(member.role === 'owner' && myRole !== 'owner') ? (
          <Button
            size="xs"
            color="red"
            variant="light"
            aria-label={t('members.removeLabel', { name: member.user.displayName })}
            onClick={() => askRemove(member)}
          >
            {t('members.remove')}
          </Button>
        ) : null,
    });
  }

  return (
    <Stack>
      <PageHeader title={t('members.title')} />
      <DataTable label={t('members.title')} columns={columns} rows={list.items} rowKey={(m) => m.user.id} />
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
