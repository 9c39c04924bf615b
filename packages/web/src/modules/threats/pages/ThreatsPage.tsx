import { Alert, Anchor, Badge, Group, List, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { tx } from '../../../lib/catalog';
import { formatDate } from '../../../lib/format';
import { threatsApi, type ThreatYear } from '../api';
import { Movement } from './Movement';

/** The yearly ranking: rank, IPA's title, movement since the year before, confirmation. */
export function ThreatsPage() {
  const { t, i18n } = useTranslation('threats');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { orgId } = useOrg();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [data, setData] = useState<ThreatYear | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    threatsApi.year(orgId, year).then(
      (d) => live && setData(d),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [orgId, year]);

  if (failed) return <Alert color="red">{t('threats.loadFailed')}</Alert>;
  if (!data) return <FullPageLoader />;

  return (
    <Stack gap="lg">
      <PageHeader title={t('threats.title')} description={t('threats.description')} />
      <Group align="end" gap="md">
        <Select
          label={t('threats.year')}
          w={160}
          allowDeselect={false}
          data={[...data.years]
            .reverse()
            .map((y) => ({ value: String(y), label: t('threats.yearLabel', { year: y }) }))}
          value={String(data.year)}
          onChange={(v) => v && setYear(Number(v))}
        />
        <Text size="sm" c="dimmed">
          {t('threats.announced', { date: formatDate(data.announced, lang) })}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={300}>
        <Table
          striped
          highlightOnHover
          verticalSpacing="sm"
          aria-label={t('threats.yearLabel', { year: data.year })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('threats.rank')}</Table.Th>
              <Table.Th>{t('threats.threat')}</Table.Th>
              <Table.Th w={190} visibleFrom="sm">
                {t('threats.change')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row) => (
              <Table.Tr key={row.rank}>
                <Table.Td>
                  <Text fw={700} size="lg">
                    {row.rank}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={row.key} fw={600}>
                    {lang === 'en' ? row.titleEn : row.titleJa}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {lang === 'en' ? row.titleJa : tx(row.threat.label, lang)}
                    {row.ipaRecord ? ` · ${t('threats.record')}: ${row.ipaRecord}` : ''}
                  </Text>
                  {/* On a phone the movement sits under the title instead of in its own column. */}
                  <Group hiddenFrom="sm" mt={4}>
                    <Movement row={row} />
                  </Group>
                  {row.confirmed ? null : (
                    <Tooltip label={t('threats.unconfirmedHint')}>
                      <Badge color="yellow" variant="light" size="xs">
                        {t('threats.unconfirmed')}
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Movement row={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.dropped.length > 0 ? (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('threats.dropped', { year: data.year })}
          </Text>
          <List size="sm">
            {data.dropped.map((d) => (
              <List.Item key={d.threat.key}>
                <Anchor component={Link} to={d.threat.key}>
                  {t('threats.droppedRow', { label: tx(d.threat.label, lang), rank: d.previousRank })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t('threats.titleNote')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('threats.sources')}:{' '}
          {data.sources.map((s, i) => (
            <span key={s}>
              {i > 0 ? ' · ' : ''}
              <Anchor href={s} target="_blank" rel="noreferrer" size="xs">
                {new URL(s).hostname}
              </Anchor>
            </span>
          ))}
        </Text>
      </Stack>
    </Stack>
  );
}
