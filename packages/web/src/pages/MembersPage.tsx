import { Button, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ROLES, type Member, type Role } from '../api/types';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import { LoadMore } from '../components/LoadMore';
import { useOrg } from '../components/OrgContext';
import { PageHeader } from '../components/PageHeader';
import { RoleBadge } from '../components/RoleBadge';
import { currentLanguage } from '../i18n';
import { formatDateTime } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { canManage, grantableRoles } from '../lib/roles';
import { usePaged } from '../lib/usePaged';
import { useSession } from '../session/SessionContext';

const isRole = (value: string | null): value is Role => (ROLES as readonly (string | null)[]).includes(value);

export function MembersPage() {
  const { t } = useTranslation();
  const { orgId, role: myRole } = useOrg();
  const { me, refresh } = useSession();
  const list = usePaged<Member>(orgId, (cursor) => api.members(orgId, cursor));
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const manage = canManage(myRole);
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

  return (
    <Stack>
      <PageHeader title={t('members.title')} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.displayName')}</Table.Th>
                <Table.Th>{t('common.email')}</Table.Th>
                <Table.Th>{t('common.role')}</Table.Th>
                <Table.Th>{t('members.joinedAt')}</Table.Th>
                {manage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((member) => {
                const isSelf = member.user.id === me?.user.id;
                const ownerLocked = member.role === 'owner' && myRole !== 'owner';
                const options = grantableRoles(myRole);
                return (
                  <Table.Tr key={member.user.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {member.user.displayName}
                        {isSelf ? (
                          <Text span c="dimmed" size="xs">
                            {' '}
                            ({t('members.you')})
                          </Text>
                        ) : null}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{member.user.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      {manage && !ownerLocked ? (
                        <Select
                          aria-label={t('members.changeRole', { name: member.user.displayName })}
                          size="xs"
                          w={160}
                          allowDeselect={false}
                          disabled={pending === member.user.id}
                          data={options.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                          value={member.role}
                          onChange={(value) => {
                            if (isRole(value)) void changeRole(member, value);
                          }}
                          comboboxProps={{ withinPortal: true }}
                        />
                      ) : (
                        <RoleBadge role={member.role} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(member.createdAt, lang)}</Text>
                    </Table.Td>
                    {manage ? (
                      <Table.Td>
                        {!isSelf && !ownerLocked ? (
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            aria-label={t('members.removeLabel', { name: member.user.displayName })}
                            onClick={() => askRemove(member)}
                          >
                            {t('members.remove')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
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
