import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../i18n';
import { formatDate } from '../../../../lib/format';
import type { ShownStar } from '../api';

/**
 * A ★ result exactly as the buyer is shown it: level, kind, dates, assessing body, number and evidence
 * (with its SHA-256). The supplier's preview before consenting and the buyer's view use this same card.
 */
export function StarResultView({
  star: s,
  evidenceHref,
  extra,
}: {
  star: ShownStar;
  evidenceHref?: string | undefined;
  extra?: { label: string; value: string }[];
}) {
  const { t } = useTranslation('inbox');
  const lang = currentLanguage();
  const rows: { label: string; value: React.ReactNode }[] = [
    { label: t('star.kind'), value: t(`star.kinds.${s.kind}`) },
    { label: t('star.obtainedOn'), value: formatDate(s.obtainedOn, lang) },
    {
      label: t('star.validUntil'),
      value: (
        <Group gap={6}>
          <span>{formatDate(s.validUntil, lang)}</span>
          {s.expired && (
            <Badge color="red" size="sm">
              {t('star.expired')}
            </Badge>
          )}
        </Group>
      ),
    },
    ...(s.bodyName ? [{ label: t('star.bodyName'), value: s.bodyName }] : []),
    { label: t('star.registrationNo'), value: s.registrationNo ?? '—' },
    {
      label: t('star.evidence'),
      value: s.evidence ? (
        <Stack gap={0}>
          {evidenceHref ? (
            <Anchor href={evidenceHref} size="sm">
              {s.evidence.name}
            </Anchor>
          ) : (
            <Text size="sm">{s.evidence.name}</Text>
          )}
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            SHA-256 {s.evidence.sha256}
          </Text>
        </Stack>
      ) : (
        '—'
      ),
    },
    ...(extra ?? []),
  ];
  return (
    <Stack gap={4}>
      <Group gap={8}>
        <Text fw={700} size="lg">
          ★{s.level}
        </Text>
      </Group>
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" aria-label={`★${s.level}`}>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th
                w={{ base: 110, sm: 150 }}
                fz="sm"
                fw={500}
                c="dimmed"
                style={{ verticalAlign: 'top' }}
              >
                {r.label}
              </Table.Th>
              <Table.Td fz="sm">{r.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
