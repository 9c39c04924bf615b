// The chain as a drawn graph (React Flow, laid out by ELK in a worker): the buyer → tier 1 → tier 2 → tier 3+,
// columns by tier, nodes coloured by score band (else known/unknown status), a concentration (one company
// behind several tier-1s) with a thick red border and the number of tier-1s. Nodes are focusable: Tab to a
// node, Enter selects it and its details show beside the graph. Loaded as its own chunk.
import { Anchor, Badge, Box, Group, Text } from '@mantine/core';
import {
  Background,
  Controls,
  Handle,
  Position,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
  type NodeProps,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainNode } from '../api';
import { chainLayout, NODE_H, NODE_W } from './chainElk';
import { nodeColor, readableView } from './chainFilter';

type ChainNodeData = {
  label: string;
  tier: number;
  color: string;
  dim: boolean;
  concentration: number | null;
  score: number | null;
  buyer: boolean;
};
type ChainNodeType = Node<ChainNodeData, 'chain'>;

const handle = { opacity: 0, width: 1, height: 1 };

const ChainNodeView = memo(function ChainNodeView({ data, selected }: NodeProps<ChainNodeType>) {
  const { t } = useTranslation('supplychain');
  return (
    <Box
      data-testid="chain-node"
      data-tier={data.tier}
      data-concentration={data.concentration ? 'true' : undefined}
      w={NODE_W}
      h={NODE_H}
      px={8}
      py={6}
      bg={data.buyer ? 'var(--mantine-color-dark-6)' : 'white'}
      c={data.buyer ? 'white' : undefined}
      style={{
        borderRadius: 8,
        opacity: data.dim ? 0.45 : 1,
        border: data.concentration
          ? '4px solid var(--mantine-color-red-7)'
          : `2px solid var(--mantine-color-${data.color}-${selected ? 9 : 6})`,
        boxShadow: selected ? '0 0 0 3px var(--mantine-color-blue-4)' : undefined,
        overflow: 'hidden',
      }}
    >
      <Handle type="target" position={Position.Left} style={handle} isConnectable={false} />
      <Group gap={4} wrap="nowrap">
        {data.buyer ? null : (
          <Box
            w={10}
            h={10}
            style={{ borderRadius: 5, flex: 'none' }}
            bg={`var(--mantine-color-${data.color}-6)`}
          />
        )}
        <Text size="sm" fw={600} truncate="end" title={data.label}>
          {data.label}
        </Text>
      </Group>
      <Group gap={4} mt={4} wrap="nowrap">
        {data.buyer ? null : (
          <Badge size="xs" variant="outline" color="gray">
            {t('supplychain.tierN', { tier: data.tier })}
          </Badge>
        )}
        {data.score !== null ? (
          <Badge size="xs" variant="light" color={data.color}>
            {t('supplychain.chainPage.score', { score: data.score })}
          </Badge>
        ) : null}
        {data.concentration ? (
          <Badge size="xs" color="red">
            ×{data.concentration}
          </Badge>
        ) : null}
      </Group>
      <Handle type="source" position={Position.Right} style={handle} isConnectable={false} />
    </Box>
  );
});

const nodeTypes = { chain: ChainNodeView };

const BUYER = '__buyer__';

