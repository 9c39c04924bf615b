import { Anchor, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrg } from '../../../components/OrgContext';
import { formatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { sharingApi, type Membership, type Published, type ReportLists } from '../api';
import { ReportForm } from './ReportForm';
import { Nowrap, StatusBadge, TlpBadge } from './parts';

/** A member's side: each hub (NDA, report form), its own reports, and what was published to it. */
export function MemberPanel({
  memberships,
  submitted,
  onChange,
}: {
  memberships: Membership[];
  submitted: ReportLists['submitted'];
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation('sharing');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { orgId } = useOrg();
  const [feed, setFeed] = useState<Published[]>([]);
  const [named, setNamed] = useState(false);
  useEffect(() => {
    sharingApi.feed(orgId).then((f) => setFeed(f.items), notifyError);
  }, [orgId, memberships]);

  const accept = (m: Membership) =>
    m.currentNdaVersion &&
    sharingApi.acceptNda(orgId, m.hubOrgId, m.currentNdaVersion, named).then(() => {
      notifySuccess(t('sharing.member.ndaAccepted'));
      onChange();
    }, notifyError);

  if (memberships.length === 0 && submitted.length === 0)
    return <Text c="dimmed">{t('sharing.member.noHub')}</Text>;
  return (
    <Stack gap="lg">
      {memberships.map((m) => (
        <Card withBorder key={m.hubOrgId}>
          <Title order={3}>{m.hubName}</Title>
          {m.active ? (
            <Stack gap="sm" mt="sm">
              <Text size="sm" c="dimmed">
                {t('sharing.member.ndaOn', {
                  version: m.acceptedNdaVersion,
                  date: formatDate(m.ndaAcceptedAt, lang),
                })}
                {m.groups.length > 0
                  ? ` · ${t('sharing.member.groups')}: ${m.groups.map((g) => g.name).join('、')}`
                  : ''}
              </Text>
              <ReportForm hubId={m.hubOrgId} onSubmitted={onChange} />
            </Stack>
          ) : (
            <Stack gap="sm" mt="sm">
              <Text size="sm">{t('sharing.member.ndaNeeded', { version: m.currentNdaVersion ?? '—' })}</Text>
              <Checkbox
                label={t('sharing.member.named')}
                description={t('sharing.member.namedHint')}
                checked={named}
                onChange={(e) => setNamed(e.currentTarget.checked)}
              />
              <Group>
                <Button onClick={() => void accept(m)} disabled={!m.currentNdaVersion}>
                  {t('sharing.member.acceptNda')}
                </Button>
              </Group>
            </Stack>
          )}
        </Card>
      ))}
      <Stack gap="xs">
        <Title order={3}>{t('sharing.member.submitted')}</Title>
        {submitted.length === 0 ? (
          <Text c="dimmed">{t('sharing.none')}</Text>
        ) : (
          <Table striped aria-label={t('sharing.member.submitted')}>
            <Table.Tbody>
              {submitted.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`reports/${r.id}`} fw={600}>
                      {r.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.hubName} · <Nowrap>{formatDate(r.createdAt, lang)}</Nowrap>
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
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3}>{t('sharing.member.feed')}</Title>
        {feed.length === 0 ? (
          <Text c="dimmed">{t('sharing.none')}</Text>
        ) : (
          feed.map((p) => (
            <Card withBorder key={p.id} padding="sm">
              <Group justify="space-between" wrap="nowrap" align="start">
                <Anchor component={Link} to={`feed/${p.id}`} fw={600}>
                  {p.title}
                </Anchor>
                <TlpBadge tlp={p.tlp} />
              </Group>
              <Text size="xs" c="dimmed">
                {p.hubName} · <Nowrap>{formatDate(p.publishedAt, lang)}</Nowrap> ·{' '}
                {t(`sharing.attack.${p.attackType}` as 'sharing.attack.other')}
              </Text>
            </Card>
          ))
        )}
      </Stack>
    </Stack>
  );
}
