import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrg } from '../../../components/OrgContext';
import { formatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { sharingApi, type Group as SectorGroup, type Member, type ReportLists } from '../api';
import { Nowrap, StatusBadge } from './parts';

/** The hub's side: its NDA version, received reports, members and sector groups. */
export function HubPanel({
  hub,
  received,
  onChange,
}: {
  hub: { ndaVersion: string | null };
  received: ReportLists['received'];
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation('sharing');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { orgId } = useOrg();
  const [nda, setNda] = useState(hub.ndaVersion ?? '');
  const [members, setMembers] = useState<Member[]>([]);
  const [groups, setGroups] = useState<SectorGroup[]>([]);
  const [groupName, setGroupName] = useState('');

  const loadMembers = useCallback(
    () =>
      Promise.all([sharingApi.members(orgId), sharingApi.groups(orgId)]).then(([m, g]) => {
        setMembers(m.items);
        setGroups(g.items);
      }, notifyError),
    [orgId],
  );
  useEffect(() => {
    void loadMembers();
  }, [loadMembers]);

  const saveNda = () =>
    sharingApi.setHub(orgId, nda).then(() => {
      notifySuccess(t('sharing.hub.ndaSaved'));
      onChange();
    }, notifyError);
  const addGroup = () =>
    sharingApi.createGroup(orgId, groupName).then(() => {
      setGroupName('');
      void loadMembers();
    }, notifyError);
  const setGroup = (g: SectorGroup, ids: string[]) =>
    sharingApi.setGroupMembers(orgId, g.id, ids).then(() => void loadMembers(), notifyError);

  return (
    <Stack gap="lg">
      <Card withBorder>
        <Title order={3} mb="sm">
          {t('sharing.hub.title')}
        </Title>
        <Group align="end">
          <TextInput
            label={t('sharing.hub.ndaVersion')}
            value={nda}
            onChange={(e) => setNda(e.currentTarget.value)}
            w={220}
          />
          <Button onClick={() => void saveNda()} disabled={!nda.trim()}>
            {t('sharing.save')}
          </Button>
        </Group>
      </Card>
      <Stack gap="xs">
        <Title order={3}>{t('sharing.hub.received')}</Title>
        {received.length === 0 ? (
          <Text c="dimmed">{t('sharing.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table striped aria-label={t('sharing.hub.received')}>
              <Table.Tbody>
                {received.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`reports/${r.id}`} fw={600}>
                        {r.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {r.reporterName} · <Nowrap>{formatDate(r.createdAt, lang)}</Nowrap>
                      </Text>
                    </Table.Td>
                    {/* as wide as its badge: the title keeps the rest of a phone's width */}
                    <Table.Td w="1%" style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge status={r.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3}>{t('sharing.hub.members')}</Title>
        <Text size="sm" c="dimmed">
          {t('sharing.hub.membersHint')}
        </Text>
        <Table.ScrollContainer minWidth={320}>
          <Table striped aria-label={t('sharing.hub.members')}>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.orgId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td w="1%" style={{ whiteSpace: 'nowrap' }}>
                    {m.ndaCurrent ? (
                      // the version in the badge and the date under it, each whole (a bracketed date in a
                      // badge broke inside its brackets at 390 px)
                      <Stack gap={2} align="flex-start" data-testid="member-nda">
                        <Badge
                          color="teal"
                          variant="light"
                          tt="none"
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          {t('sharing.hub.ndaBadge', { version: m.ndaVersion })}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {t('sharing.hub.ndaAcceptedOn', { date: formatDate(m.ndaAcceptedAt, lang) })}
                        </Text>
                      </Stack>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('sharing.hub.ndaMissing')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <Stack gap="xs">
        <Title order={3}>{t('sharing.hub.groups')}</Title>
        {groups.map((g) => (
          <MultiSelect
            key={g.id}
            label={g.name}
            data={members.map((m) => ({ value: m.orgId, label: m.name }))}
            value={g.memberOrgIds}
            onChange={(ids) => void setGroup(g, ids)}
          />
        ))}
        <Group align="end">
          <TextInput
            label={t('sharing.hub.newGroup')}
            value={groupName}
            onChange={(e) => setGroupName(e.currentTarget.value)}
          />
          <Button variant="light" onClick={() => void addGroup()} disabled={!groupName.trim()}>
            {t('sharing.hub.addGroup')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
