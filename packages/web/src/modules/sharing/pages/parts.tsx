import { Anchor, Badge, Code, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportDetail } from '../api';

const STATUS_COLOR: Record<string, string> = {
  awaiting_review: 'yellow',
  awaiting_approval: 'orange',
  changes_requested: 'red',
  approved: 'blue',
  published: 'teal',
};
export const TLP_COLOR: Record<string, string> = {
  clear: 'gray',
  green: 'green',
  amber: 'orange',
  'amber+strict': 'orange',
  red: 'red',
};

/** Back to the sharing page (a report or a feed item is reached from it; on a phone the menu is folded away). */
export function BackToSharing({ orgId }: { orgId: string }) {
  const { t } = useTranslation('sharing');
  return (
    <Anchor component={Link} to={`/orgs/${orgId}/sharing`} size="sm" w="fit-content">
      ← {t('sharing.backToList')}
    </Anchor>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('sharing');
  return (
    <Badge
      color={STATUS_COLOR[status] ?? 'gray'}
      variant="light"
      // never squeezed by a narrow column: the status is read whole
      miw="max-content"
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`sharing.status.${status}` as 'sharing.status.published')}
    </Badge>
  );
}

export function TlpBadge({ tlp }: { tlp: string }) {
  return (
    <Badge
      color={TLP_COLOR[tlp] ?? 'gray'}
      variant={tlp === 'clear' ? 'outline' : 'filled'}
      // never cut: TLP:AMBER+STRICT must stay readable whole
      miw="max-content"
      styles={{ label: { overflow: 'visible' } }}
    >
      TLP:{tlp.toUpperCase()}
    </Badge>
  );
}

/**
 * The original text with each redaction marked (category and why on hover/focus): what the hub's analyst and
 * the reporter see, never a member.
 */
export function MarkedText({ text, redactions }: { text: string; redactions: ReportDetail['redactions'] }) {
  const { t } = useTranslation('sharing');
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, r] of [...redactions].sort((a, b) => a.start - b.start).entries()) {
    if (r.start < at) continue;
    parts.push(text.slice(at, r.start));
    parts.push(
      <Tooltip
        key={i}
        label={`${t(`sharing.category.${r.category}` as 'sharing.category.org')} — ${t(`sharing.reason.${r.reason}` as 'sharing.reason.analyst', { defaultValue: r.reason })}`}
      >
        <mark
          data-category={r.category}
          tabIndex={0}
          style={{
            background: 'var(--mantine-color-yellow-2)',
            color: 'inherit',
            padding: '0 2px',
            borderRadius: 3,
          }}
        >
          {text.slice(r.start, r.end)}
        </mark>
      </Tooltip>,
    );
    at = r.end;
  }
  parts.push(text.slice(at));
  return (
    <Text component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.9 }}>
      {parts}
    </Text>
  );
}

/** The indicators kept for publication, each with its type and why it is taken for the attacker's. */
export function IndicatorList({
  indicators,
}: {
  indicators: { type: string; value: string; reason?: string; source?: string }[];
}) {
  const { t } = useTranslation('sharing');
  if (indicators.length === 0) return <Text c="dimmed">{t('sharing.none')}</Text>;
  return (
    <Stack gap={6}>
      {indicators.map((i) => (
        <Group key={`${i.type}:${i.value}`} gap="xs" wrap="nowrap" align="start">
          <Badge
            variant="outline"
            // as written (IPv4, SHA-256, Bitcoin), not in Mantine's default capitals
            tt="none"
            miw={76}
            style={{ flexShrink: 0 }}
            styles={{ label: { overflow: 'visible' } }}
            data-testid="indicator-type"
          >
            {t(`sharing.indicatorType.${i.type}` as 'sharing.indicatorType.ipv4', { defaultValue: i.type })}
          </Badge>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Code style={{ wordBreak: 'break-all' }}>{defang(i.value)}</Code>
            {i.source === 'attachment' ? (
              <Badge size="xs" variant="light" color="grape" data-testid="from-attachment">
                {t('sharing.fromAttachment')}
              </Badge>
            ) : null}
            {i.reason ? (
              <Text size="xs" c="dimmed">
                {t(`sharing.reason.${i.reason}` as 'sharing.reason.analyst', { defaultValue: i.reason })}
              </Text>
            ) : null}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

/** Text kept on one line (a date, a bracketed count): it moves to the next line whole, never split. */
export function Nowrap({ children }: { children: ReactNode }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-nowrap>
      {children}
    </span>
  );
}

/** URLs, domains and addresses shown defanged: nothing on the page is clickable or resolvable as written. */
export function defang(v: string): string {
  return v.replace(/^http/i, 'hxxp').replace(/\./g, '[.]').replace(/@/g, '[@]');
}
