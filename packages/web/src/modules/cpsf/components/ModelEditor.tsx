// The visual model editor (React Flow): three layer lanes, elements as nodes, typed edges. Dragging a node
// into another lane changes its layer; connecting two nodes asks for the edge kind.
import { Button, Group, Modal, Radio, Stack } from '@mantine/core';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  getNodesBounds,
  getViewportForBounds,
  useReactFlow,
  type Connection,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMediaQuery } from '@mantine/hooks';
import { toPng } from 'html-to-image';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  EDGE_KINDS,
  LAYERS,
  type Component,
  type EdgeKind,
  type Element,
  type Graph,
  type MeasureLevel,
} from '../../../api/cpsf';
import { notifyError } from '../../../lib/notify';
import {
  NODE_H,
  NODE_W,
  defaultLayer,
  dropTarget,
  edgeIdFor,
  elementIdFor,
  layoutLanes,
  removeFromGraph,
  spotFor,
  type LaneGeometry,
} from './graph';
import { layoutPositions, withPositions } from './autoLayout';
import { EditorToolbar } from './EditorToolbar';
import { EDGE_COLOR } from './meta';
import {
  ElementNode,
  LabelledEdge,
  LaneNode,
  type ElementNodeType,
  type LabelledEdgeType,
  type LaneNodeType,
} from './nodes';

const nodeTypes = { element: ElementNode, lane: LaneNode };
const edgeTypes = { labelled: LabelledEdge };
type AnyNode = ElementNodeType | LaneNodeType;

/** Where the target (left) and source (right) handles of an element node sit, as the node draws them. */
const NODE_HANDLES = [
  { type: 'target' as const, position: Position.Left, x: -5, y: NODE_H / 2 - 5, width: 10, height: 10 },
  {
    type: 'source' as const,
    position: Position.Right,
    x: NODE_W - 5,
    y: NODE_H / 2 - 5,
    width: 10,
    height: 10,
  },
];

/** Above this many elements the editor neither fits the whole model into view nor shows the minimap. */
const LARGE_MODEL = 1500;
/** Up to this many connections, those without a label show their kind's name. */
const KIND_LABELS_UP_TO = 30;
export interface EditorProps {
  graph: Graph;
  levels: ReadonlyMap<string, MeasureLevel>;
  warnings: ReadonlySet<string>;
  selectedId: string | null;
  /** Bumped to pan to the selected element (e.g. after a click in the checks list). */
  focusTick: number;
  readOnly: boolean;
  onSelect: (id: string | null) => void;
  update: (change: (graph: Graph) => Graph) => void;
  modelName: string;
  /**
   * Lay the model out automatically once (after the building wizard: 'all'; after an import: 'unplaced',
   * only when some element has no position yet); onAutoLayoutDone clears the request.
   */
  autoLayout?: 'all' | 'unplaced' | null;
  onAutoLayoutDone?: () => void;
}

function laneNodes(geometry: LaneGeometry, titles: Record<1 | 2 | 3, string>): LaneNodeType[] {
  const x = geometry.minX - 200;
  const width = geometry.maxX - geometry.minX + 600;
  return LAYERS.map((layer) => ({
    id: `lane-${layer}`,
    type: 'lane',
    position: { x, y: geometry.top[layer] },
    data: { layer, title: titles[layer] },
    width,
    height: geometry.height[layer],
    draggable: false,
    selectable: false,
    connectable: false,
    deletable: false,
    focusable: false,
    zIndex: -1,
  }));
}

