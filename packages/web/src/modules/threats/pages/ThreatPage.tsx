import {
  Alert,
  Anchor,
  Badge,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { tx } from '../../../lib/catalog';
import { threatsApi, type ThreatCoverage, type ThreatDetail } from '../api';

type Lang = 'ja' | 'en';

/** One threat: what it is, its rank every year, and what answers it in this organization. */
export function ThreatPage() {
  const { t, i18n } = useTranslation('threats');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const { orgId } = useOrg();
  const { key = '' } = useParams();
  const [detail, setDetail] = useState<ThreatDetail | null>(null);
  const [coverage, setCoverage] = useState<ThreatCoverage | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all([threatsApi.threat(orgId, key), threatsApi.coverage(orgId, key)]).then(
      ([d, c]) => {
        if (!live) return;
        setDetail(d);
        setCoverage(c);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [orgId, key]);

  if (failed) return <Alert color="red">{t('threats.loadFailed')}</Alert>;
  if (!detail || !coverage) return <FullPageLoader />;
  const ranked = detail.history.filter((h) => h.rank !== null);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to=".." relative="path" size="sm">
        ← {t('threats.back')}
      </Anchor>
      <PageHeader title={tx(detail.threat.label, lang)} description={tx(detail.threat.description, lang)} />

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('threats.history')}
        </Title>
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing={6} aria-label={t('threats.history')}>
            <Table.Tbody>
              {detail.history.map((h) => (
                <Table.Tr key={h.year}>
                  <Table.Td w={72}>{h.year}</Table.Td>
                  <Table.Td w={180}>
                    {h.rank === null ? (
                      <Text size="sm" c="dimmed">
                        {t('threats.notRanked')}
                      </Text>
                    ) : (
                      <Group gap={6} wrap="nowrap">
                        <Progress value={(11 - h.rank) * 10} w={90} aria-hidden />
                        <Text size="sm" fw={600}>
                          {h.rank}
                        </Text>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{h.titleJa ?? ''}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {ranked.length === 0 ? null : (
          <Text size="xs" c="dimmed" mt="xs">
            {t('threats.titleNote')}
          </Text>
        )}
      </Paper>

      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('threats.answers')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('threats.answersNote')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <AnswerList
          title={t('threats.cpsf')}
          assessment={coverage.cpsf.assessment}
          empty={t('threats.noCpsfAssessment')}
          items={coverage.cpsf.items.map((i) => ({
            id: i.id,
            title: i.title ? tx(i.title, lang) : null,
            reason: tx(i.reason, lang),
            percent: i.percent,
            answered: i.answered,
          }))}
        />
        <AnswerList
          title={t('threats.directives')}
          assessment={coverage.directives.assessment}
          empty={t('threats.noGovernanceAssessment')}
          items={coverage.directives.items.map((i) => ({
            id: t('threats.directive', { n: i.ref.replace('directive-', '') }),
            title: i.title ? tx(i.title, lang) : null,
            reason: tx(i.reason, lang),
            percent: i.percent,
            answered: i.percent !== null,
          }))}
        />
      </SimpleGrid>
    </Stack>
  );
}

interface Line {
  id: string;
  title: string | null;
  reason: string;
  percent: number | null;
  answered: boolean;
}

function AnswerList(props: {
  title: string;
  assessment: { id: string; title: string } | null;
  empty: string;
  items: Line[];
}) {
  const { t } = useTranslation('threats');
  const { orgId } = useOrg();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Text fw={700}>{props.title}</Text>
        {props.assessment ? (
          <Anchor component={Link} to={`/orgs/${orgId}/assessments/${props.assessment.id}`} size="xs">
            {t('threats.fromAssessment', { title: props.assessment.title })}
          </Anchor>
        ) : (
          <Alert color="gray" variant="light" p="xs">
            <Text size="sm">{props.empty}</Text>
            <Anchor component={Link} to={`/orgs/${orgId}/assessments`} size="sm">
              {t('threats.startAssessment')}
            </Anchor>
          </Alert>
        )}
        {props.items.map((i) => (
          <Stack key={i.id} gap={2}>
            <Group justify="space-between" wrap="nowrap" align="start">
              <Text size="sm" fw={600}>
                {i.id}
                {i.title ? ` ${i.title}` : ''}
              </Text>
              <Status line={i} assessed={props.assessment !== null} />
            </Group>
            <Text size="xs" c="dimmed">
              {t('threats.why')}: {i.reason}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function Status({ line, assessed }: { line: Line; assessed: boolean }) {
  const { t } = useTranslation('threats');
  if (!assessed)
    return (
      <Badge color="gray" variant="outline">
        {t('threats.notAssessed')}
      </Badge>
    );
  if (!line.answered || line.percent === null)
    return (
      <Badge color="yellow" variant="light">
        {t('threats.unanswered')}
      </Badge>
    );
  const color = line.percent >= 80 ? 'teal' : line.percent >= 40 ? 'orange' : 'red';
  return (
    <Badge color={color} variant="light">
      {t('threats.percent', { percent: line.percent })}
    </Badge>
  );
}
