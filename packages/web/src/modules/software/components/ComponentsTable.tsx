// The components of a release (構成部品): all of them, virtualized so 10,000 rows scroll smoothly (only the
// rows in view are in the DOM), filtered as you type. On phones each row becomes a small card.
import { Badge, Box, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Component } from '../../../api/software';
import { currentLanguage } from '../../../i18n';
import { SearchIcon } from '../../../components/icons';
import { formatCount, supportState } from './meta';

const COLS = 'minmax(160px, 2fr) 130px 110px minmax(120px, 1fr) minmax(200px, 2fr) 150px';

/** Lower-cased text a filter query is matched against, computed once per component. */
function haystack(c: Component): string {
  return [c.name, c.version ?? '', c.purl ?? '', c.licenses ?? '', c.supplier ?? '', c.ecosystem ?? '']
    .join('\u0000')
    .toLowerCase();
}

export function ComponentsTable({
  components,
  findingCounts,
}: {
  components: Component[];
  /** Open findings per component id. */
  findingCounts: ReadonlyMap<string, number>;
}) {
  const { t } = useTranslation('software');
  const lang = currentLanguage();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim().toLowerCase(), 120);
  const [onlyFindings, setOnlyFindings] = useState(false);
  const index = useMemo(() => components.map((c) => [c, haystack(c)] as const), [components]);
  const rows = useMemo(
    () =>
      index
        .filter(
          ([c, text]) =>
            (!debounced || text.includes(debounced)) && (!onlyFindings || findingCounts.has(c.id)),
        )
        .map(([c]) => c),
    [index, debounced, onlyFindings, findingCounts],
  );

  const parent = useRef<HTMLDivElement>(null);
  const rowHeight = wide ? 40 : 100;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  // phone and desktop rows differ in height: drop the cached sizes when the layout switches
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const cell = (label: string, node: ReactNode) =>
    wide ? (
      <div role="cell" style={{ minWidth: 0 }}>
        {node}
      </div>
    ) : (
      <Group role="cell" gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed" w={72} style={{ flexShrink: 0 }}>
          {label}
        </Text>
        <Box style={{ flex: 1, minWidth: 0 }}>{node}</Box>
      </Group>
    );

  const grid = wide
    ? {
        display: 'grid',
        gridTemplateColumns: COLS,
        gap: 8,
        alignItems: 'center',
        padding: '0 8px',
        height: '100%',
      }
    : { display: 'flex', flexDirection: 'column' as const, gap: 2, padding: 8 };

  const titles = [
    t('software.components.name'),
    t('software.components.version'),
    t('software.components.ecosystem'),
    t('software.components.licenses'),
    t('software.components.purl'),
    t('software.components.flags'),
  ];

  const flags = (c: Component) => {
    const count = findingCounts.get(c.id) ?? 0;
    const ended = c.supportEnded ?? supportState(c.supportEnds) === 'ended';
    return (
      <Group gap={4} wrap="nowrap">
        {count > 0 ? (
          <Badge size="xs" color="red" variant="light">
            {t('software.components.findings', { count })}
          </Badge>
        ) : null}
        {ended ? (
          <Badge size="xs" color="red" variant="filled">
            {t('software.support.ended')}
          </Badge>
        ) : null}
        {c.dev ? (
          <Badge size="xs" color="gray" variant="light">
            {t('software.components.dev')}
          </Badge>
        ) : null}
      </Group>
    );
  };

  const row = (c: Component) => (
    <div style={grid} data-testid="component-row">
      {wide ? (
        <Text size="sm" fw={500} truncate="end" title={c.name}>
          {c.name}
        </Text>
      ) : (
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text size="sm" fw={600} truncate="end">
            {c.name}@{c.version ?? '?'}
          </Text>
          {flags(c)}
        </Group>
      )}
      {wide
        ? cell(
            titles[1]!,
            <Text size="sm" ff="monospace" truncate="end">
              {c.version ?? ''}
            </Text>,
          )
        : null}
      {cell(
        titles[2]!,
        <Text size="xs" truncate="end">
          {c.ecosystem ?? ''}
        </Text>,
      )}
      {cell(
        titles[3]!,
        <Text size="xs" truncate="end" title={c.licenses ?? ''}>
          {c.licenses ?? '—'}
        </Text>,
      )}
      {cell(
        titles[4]!,
        <Text size="xs" ff="monospace" c="dimmed" truncate="end" title={c.purl ?? ''}>
          {c.purl ?? '—'}
        </Text>,
      )}
      {wide ? cell(titles[5]!, flags(c)) : null}
    </div>
  );

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <TextInput
          size="xs"
          leftSection={<SearchIcon />}
          placeholder={t('software.components.filter')}
          aria-label={t('software.components.filter')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          style={{ flex: '1 1 200px', maxWidth: 360 }}
        />
        <Group gap="sm">
          <Switch
            size="sm"
            checked={onlyFindings}
            onChange={(event) => setOnlyFindings(event.currentTarget.checked)}
            label={t('software.components.onlyFindings')}
          />
          <Text size="xs" c="dimmed" data-testid="components-count">
            {t('software.components.count', {
              shown: formatCount(rows.length, lang),
              total: formatCount(components.length, lang),
            })}
          </Text>
        </Group>
      </Group>
      <Box
        ref={parent}
        role="table"
        aria-label={t('software.tabs.components')}
        aria-rowcount={rows.length}
        style={{
          // as tall as the rows need, at most most of the screen (then it scrolls inside)
          height: `min(65vh, 640px, ${virtualizer.getTotalSize() + (wide ? 36 : 2)}px)`,
          minHeight: 80,
          overflow: 'auto',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 4,
          background: 'white',
        }}
      >
        {wide ? (
          <div
            role="row"
            style={{
              ...grid,
              height: 34,
              position: 'sticky',
              top: 0,
              zIndex: 1,
              background: 'var(--mantine-color-gray-0)',
              borderBottom: '1px solid var(--mantine-color-gray-3)',
            }}
          >
            {titles.map((title) => (
              <Text key={title} role="columnheader" size="xs" fw={700}>
                {title}
              </Text>
            ))}
          </div>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 1}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: rowHeight,
                transform: `translateY(${item.start}px)`,
                borderBottom: '1px solid var(--mantine-color-gray-2)',
              }}
            >
              {row(rows[item.index]!)}
            </div>
          ))}
        </div>
      </Box>
    </Stack>
  );
}