function Editor(props: EditorProps) {
  const { graph, levels, warnings, selectedId, focusTick, readOnly, onSelect, update, modelName } = props;
  const { autoLayout = null, onAutoLayoutDone } = props;
  const { t } = useTranslation('cpsf');
  const flow = useReactFlow<AnyNode>();
  const geometry = useMemo(() => layoutLanes(graph.elements), [graph.elements]);
  const cache = useRef(new Map<string, { key: unknown[]; node: ElementNodeType }>());
  const [pending, setPending] = useState<Connection | null>(null);
  const [kind, setKind] = useState<EdgeKind>('data_flow');
  const wrapper = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState(false);
  const [laying, setLaying] = useState(false);
  const fitPending = useRef(false);

  const titles = useMemo(
    () => ({ 1: t('cpsf.layers.1'), 2: t('cpsf.layers.2'), 3: t('cpsf.layers.3') }),
    [t],
  );

  // Node objects are reused while nothing they show changes, so React Flow re-renders only what moved.
  const built = useMemo<AnyNode[]>(() => {
    const next = new Map<string, { key: unknown[]; node: ElementNodeType }>();
    const out: AnyNode[] = laneNodes(geometry, titles);
    for (const element of graph.elements) {
      const p = geometry.positions.get(element.id) ?? { x: 0, y: 0 };
      const x = p.x;
      const y = geometry.top[element.layer] + p.y;
      const level = levels.get(element.id) ?? null;
      const warn = warnings.has(element.id);
      const key = [element, x, y, level, warn, readOnly, t];
      const old = cache.current.get(element.id);
      const node =
        old && old.key.every((k, i) => k === key[i])
          ? old.node
          : ({
              id: element.id,
              type: 'element',
              position: { x, y },
              // Known size and handles: React Flow need not draw every node once to measure it, so only the
              // nodes on screen are ever drawn (a 5,000-element model opens quickly).
              width: NODE_W,
              height: NODE_H,
              handles: NODE_HANDLES,
              data: {
                element,
                componentLabel: t(`cpsf.components.${element.component}`),
                level,
                levelLabel: level ? t(`cpsf.measureLevels.${level}`) : null,
                warn,
              },
              draggable: !readOnly,
              connectable: !readOnly,
              deletable: !readOnly,
              ariaLabel: `${t(`cpsf.components.${element.component}`)} ${element.name}`,
            } satisfies ElementNodeType);
      next.set(element.id, { key, node });
      out.push(node);
    }
    cache.current = next;
    return out;
  }, [graph.elements, geometry, levels, warnings, readOnly, titles, t]);

  const [nodes, setNodes] = useState<AnyNode[]>(built);
  useEffect(() => {
    // keep React Flow's measurements and the selection of nodes that are still there
    setNodes((prev) => {
      const old = new Map(prev.map((n) => [n.id, n]));
      return built.map((n) => {
        const o = old.get(n.id);
        if (!o) return n.id === selectedId ? { ...n, selected: true } : n;
        if (o.measured === undefined && !o.selected) return n;
        return { ...n, measured: o.measured, selected: o.selected };
      });
    });
  }, [built]);

  const onNodesChange = useCallback(
    (changes: NodeChange<AnyNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );

  // In a large model thousands of long edges cross any part of the canvas and drawing them all makes the editor
  // sluggish (and unreadable): show the connections of the selected element only; the table lists them all.
  const large = graph.elements.length > LARGE_MODEL;
  // The kind of a connection without a label of its own is written on it only in a small model; in a
  // larger one dozens of the same word would hide the drawing (the colour and the legend say it).
  const kindLabels = graph.edges.length <= KIND_LABELS_UP_TO;
  // On a narrow canvas (phone) the minimap would cover most of the model.
  const roomy = useMediaQuery('(min-width: 48em)', true);
  const edges = useMemo<LabelledEdgeType[]>(
    () =>
      (large
        ? selectedId === null
          ? []
          : graph.edges.filter((e) => e.from === selectedId || e.to === selectedId)
        : graph.edges
      ).map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        type: 'labelled' as const,
        style: {
          stroke: EDGE_COLOR[e.kind],
          strokeWidth: 1.6,
          strokeDasharray: e.kind === 'contract' ? '6 4' : undefined,
        },
        markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_COLOR[e.kind] },
        deletable: !readOnly,
        data: {
          label: e.label || (kindLabels ? t(`cpsf.edgeKinds.${e.kind}`) : ''),
          color: EDGE_COLOR[e.kind],
        },
      })),
    [graph.edges, readOnly, t, large, selectedId, kindLabels],
  );

  // Selecting from outside (checks list, table): select the node and bring it into view.
  useEffect(() => {
    setNodes((ns) =>
      ns.map((n) => {
        const selected = n.id === selectedId;
        return Boolean(n.selected) === selected ? n : { ...n, selected };
      }),
    );
  }, [selectedId]);
  useEffect(() => {
    if (focusTick === 0 || !selectedId) return;
    void flow.fitView({ nodes: [{ id: selectedId }], duration: 300, maxZoom: 1.2 });
  }, [focusTick]);

  const onNodeDragStop: OnNodeDrag<AnyNode> = useCallback(
    (_event, _node, dragged) => {
      const moves = new Map(
        dragged.filter((n) => n.type === 'element').map((n) => [n.id, dropTarget(n.position, geometry)]),
      );
      if (moves.size === 0) return;
      update((g) => ({
        ...g,
        elements: g.elements.map((e) => {
          const move = moves.get(e.id);
          return move ? { ...e, layer: move.layer, position: move.position } : e;
        }),
      }));
    },
    [geometry, update],
  );

  const addElement = (component: Component) => {
    const layer = defaultLayer(component);
    let id = '';
    const spot = spotFor(layer, graph.elements, geometry);
    update((g) => {
      id = elementIdFor(component, g);
      const element: Element = {
        id,
        name: t(`cpsf.newName.${component}`),
        component,
        layer,
        position: spot,
        ...(component === 'thing' ? { thingKind: 'iot_device' as const } : {}),
      };
      return { ...g, elements: [...g.elements, element] };
    });
    onSelect(id);
    // bring the new element into view, at the current zoom
    void flow.setCenter(spot.x + NODE_W / 2, geometry.top[layer] + spot.y + NODE_H / 2, {
      zoom: flow.getZoom(),
      duration: 200,
    });
  };

  const connect = () => {
    const c = pending;
    setPending(null);
    if (!c?.source || !c.target || c.source === c.target) return;
    update((g) => ({
      ...g,
      edges: [...g.edges, { id: edgeIdFor(g), from: c.source, to: c.target, kind }],
    }));
  };

  // The automatic layered layout (elkjs): positions for every element, then the whole model in view.
  const relayout = async () => {
    setLaying(true);
    try {
      const { browserElk } = await import('./elkWorker');
      const positions = await layoutPositions(graph, browserElk());
      fitPending.current = true;
      update((g) => withPositions(g, positions));
    } catch (error) {
      notifyError(error);
    } finally {
      setLaying(false);
    }
  };
  useEffect(() => {
    if (autoLayout === null) return;
    onAutoLayoutDone?.();
    const wanted = autoLayout === 'all' || graph.elements.some((e) => !e.position);
    if (wanted && !readOnly && graph.elements.length > 0) void relayout();
  }, [autoLayout]);
  useEffect(() => {
    if (!fitPending.current) return;
    fitPending.current = false;
    requestAnimationFrame(() => void flow.fitView({ padding: 0.1, maxZoom: 1, duration: 200 }));
  }, [nodes]);

  const exportPng = async () => {
    const viewport = wrapper.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) return;
    const bounds = getNodesBounds(flow.getNodes());
    const width = Math.min(4096, Math.max(800, Math.round(bounds.width)));
    const height = Math.min(4096, Math.max(600, Math.round(bounds.height)));
    const vp = getViewportForBounds(bounds, width, height, 0.05, 2, 0.02);
    // The whole model, not only what is on screen: draw every node and edge for the picture.
    flushSync(() => setExporting(true));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    try {
      const url = await toPng(viewport, {
        backgroundColor: '#ffffff',
        width,
        height,
        style: {
          width: `${width}px`,
          height: `${height}px`,
          transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
        },
      });
      const a = document.createElement('a');
      a.href = url;
      a.download = `${modelName || 'model'}.png`;
      a.click();
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap={6} h="100%" w="100%">
      <EditorToolbar
        readOnly={readOnly}
        large={large ? LARGE_MODEL : null}
        laying={laying}
        empty={graph.elements.length === 0}
        onAdd={addElement}
        onLayout={() => void relayout()}
        onPng={() => void exportPng()}
      />
      <div ref={wrapper} style={{ flex: 1, minHeight: 0, width: '100%' }} data-testid="cpsf-editor">
        <ReactFlow<AnyNode, LabelledEdgeType>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={(_e, node) => node.type === 'element' && onSelect(node.id)}
          onEdgeClick={() => onSelect(null)}
          onPaneClick={() => onSelect(null)}
          onConnect={(c) => {
            if (!readOnly) setPending(c);
          }}
          onDelete={({ nodes: gone, edges: goneEdges }) =>
            update((g) =>
              removeFromGraph(
                g,
                gone.filter((n) => n.type === 'element').map((n) => n.id),
                goneEdges.map((e) => e.id),
              ),
            )
          }
          deleteKeyCode={readOnly ? null : ['Backspace', 'Delete']}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          onlyRenderVisibleElements={!exporting}
          minZoom={0.05}
          maxZoom={2}
          // A large model opens at reading size at its top left, so only the nodes on screen are drawn; fitting
          // thousands of nodes into view would draw them all and make the editor sluggish.
          fitView={graph.elements.length <= LARGE_MODEL}
          fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
          defaultViewport={{ x: 0, y: 0, zoom: 0.8 }}
          proOptions={{ hideAttribution: false }}
          ariaLabelConfig={{ 'node.a11yDescription.default': t('cpsf.editor.a11y') }}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          {/* The minimap would cover nodes beside the open element panel: shown only while none is open. */}
          {graph.elements.length <= LARGE_MODEL && selectedId === null && roomy ? (
            <MiniMap
              pannable
              zoomable
              nodeStrokeWidth={3}
              nodeColor={(n) => (n.type === 'lane' ? '#f1f3f5' : '#868e96')}
            />
          ) : null}
        </ReactFlow>
        <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('cpsf.editor.edgeKind')}>
          <Stack>
            <Radio.Group value={kind} onChange={(v) => setKind(v)} label={t('cpsf.editor.edgeKindLabel')}>
              <Stack gap="xs" mt="xs">
                {EDGE_KINDS.map((k) => (
                  <Radio key={k} value={k} label={t(`cpsf.edgeKinds.${k}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={connect}>{t('cpsf.editor.connect')}</Button>
            </Group>
          </Stack>
        </Modal>
      </div>
    </Stack>
  );
}

/** The editor with its own React Flow store. */
export function ModelEditor(props: EditorProps) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}
