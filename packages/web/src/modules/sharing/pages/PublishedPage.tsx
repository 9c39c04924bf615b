import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, formatDateTime } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { sharingApi, type Published } from '../api';
import { BackToSharing, IndicatorList, TlpBadge } from './parts';

/** A published report as a member reads it: the hub is the author; sightings and comments without names. */
export function PublishedPage() {
  const { t, i18n } = useTranslation('sharing');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { orgId } = useOrg();
  const { id = '' } = useParams();
  const [p, setP] = useState<Published | null>(null);
  const [failed, setFailed] = useState(false);
  const [kind, setKind] = useState<'sighting' | 'comment'>('sighting');
  const [text, setText] = useState('');
  const load = useCallback(() => {
    sharingApi.feedItem(orgId, id).then(
      (x) => setP(x.report),
      () => setFailed(true),
    );
  }, [orgId, id]);
  useEffect(load, [load]);
  if (failed) return <Alert color="red">{t('sharing.loadFailed')}</Alert>;
  if (!p) return <FullPageLoader />;
  const add = () =>
    sharingApi.comment(orgId, p.id, kind, text).then((x) => {
      setText('');
      setP(x.report);
    }, notifyError);
  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="xs">
        <BackToSharing orgId={orgId} />
        {p.mine ? (
          <Anchor
            component={Link}
            to={`/orgs/${orgId}/sharing/reports/${p.id}`}
            size="sm"
            data-testid="own-report"
          >
            {t('sharing.published.ownReport')} →
          </Anchor>
        ) : null}
      </Group>
      <PageHeader title={p.title} description={`${p.hubName} · ${formatDateTime(p.publishedAt, lang)}`} />
      <Group gap="xs">
        <TlpBadge tlp={p.tlp} />
        <Badge variant="outline">{t(`sharing.attack.${p.attackType}` as 'sharing.attack.other')}</Badge>
        <Text size="sm" c="dimmed">
          {t('sharing.published.occurred', { date: formatDate(p.occurredOn, lang) })}
        </Text>
      </Group>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t(`sharing.tlp.${p.tlp}` as 'sharing.tlp.clear')}
        </Text>
        <Anchor size="sm" href={`/api/orgs/${orgId}/sharing/feed/${p.id}/stix`} download>
          {t('sharing.published.stix')}
        </Anchor>
      </Group>
      <Card withBorder>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.9 }}>{p.text}</Text>
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('sharing.report.indicators')}
        </Title>
        <IndicatorList indicators={p.indicators} />
      </Card>
      <Stack gap="xs">
        <Title order={4}>{t('sharing.published.comments')}</Title>
        {p.comments.map((c) => (
          <Card key={c.id} withBorder padding="sm">
            <Group gap="xs">
              <Badge color={c.kind === 'sighting' ? 'orange' : 'blue'} variant="light">
                {t(`sharing.published.${c.kind}`)}
              </Badge>
              <Text size="sm" fw={600}>
                {c.author ?? t('sharing.published.anonymous')}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.createdAt, lang)}
              </Text>
            </Group>
            <Text size="sm" mt={4}>
              {c.text}
            </Text>
          </Card>
        ))}
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v)}
          data={[
            { value: 'sighting', label: t('sharing.published.sighting') },
            { value: 'comment', label: t('sharing.published.comment') },
          ]}
        />
        <Textarea
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          aria-label={t('sharing.published.comment')}
        />
        <Group>
          <Button onClick={() => void add()} disabled={!text.trim()}>
            {t('sharing.published.add')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('sharing.published.anonymousHint')}
        </Text>
      </Stack>
    </Stack>
  );
}
