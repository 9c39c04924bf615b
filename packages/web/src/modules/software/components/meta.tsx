// How severities, risk counts and support periods look on the software pages, and the small
// sub-navigation shared by the products, where-used and advisory-database pages.
import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Risk, Severity, VexStatus } from '../../../api/software';
import type { Locale } from '../../../api/types';
import { todayInTokyo } from '../../../lib/format';

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'blue',
  none: 'gray',
  unknown: 'gray',
};

export const VEX_COLOR: Record<VexStatus, string> = {
  under_investigation: 'yellow',
  affected: 'red',
  not_affected: 'teal',
  fixed: 'green',
};

/** Order used to sort findings: malicious first, then the most severe. */
export const SEVERITY_RANK: Record<Severity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  none: 4,
  unknown: 5,
};

const SBOM_FORMATS = ['cyclonedx', 'spdx', 'npm-lock'] as const;

/**
 * The name of an SBOM format with its version as shown to people: "CycloneDX 1.6", "SPDX 2.3", and for a
 * lockfile "npm package-lock.json (lockfileVersion 3)" — a bare "package-lock.json 3" read as a count.
 * Unknown formats show as they are.
 */
export function useSbomFormatLabel(): (format: string, version?: string | null) => string {
  const { t } = useTranslation('software');
  return (format, version) => {
    const known = SBOM_FORMATS.find((f) => f === format);
    if (!known) return version ? `${format} ${version}` : format;
    return version
      ? t(`software.sbomFormatVersion.${known}`, { version })
      : t(`software.sbomFormats.${known}`);
  };
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A count formatted for the UI language (3,000 / 3,000 both; kept in one place for consistency). */
export function formatCount(value: number, lang: Locale): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US');
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** Days before the end of support from which a release is flagged as ending soon. */
export const SUPPORT_WARNING_DAYS = 90;

export type SupportState = 'ended' | 'ending' | 'supported' | 'unknown';

/** Whether a support end date (YYYY-MM-DD, a date in Japan) has passed, is near or is far. */
export function supportState(supportEnds: string | null | undefined, today = todayInTokyo()): SupportState {
  if (!supportEnds) return 'unknown';
  const end = supportEnds.slice(0, 10);
  if (end < today) return 'ended';
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= SUPPORT_WARNING_DAYS ? 'ending' : 'supported';
}

export function SupportBadge({
  supportEnds,
  supportEnded,
}: {
  supportEnds: string | null | undefined;
  /** The server's verdict, when it gave one (it wins over the local date check). */
  supportEnded?: boolean;
}) {
  const { t } = useTranslation('software');
  const state = supportEnded ? 'ended' : supportState(supportEnds);
  if (state === 'ended')
    return (
      <Badge color="red" variant="filled" size="sm" data-testid="support-ended">
        {t('software.support.ended')}
      </Badge>
    );
  if (state === 'ending')
    return (
      <Badge color="yellow" variant="light" size="sm">
        {t('software.support.ending')}
      </Badge>
    );
  return null;
}

export function SeverityBadge({ severity, score }: { severity: Severity; score?: number | null }) {
  const { t } = useTranslation('software');
  return (
    <Badge color={SEVERITY_COLOR[severity]} variant="light" size="sm" style={{ flexShrink: 0 }}>
      {score != null
        ? `${t(`software.severity.${severity}`)} ${score.toFixed(1)}`
        : t(`software.severity.${severity}`)}
    </Badge>
  );
}

export function MaliciousBadge() {
  const { t } = useTranslation('software');
  return (
    <Tooltip label={t('software.maliciousHint')} withArrow>
      <Badge color="red" variant="filled" size="sm" data-testid="malicious-badge" style={{ flexShrink: 0 }}>
        {t('software.malicious')}
      </Badge>
    </Tooltip>
  );
}

const RISK_LEVELS = ['critical', 'high', 'medium', 'low'] as const;

/** Open findings by severity, plus the malicious-package badge; "no findings" when all are zero. */
export function RiskBadges({ risk }: { risk: Risk }) {
  const { t } = useTranslation('software');
  const shown = RISK_LEVELS.filter((level) => risk[level] > 0);
  if (shown.length === 0 && risk.malicious === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('software.risk.none')}
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap" data-testid="risk-badges">
      {risk.malicious > 0 ? (
        <Badge color="red" variant="filled" size="sm" data-testid="risk-malicious">
          {t('software.risk.malicious', { count: risk.malicious })}
        </Badge>
      ) : null}
      {shown.map((level) => (
        <Badge
          key={level}
          color={SEVERITY_COLOR[level]}
          variant="light"
          size="sm"
          data-testid={`risk-${level}`}
        >
          {t(`software.risk.${level}`, { count: risk[level] })}
        </Badge>
      ))}
    </Group>
  );
}

const SECTIONS = [
  { key: 'products', path: '' },
  { key: 'whereUsed', path: '/where-used' },
  { key: 'advisories', path: '/advisories' },
] as const;

/** Links between the three top-level software pages. */
export function SoftwareNav({
  orgId,
  current,
}: {
  orgId: string;
  current: (typeof SECTIONS)[number]['key'];
}) {
  const { t } = useTranslation('software');
  return (
    <Group gap={6} wrap="wrap" component="nav" aria-label={t('software.nav.label')}>
      {SECTIONS.map((s) => (
        <Button
          key={s.key}
          component={Link}
          to={`/orgs/${orgId}/software${s.path}`}
          size="xs"
          variant={s.key === current ? 'filled' : 'default'}
          aria-current={s.key === current ? 'page' : undefined}
        >
          {t(`software.nav.${s.key}`)}
        </Button>
      ))}
    </Group>
  );
}
