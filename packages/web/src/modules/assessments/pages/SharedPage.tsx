import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../../api/client';
import type { AnswerValue, CatalogPack, ReceivedShare, ReceivedShareDetail } from '../../../api/types';
import { AssessmentStatusBadge } from '../components/AssessmentStatusBadge';
import { DataTable, type Column } from '../../../components/DataTable';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { currentLanguage } from '../../../i18n';
import { answerLabel, modelOf, tx } from '../../../lib/catalog';
import { formatDateTime } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { catalogByTitle, guidedItems } from '../../sme/public';
import { SharedSmeDetails, SharedSmeState } from '../../sme/public-ui';
import { ScoreBand } from '../components/ScoreBand';

/** 取引先から共有された結果: results suppliers shared with this organization (read-only). */
export function SharedPage() {
  const { shareId } = useParams();
  return shareId ? <SharedDetail shareId={shareId} /> : <SharedList />;
}

function SharedList() {
  const { t } = useTranslation('assessments');
  const { orgId } = useOrg();
  const lang = currentLanguage();
  const [items, setItems] = useState<ReceivedShare[] | null>(null);

  useEffect(() => {
    let active = true;
    api.sharedWithUs(orgId).then(
      (r) => active && setItems(r.items),
      (error: unknown) => {
        if (active) setItems([]);
        notifyError(error);
      },
    );
    return () => {
      active = false;
    };
  }, [orgId]);

  const columns: Column<ReceivedShare>[] = [
    {
      key: 'from',
      header: t('shared.from'),
      primary: true,
      render: (s) => s.from.name,
    },
    {
      key: 'title',
      header: t('shared.assessment'),
      render: (s) => (
        <Anchor component={Link} to={`/orgs/${orgId}/shared/${s.id}`} size="sm">
          {s.assessment.title}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('common.status'),
      // SME assessments are never submitted: their own state says more than 「下書き」.
      render: (s) =>
        s.sme ? <SharedSmeState sme={s.sme} /> : <AssessmentStatusBadge status={s.assessment.status} />,
    },
    {
      key: 'sharedAt',
      header: t('shared.sharedAt'),
      nowrap: true,
      render: (s) => formatDateTime(s.sharedAt, lang),
    },
    {
      key: 'open',
      header: t('common.actions'),
      actions: true,
      render: (s) => (
        <Button component={Link} to={`/orgs/${orgId}/shared/${s.id}`} size="xs" variant="light">
          {t('shared.open')}
        </Button>
      ),
    },
  ];

  return (
    <Stack maw={1100}>
      <PageHeader title={t('shared.title')} description={t('shared.intro')} />
      {items === null ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : items.length === 0 ? (
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('shared.empty')}
          </Text>
        </Paper>
      ) : (
        <DataTable columns={columns} rows={items} rowKey={(s) => s.id} label={t('shared.title')} />
      )}
    </Stack>
  );
}

interface AnswerRow {
  ref: string;
  title: string | null;
  group: string | null;
  answer: string;
  answered: boolean;
}

