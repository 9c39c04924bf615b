import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { applyRedactions } from '@shinrai/core/browser';
import { sharingApi, type Group as SectorGroup, type ReportDetail, type Tlp } from '../api';
import { Attachments } from './Attachments';
import { BackToSharing, IndicatorList, MarkedText, StatusBadge, TlpBadge } from './parts';

const TLPS: Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** One report as its hub or its reporter sees it: redactions and why, the text to publish, the next step. */
export function ReportPage() {
  const { t } = useTranslation('sharing');
  const { orgId } = useOrg();
  const { id = '' } = useParams();
  const [r, setR] = useState<ReportDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [keep, setKeep] = useState<boolean[]>([]);
  const show = useCallback((x: ReportDetail) => {
    setR(x);
    setKeep(x.redactions.map(() => true));
  }, []);
  const load = useCallback(() => {
    sharingApi.report(orgId, id).then(
      (x) => show(x.report),
      () => setFailed(true),
    );
  }, [orgId, id, show]);
  useEffect(load, [load]);
  if (failed) return <Alert color="red">{t('sharing.loadFailed')}</Alert>;
  if (!r) return <FullPageLoader />;
  const asHub = r.hubOrgId === orgId;
  // While the hub's analyst edits, the text to publish follows the boxes ticked (the same rule as the server).
  const editing = asHub && r.status !== 'published';
  const kept = r.redactions.filter((_, i) => keep[i] ?? true);
  const preview = editing ? applyRedactions(r.text, kept, r.lang) : r.preview;
  return (
    <Stack gap="lg">
      <BackToSharing orgId={orgId} />
      <PageHeader title={r.publishedTitle ?? r.title} description={`${r.hubName} · ${r.reporterName}`} />
      <Group gap="xs">
        <StatusBadge status={r.status} />
        <Badge variant="outline">{t(`sharing.attack.${r.attackType}` as 'sharing.attack.other')}</Badge>
        <Text size="sm" c="dimmed">
          {t('sharing.revision', { n: r.revision })}
        </Text>
      </Group>
      {r.status === 'published' ? <WherePublished r={r} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('sharing.report.original')}
          </Title>
          <MarkedText text={r.text} redactions={editing ? kept : r.redactions} />
        </Card>
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('sharing.report.preview')}
          </Title>
          <Text
            component="div"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.9 }}
            data-testid="preview"
          >
            {preview}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('sharing.report.indicators')}
        </Title>
        <IndicatorList indicators={r.indicators} />
      </Card>
      <Attachments r={r} onDone={show} />
      {editing ? <Review r={r} keep={keep} setKeep={setKeep} onDone={show} /> : null}
      {asHub && r.status === 'approved' ? <Publish r={r} onDone={setR} /> : null}
      {r.mine && r.status === 'awaiting_approval' ? <Decide r={r} onDone={setR} /> : null}
      {r.reporterNote ? <Alert color="yellow">{r.reporterNote}</Alert> : null}
    </Stack>
  );
}

/**
 * Where a published report can be read: the feed item, as members read it (the hub always; the reporter
 * when the report's TLP and sector groups reach it, else a note why not).
 */
function WherePublished({ r }: { r: ReportDetail }) {
  const { t, i18n } = useTranslation('sharing');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { orgId } = useOrg();
  const [inFeed, setInFeed] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    sharingApi.feedItem(orgId, r.id).then(
      () => live && setInFeed(true),
      () => live && setInFeed(false),
    );
    return () => {
      live = false;
    };
  }, [orgId, r.id]);
  return (
    <Card withBorder padding="sm" data-testid="where-published">
      <Group gap="xs" wrap="wrap">
        {r.tlp ? <TlpBadge tlp={r.tlp} /> : null}
        <Text size="sm">{t('sharing.report.publishedAt', { at: formatDateTime(r.publishedAt, lang) })}</Text>
        {inFeed ? (
          <Anchor component={Link} to={`/orgs/${orgId}/sharing/feed/${r.id}`} size="sm">
            {t('sharing.report.openInFeed')} →
          </Anchor>
        ) : null}
      </Group>
      {inFeed === false ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('sharing.report.notInFeed')}
        </Text>
      ) : null}
    </Card>
  );
}

