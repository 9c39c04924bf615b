// Elements and edges as tables for large models: only the rows in view are rendered (virtualized), so
// 5,000 rows scroll smoothly; name, layer, component and owner are edited in place. On phones each row
// is a small card instead of a wide table row.
import { Badge, Box, Group, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPONENTS,
  EDGE_KINDS,
  LAYERS,
  type Edge,
  type Element,
  type Graph,
  type MeasureLevel,
} from '../../../api/cpsf';
import { SearchIcon } from '../../../components/icons';
import { LEVEL_COLOR } from './meta';

type Kind = 'elements' | 'edges';

function VirtualRows<T>({
  rows,
  rowHeight,
  label,
  header,
  render,
}: {
  rows: readonly T[];
  rowHeight: number;
  label: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  return (
    <Box
      ref={parent}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length}
      style={{
        height: 'min(65vh, 640px)',
        overflow: 'auto',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
        background: 'white',
      }}
    >
      {header}
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
            {render(rows[item.index]!)}
          </div>
        ))}
      </div>
    </Box>
  );
}

const ELEMENT_COLS = '110px minmax(160px, 2fr) 140px 150px minmax(120px, 1fr) 110px';
const EDGE_COLS = '90px minmax(120px, 1fr) minmax(120px, 1fr) 170px minmax(120px, 1fr)';

