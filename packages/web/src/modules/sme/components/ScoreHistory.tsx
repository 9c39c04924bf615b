import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type TrendPoint } from '../../../api/client';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { SELF_CHECK_URN } from '../lib/sme';

/** Past self-check results, newest first: what changed since last year. */
export function ScoreHistory({ orgId }: { orgId: string }) {
  const { t } = useTranslation('sme');
  const lang = currentLanguage();
  const [points, setPoints] = useState<TrendPoint[] | null>(null);
  useEffect(() => {
    let live = true;
    api
      .trend(orgId, SELF_CHECK_URN)
      .then((r) => live && setPoints([...r.points].reverse()))
      .catch(() => live && setPoints([]));
    return () => {
      live = false;
    };
  }, [orgId]);
  if (points === null || points.length === 0) return null;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('sme.history.title')}
        </Title>
        <Table striped aria-label={t('sme.history.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sme.history.date')}</Table.Th>
              <Table.Th>{t('sme.history.name')}</Table.Th>
              <Table.Th ta="right">{t('sme.history.points')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{formatDate(p.createdAt, lang)}</Table.Td>
                <Table.Td>{p.title}</Table.Td>
                <Table.Td ta="right">
                  {p.points === null
                    ? '—'
                    : t('sme.history.value', {
                        points: p.points,
                        answered: p.answered ?? 0,
                        items: p.items ?? 0,
                      })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('sme.history.note')}
        </Text>
      </Stack>
    </Paper>
  );
}