function Review({
  r,
  keep,
  setKeep,
  onDone,
}: {
  r: ReportDetail;
  keep: boolean[];
  setKeep: (f: (k: boolean[]) => boolean[]) => void;
  onDone: (r: ReportDetail) => void;
}) {
  const { t } = useTranslation('sharing');
  const { orgId } = useOrg();
  const [title, setTitle] = useState(r.publishedTitle ?? r.title);
  const send = () =>
    sharingApi
      .review(orgId, r.id, {
        revision: r.revision,
        publishedTitle: title,
        redactions: r.redactions
          .filter((_, i) => keep[i])
          .map(({ start, end, category }) => ({ start, end, category })),
        indicators: r.indicators.map(({ type, value }) => ({ type, value })),
      })
      .then((x) => {
        notifySuccess(t('sharing.report.sent'));
        onDone(x.report);
      }, notifyError);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('sharing.report.review')}
      </Title>
      <Stack gap={6}>
        {r.redactions.map((x, i) => (
          <Checkbox
            key={`${x.start}-${x.end}`}
            checked={keep[i] ?? true}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setKeep((k) => k.map((v, j) => (j === i ? checked : v)));
            }}
            label={`${x.text} — ${t(`sharing.category.${x.category}` as 'sharing.category.org')}`}
            description={t(`sharing.reason.${x.reason}` as 'sharing.reason.analyst', {
              defaultValue: x.reason,
            })}
          />
        ))}
        <TextInput
          mt="sm"
          label={t('sharing.report.publishedTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Group mt="sm">
          <Button onClick={() => void send()} disabled={!title.trim()}>
            {t('sharing.report.sendForApproval')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Decide({ r, onDone }: { r: ReportDetail; onDone: (r: ReportDetail) => void }) {
  const { t } = useTranslation('sharing');
  const { orgId } = useOrg();
  const [note, setNote] = useState('');
  const decide = (approve: boolean) =>
    sharingApi.decide(orgId, r.id, r.revision, approve, note).then((x) => {
      notifySuccess(t(approve ? 'sharing.report.approved' : 'sharing.report.changesAsked'));
      onDone(x.report);
    }, notifyError);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('sharing.report.approveTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('sharing.report.approveHint', { title: r.publishedTitle })}
      </Text>
      <Textarea
        label={t('sharing.report.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group mt="sm">
        <Button color="teal" onClick={() => void decide(true)}>
          {t('sharing.report.approve')}
        </Button>
        <Button variant="default" onClick={() => void decide(false)}>
          {t('sharing.report.requestChanges')}
        </Button>
      </Group>
    </Card>
  );
}

function Publish({ r, onDone }: { r: ReportDetail; onDone: (r: ReportDetail) => void }) {
  const { t } = useTranslation('sharing');
  const { orgId } = useOrg();
  const [tlp, setTlp] = useState<Tlp>('amber');
  const [groups, setGroups] = useState<SectorGroup[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  useEffect(() => {
    sharingApi.groups(orgId).then((g) => setGroups(g.items), notifyError);
  }, [orgId]);
  const publish = () =>
    sharingApi.publish(orgId, r.id, r.revision, tlp, groupIds).then((x) => {
      notifySuccess(t('sharing.report.published'));
      onDone(x.report);
    }, notifyError);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('sharing.report.publishTitle')}
      </Title>
      <Group grow align="start">
        <Select
          label="TLP"
          allowDeselect={false}
          data={TLPS.map((x) => ({ value: x, label: `TLP:${x.toUpperCase()} — ${t(`sharing.tlp.${x}`)}` }))}
          value={tlp}
          onChange={(v) => v && setTlp(v)}
        />
        <MultiSelect
          label={t('sharing.report.audience')}
          placeholder={groupIds.length ? undefined : t('sharing.report.allMembers')}
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          value={groupIds}
          onChange={setGroupIds}
        />
      </Group>
      <Group mt="sm">
        <Button onClick={() => void publish()}>{t('sharing.report.publish')}</Button>
      </Group>
    </Card>
  );
}