export function TableView({
  graph,
  levels,
  readOnly,
  update,
  onOpen,
}: {
  graph: Graph;
  levels: ReadonlyMap<string, MeasureLevel>;
  readOnly: boolean;
  update: (change: (graph: Graph) => Graph) => void;
  onOpen: (elementId: string) => void;
}) {
  const { t } = useTranslation('cpsf');
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [kind, setKind] = useState<Kind>('elements');
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const names = useMemo(() => new Map(graph.elements.map((e) => [e.id, e.name])), [graph.elements]);
  const elements = useMemo(
    () =>
      q
        ? graph.elements.filter(
            (e) =>
              e.id.toLowerCase().includes(q) ||
              e.name.toLowerCase().includes(q) ||
              (e.owner ?? '').toLowerCase().includes(q),
          )
        : graph.elements,
    [graph.elements, q],
  );
  const edges = useMemo(
    () =>
      q
        ? graph.edges.filter((e) =>
            [e.id, e.from, e.to, names.get(e.from) ?? '', names.get(e.to) ?? ''].some((s) =>
              s.toLowerCase().includes(q),
            ),
          )
        : graph.edges,
    [graph.edges, names, q],
  );

  const patchElement = (id: string, patch: Partial<Element>) =>
    update((g) => ({ ...g, elements: g.elements.map((e) => (e.id === id ? { ...e, ...patch } : e)) }));
  const patchEdge = (id: string, patch: Partial<Edge>) =>
    update((g) => ({ ...g, edges: g.edges.map((e) => (e.id === id ? { ...e, ...patch } : e)) }));

  const cell = (label: string, node: ReactNode) =>
    wide ? (
      <div role="cell" style={{ minWidth: 0 }}>
        {node}
      </div>
    ) : (
      <Group role="cell" gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed" w={56} style={{ flexShrink: 0 }}>
          {label}
        </Text>
        <Box style={{ flex: 1, minWidth: 0 }}>{node}</Box>
      </Group>
    );

  const gridStyle = (cols: string) =>
    wide
      ? {
          display: 'grid',
          gridTemplateColumns: cols,
          gap: 8,
          alignItems: 'center',
          padding: '0 8px',
          height: '100%',
        }
      : { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4, padding: 8, alignContent: 'start' };

  const header = (cols: string, titles: string[]) =>
    wide ? (
      <div
        role="row"
        style={{
          ...gridStyle(cols),
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
    ) : null;

  const elementRow = (e: Element) => {
    const level = levels.get(e.id);
    return (
      <div style={gridStyle(ELEMENT_COLS)} data-testid="cpsf-table-row" data-element-id={e.id}>
        {cell(
          t('cpsf.attributes.id'),
          <Text
            size="xs"
            ff="monospace"
            c="indigo"
            style={{ cursor: 'pointer' }}
            truncate="end"
            onClick={() => onOpen(e.id)}
            title={t('cpsf.table.open')}
          >
            {e.id}
          </Text>,
        )}
        <Box style={wide ? undefined : { gridColumn: '1 / -1', order: -1 }}>
          <TextInput
            size="xs"
            aria-label={t('cpsf.table.nameOf', { id: e.id })}
            value={e.name}
            readOnly={readOnly}
            onChange={(event) => patchElement(e.id, { name: event.currentTarget.value })}
          />
        </Box>
        {cell(
          t('cpsf.attributes.component'),
          <NativeSelect
            size="xs"
            aria-label={t('cpsf.table.componentOf', { id: e.id })}
            data={COMPONENTS.map((c) => ({ value: c, label: t(`cpsf.components.${c}`) }))}
            value={e.component}
            disabled={readOnly}
            onChange={(event) => {
              const component = COMPONENTS.find((c) => c === event.currentTarget.value);
              if (component)
                patchElement(e.id, {
                  component,
                  thingKind: component === 'thing' ? (e.thingKind ?? 'hardware') : null,
                });
            }}
          />,
        )}
        {cell(
          t('cpsf.attributes.layer'),
          <NativeSelect
            size="xs"
            aria-label={t('cpsf.table.layerOf', { id: e.id })}
            data={LAYERS.map((l) => ({ value: String(l), label: t(`cpsf.layersShort.${l}`) }))}
            value={String(e.layer)}
            disabled={readOnly}
            onChange={(event) => {
              const layer = LAYERS.find((l) => String(l) === event.currentTarget.value);
              if (layer) patchElement(e.id, { layer, position: null });
            }}
          />,
        )}
        {cell(
          t('cpsf.attributes.owner'),
          <TextInput
            size="xs"
            aria-label={t('cpsf.table.ownerOf', { id: e.id })}
            value={e.owner ?? ''}
            readOnly={readOnly}
            onChange={(event) => patchElement(e.id, { owner: event.currentTarget.value || null })}
          />,
        )}
        {cell(
          t('cpsf.table.level'),
          level ? (
            <Badge size="sm" color={LEVEL_COLOR[level]}>
              {t(`cpsf.measureLevels.${level}`)}
            </Badge>
          ) : null,
        )}
      </div>
    );
  };

  const edgeRow = (e: Edge) => (
    <div style={gridStyle(EDGE_COLS)}>
      {cell(
        t('cpsf.attributes.id'),
        <Text size="xs" ff="monospace">
          {e.id}
        </Text>,
      )}
      {cell(
        t('cpsf.table.from'),
        <Text size="xs" truncate="end">
          {names.get(e.from) ?? e.from}
        </Text>,
      )}
      {cell(
        t('cpsf.table.to'),
        <Text size="xs" truncate="end">
          {names.get(e.to) ?? e.to}
        </Text>,
      )}
      {cell(
        t('cpsf.table.kind'),
        <NativeSelect
          size="xs"
          aria-label={t('cpsf.table.kindOf', { id: e.id })}
          data={EDGE_KINDS.map((k) => ({ value: k, label: t(`cpsf.edgeKinds.${k}`) }))}
          value={e.kind}
          disabled={readOnly}
          onChange={(event) => {
            const k = EDGE_KINDS.find((x) => x === event.currentTarget.value);
            if (k) patchEdge(e.id, { kind: k });
          }}
        />,
      )}
      {cell(
        t('cpsf.table.label'),
        <TextInput
          size="xs"
          aria-label={t('cpsf.table.labelOf', { id: e.id })}
          value={e.label ?? ''}
          readOnly={readOnly}
          onChange={(event) => patchEdge(e.id, { label: event.currentTarget.value || null })}
        />,
      )}
    </div>
  );

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v === 'edges' ? 'edges' : 'elements')}
          data={[
            { value: 'elements', label: t('cpsf.table.elements', { count: graph.elements.length }) },
            { value: 'edges', label: t('cpsf.table.edges', { count: graph.edges.length }) },
          ]}
        />
        <TextInput
          size="xs"
          leftSection={<SearchIcon />}
          placeholder={t('cpsf.table.filter')}
          aria-label={t('cpsf.table.filter')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          style={{ flex: '1 1 200px', maxWidth: 320 }}
        />
      </Group>
      {kind === 'elements' ? (
        <VirtualRows
          key={`e-${wide}`}
          rows={elements}
          rowHeight={wide ? 44 : 156}
          label={t('cpsf.table.elementsLabel')}
          header={header(ELEMENT_COLS, [
            t('cpsf.attributes.id'),
            t('cpsf.attributes.name'),
            t('cpsf.attributes.component'),
            t('cpsf.attributes.layer'),
            t('cpsf.attributes.owner'),
            t('cpsf.table.level'),
          ])}
          render={elementRow}
        />
      ) : (
        <VirtualRows
          key={`d-${wide}`}
          rows={edges}
          rowHeight={wide ? 44 : 110}
          label={t('cpsf.table.edgesLabel')}
          header={header(EDGE_COLS, [
            t('cpsf.attributes.id'),
            t('cpsf.table.from'),
            t('cpsf.table.to'),
            t('cpsf.table.kind'),
            t('cpsf.table.label'),
          ])}
          render={edgeRow}
        />
      )}
    </Stack>
  );
}