export interface ChainGraphProps {
  buyerName: string;
  nodes: readonly ChainNode[];
  /** The nodes shown: matching the filters, or (dimmed) on their way up to the buyer. */
  shown: ReadonlyMap<string, 'match' | 'context'>;
  concentrated: ReadonlyMap<string, number>;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

function Graph({ buyerName, nodes, shown, concentrated, selectedId, onSelect }: ChainGraphProps) {
  const { t } = useTranslation('supplychain');
  const visible = useMemo(() => nodes.filter((n) => shown.has(n.id)), [nodes, shown]);
  const edges = useMemo<Edge[]>(
    () =>
      visible.map((n) => ({
        id: `edge:${n.id}`,
        source: n.parentId !== null && shown.has(n.parentId) ? n.parentId : BUYER,
        target: n.id,
        focusable: false,
        style: { stroke: n.source === 'shared' ? 'var(--mantine-color-teal-6)' : '#868e96' },
        animated: false,
      })),
    [visible, shown],
  );
  const [positions, setPositions] = useState<Map<string, { x: number; y: number }> | null>(null);
  useEffect(() => {
    let live = true;
    const items = [{ id: BUYER, tier: 0 }, ...visible.map((n) => ({ id: n.id, tier: n.tier }))];
    void chainLayout(
      items,
      edges.map((e) => ({ from: e.source, to: e.target })),
    ).then((p) => {
      if (live) setPositions(p);
    });
    return () => {
      live = false;
    };
  }, [visible, edges]);

  const flow = useReactFlow();
  const box = useRef<HTMLDivElement>(null);
  const [partial, setPartial] = useState(false);
  useEffect(() => {
    if (positions === null) return;
    const id = requestAnimationFrame(() => {
      const el = box.current;
      const view = el
        ? readableView(positions, el.clientWidth, el.clientHeight, { width: NODE_W, height: NODE_H })
        : null;
      if (view === null) return;
      // the whole chain when it fits legibly; otherwise the buyer's end at a readable size (pan or Tab on)
      setPartial(view.partial);
      void flow.setViewport({ x: view.x, y: view.y, zoom: view.zoom });
    });
    return () => cancelAnimationFrame(id);
  }, [positions, flow]);

  const flowNodes = useMemo<ChainNodeType[]>(() => {
    if (positions === null) return [];
    const buyer: ChainNodeType = {
      id: BUYER,
      type: 'chain',
      position: positions.get(BUYER) ?? { x: 0, y: 0 },
      selectable: false,
      focusable: false,
      draggable: false,
      data: {
        label: buyerName,
        tier: 0,
        color: 'dark',
        dim: false,
        concentration: null,
        score: null,
        buyer: true,
      },
    };
    return [
      buyer,
      ...visible.map((n): ChainNodeType => ({
        id: n.id,
        type: 'chain',
        position: positions.get(n.id) ?? { x: 0, y: 0 },
        selected: n.id === selectedId,
        draggable: false,
        ariaLabel: [
          n.name,
          t('supplychain.tierN', { tier: n.tier }),
          t(`supplychain.criticality.${n.criticality}`),
          n.score === null
            ? n.statusKnown
              ? t('supplychain.chainPage.statusKnown')
              : t('supplychain.chainPage.statusUnknown')
            : t('supplychain.chainPage.score', { score: n.score }),
          concentrated.has(n.id)
            ? t('supplychain.chainPage.concentrationShort', { count: concentrated.get(n.id) })
            : '',
        ]
          .filter(Boolean)
          .join('、'),
        data: {
          label: n.name,
          tier: n.tier,
          color: nodeColor(n),
          dim: shown.get(n.id) === 'context',
          concentration: concentrated.get(n.id) ?? null,
          score: n.score,
          buyer: false,
        },
      })),
    ];
  }, [positions, visible, buyerName, selectedId, shown, concentrated, t]);

  return (
    <>
      {partial ? (
        <Text size="xs" c="dimmed" px="sm" pt="xs" data-testid="chain-partial">
          {t('supplychain.chainPage.partialHint')}
        </Text>
      ) : null}
      <div
        ref={box}
        style={{ height: 'min(520px, 70vh, 100vw)', minHeight: 320, width: '100%' }}
        data-testid="chain-graph"
        role="group"
        aria-label={t('supplychain.chainPage.graphLabel')}
      >
        <ReactFlow<ChainNodeType, Edge>
          nodes={flowNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          onNodeClick={(_e, node) => onSelect(node.id === BUYER ? null : node.id)}
          // Selection by mouse or keyboard (Tab to a node, Enter) arrives as a change of the controlled nodes.
          onNodesChange={(changes) => {
            const picked = changes.find((c) => c.type === 'select' && c.selected && c.id !== BUYER);
            if (picked && picked.type === 'select' && picked.id !== selectedId) onSelect(picked.id);
          }}
          onPaneClick={() => onSelect(null)}
          // the first view comes from the layout (readableView), not a fit: a long chain would be unreadable
          fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
          minZoom={0.1}
          maxZoom={2}
          // React Flow's own badge sits inside the canvas and covered nodes at 390 px. Its docs say anyone may
          // hide it (reactflow.dev/api-reference/types/pro-options) and ask organizations to support the
          // project; the credit stays, as a link under the graph where it covers nothing.
          proOptions={{ hideAttribution: true }}
          ariaLabelConfig={{
            'node.a11yDescription.default': t('supplychain.chainPage.detailsHint'),
            'controls.ariaLabel': t('supplychain.chainPage.controls.label'),
            'controls.zoomIn.ariaLabel': t('supplychain.chainPage.controls.zoomIn'),
            'controls.zoomOut.ariaLabel': t('supplychain.chainPage.controls.zoomOut'),
            'controls.fitView.ariaLabel': t('supplychain.chainPage.controls.fitView'),
          }}
        >
          <Background gap={24} />
          <Controls showInteractive={false} fitViewOptions={{ padding: 0.1, maxZoom: 1 }} />
        </ReactFlow>
      </div>
      <Text size="xs" c="dimmed" ta="right" px="sm" pb={4} data-testid="chain-credit">
        {t('supplychain.chainPage.credit')}{' '}
        <Anchor href="https://reactflow.dev" target="_blank" rel="noopener noreferrer" size="xs" c="dimmed">
          React Flow
        </Anchor>
      </Text>
    </>
  );
}

export default function ChainGraph(props: ChainGraphProps) {
  return (
    <ReactFlowProvider>
      <Graph {...props} />
    </ReactFlowProvider>
  );
}
