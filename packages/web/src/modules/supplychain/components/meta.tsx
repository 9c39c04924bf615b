import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { Criticality, Supplier, SupplyKind } from '../api';

const CRITICALITY_COLOR: Record<Criticality, string> = { high: 'red', medium: 'yellow', low: 'gray' };

export function CriticalityBadge({ value }: { value: Criticality }) {
  const { t } = useTranslation('supplychain');
  return (
    <Badge color={CRITICALITY_COLOR[value]} variant="light">
      {t(`supplychain.criticality.${value}`)}
    </Badge>
  );
}

/**
 * The ★ required and held, and whether the held level meets the required one. A ★ the supplier itself
 * showed on one of this buyer's requests (attested, unexpired) counts before the typed one and is marked;
 * `detail` adds its dates and source, and the typed value beside it.
 */
export function StarCell({
  s,
  detail,
}: {
  s: Pick<Supplier, 'starRequired' | 'starHeld' | 'starMet' | 'starAttested'>;
  detail?: boolean;
}) {
  const { t } = useTranslation('supplychain');
  const lang = currentLanguage();
  const a = s.starAttested;
  const held = a ? a.level : s.starHeld;
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Text size="sm">
          {s.starRequired === null ? t('supplychain.starNone') : `★${s.starRequired}`} /{' '}
          {held === null ? '—' : `★${held}`}
        </Text>
        {a && (
          <Badge size="sm" variant="outline" color="teal">
            {t('supplychain.starAttested.badge')}
          </Badge>
        )}
        {s.starMet === null ? null : (
          <Badge size="sm" variant="light" color={s.starMet ? 'green' : 'orange'}>
            {s.starMet ? t('supplychain.starMet') : t('supplychain.starNotMet')}
          </Badge>
        )}
      </Group>
      {detail && a && (
        <Text size="xs" c="dimmed">
          {t('supplychain.starAttested.detail', {
            shown: formatDate(a.attachedAt, lang),
            until: formatDate(a.validUntil, lang),
          })}
        </Text>
      )}
      {detail && a && s.starHeld !== null && (
        <Text size="xs" c="dimmed">
          {t('supplychain.starAttested.typed', { level: s.starHeld })}
        </Text>
      )}
    </Stack>
  );
}

export function StatusCell({ since }: { since: string | null }) {
  const { t } = useTranslation('supplychain');
  const lang = currentLanguage();
  return since ? (
    <Badge color="green" variant="light">
      {t('supplychain.status.known', { date: formatDate(since, lang) })}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline">
      {t('supplychain.status.unknown')}
    </Badge>
  );
}

export function SuppliesText({ supplies }: { supplies: readonly SupplyKind[] }) {
  const { t } = useTranslation('supplychain');
  return <Text size="sm">{supplies.map((k) => t(`supplychain.supplies.${k}`)).join('、') || '—'}</Text>;
}