function SharedDetail({ shareId }: { shareId: string }) {
  const { t } = useTranslation('assessments');
  const { orgId } = useOrg();
  const lang = currentLanguage();
  const [detail, setDetail] = useState<ReceivedShareDetail | null | undefined>(undefined);
  const [pack, setPack] = useState<CatalogPack | null>(null);

  useEffect(() => {
    let active = true;
    setDetail(undefined);
    setPack(null);
    (async () => {
      try {
        const d = await api.sharedWithUsDetail(orgId, shareId);
        if (!active) return;
        setDetail(d);
        // The share names the catalog only by its title: find the same built-in catalog among ours.
        const { items } = await api.catalogs(orgId);
        const refs = d.answers.map((a) => a.ref);
        for (const candidate of catalogByTitle(items, d.assessment.catalogTitle)) {
          const cat = await api.catalog(orgId, candidate.id);
          const known = new Set(guidedItems(cat.pack).map((i) => i.ref));
          if (refs.every((r) => known.has(r))) {
            if (active) setPack(cat.pack);
            return;
          }
        }
      } catch (error) {
        if (!active) return;
        if (!(error instanceof ApiError && error.status === 404)) notifyError(error);
        setDetail((d) => d ?? null);
      }
    })().catch(() => undefined);
    return () => {
      active = false;
    };
  }, [orgId, shareId]);

  const rows = useMemo<AnswerRow[]>(() => {
    if (!detail) return [];
    const values = new Map<string, AnswerValue | null>(detail.answers.map((a) => [a.ref, a.value]));
    if (!pack)
      return detail.answers.map((a) => ({
        ref: a.ref,
        title: null,
        group: null,
        answer: a.value ? answerLabel(undefined, a.value, lang) : t('workspace.notAnswered'),
        answered: a.value !== null,
      }));
    return guidedItems(pack).map((item) => {
      const value = values.get(item.ref) ?? null;
      return {
        ref: item.ref,
        title: tx(item.node.title, lang),
        group: item.group ? tx(item.group.title, lang) : null,
        answer: value ? answerLabel(modelOf(pack, item.node), value, lang) : t('workspace.notAnswered'),
        answered: value !== null,
      };
    });
  }, [detail, pack, lang, t]);

  const back = (
    <Anchor component={Link} to={`/orgs/${orgId}/shared`} size="sm">
      ← {t('shared.backToList')}
    </Anchor>
  );

  if (detail === undefined)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (detail === null)
    return (
      <Stack maw={1100}>
        {back}
        <Alert color="yellow" title={t('shared.notFound')}>
          {t('shared.notFoundBody')}
        </Alert>
      </Stack>
    );

  const score = detail.score;
  const sum = pack ? pack.scoring?.method === 'sum' : true;
  const columns: Column<AnswerRow>[] = [
    {
      key: 'item',
      header: t('shared.item'),
      primary: true,
      render: (r) => (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
            {r.ref}
          </Badge>
          <Stack gap={0} style={{ minWidth: 0 }}>
            {r.title ? <Text size="sm">{r.title}</Text> : null}
            {r.group ? (
              <Text size="xs" c="dimmed">
                {r.group}
              </Text>
            ) : null}
          </Stack>
        </Group>
      ),
    },
    {
      key: 'answer',
      header: t('shared.answer'),
      render: (r) => (
        <Text size="sm" fw={r.answered ? 600 : undefined} c={r.answered ? undefined : 'dimmed'}>
          {r.answer}
        </Text>
      ),
    },
  ];

  return (
    <Stack maw={1100}>
      {back}
      <PageHeader
        title={detail.assessment.title}
        description={t('shared.detailIntro', {
          from: detail.from.name,
          catalog: tx(detail.assessment.catalogTitle, lang),
        })}
      />
      <Group gap="xs">
        {detail.sme ? (
          <SharedSmeState sme={detail.sme} />
        ) : (
          <AssessmentStatusBadge status={detail.assessment.status} />
        )}
        <Badge variant="outline" color="gray" tt="none">
          {t('shared.readOnly')}
        </Badge>
      </Group>
      {detail.sme ? <SharedSmeDetails sme={detail.sme} /> : null}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('results.overall')}
          </Title>
          <Group gap="xl" align="flex-end">
            <Text fz={32} fw={700} lh={1.1} data-testid="shared-score">
              {sum
                ? t('results.points', { points: score.points, max: score.max })
                : score.percent === null
                  ? '—'
                  : `${score.percent}%`}
            </Text>
            <Text size="sm" c="dimmed">
              {t('results.answered', { answered: score.answered, items: score.items })}
            </Text>
          </Group>
          <ScoreBand percent={score.percent} band={score.band} />
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('shared.answers')}
        </Title>
        {!pack ? (
          <Text size="xs" c="dimmed">
            {t('shared.refsOnly')}
          </Text>
        ) : null}
        <DataTable columns={columns} rows={rows} rowKey={(r) => r.ref} label={t('shared.answers')} />
      </Stack>
    </Stack>
  );
}
