import { Badge, Group, Text } from '@mantine/core';
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

/** The ★ required and held, and whether the held level meets the required one. */
export function StarCell({ s }: { s: Pick<Supplier, 'starRequired' | 'starHeld' | 'starMet'> }) {
  const { t } = useTranslation('supplychain');
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">
        {s.starRequired === null ? t('supplychain.starNone') : `★${s.starRequired}`} /{' '}
        {s.starHeld === null ? '—' : `★${s.starHeld}`}
      </Text>
      {s.starMet === null ? null : (
        <Badge size="sm" variant="light" color={s.starMet ? 'green' : 'orange'}>
          {s.starMet ? t('supplychain.starMet') : t('supplychain.starNotMet')}
        </Badge>
      )}
    </Group>
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
