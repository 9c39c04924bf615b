// The two node types of the model editor: an element (component colour + icon, name, measure-level
// badge) and a layer lane (a wide band behind the elements, with its title); and the edge type, whose
// label is HTML with its colours inline (it wraps instead of being clipped, and the PNG export draws
// it as shown: an SVG label's background comes from CSS variables the export cannot see).
import { Badge, Box, Group, Text } from '@mantine/core';
import {
  BaseEdge,
  EdgeLabelRenderer,
  Handle,
  Position,
  getBezierPath,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import { memo } from 'react';
import type { Element, Layer, MeasureLevel } from '../../../api/cpsf';
import { NODE_H, NODE_W } from './graph';
import { COMPONENT_COLOR, ComponentIcon, LEVEL_COLOR } from './meta';

export type ElementNodeData = {
  element: Element;
  componentLabel: string;
  level: MeasureLevel | null;
  levelLabel: string | null;
  warn: boolean;
};
export type ElementNodeType = Node<ElementNodeData, 'element'>;

export type LaneNodeData = { layer: Layer; title: string };
export type LaneNodeType = Node<LaneNodeData, 'lane'>;

const handleStyle = { width: 10, height: 10 };

export const ElementNode = memo(function ElementNode({ data, selected }: NodeProps<ElementNodeType>) {
  const color = COMPONENT_COLOR[data.element.component];
  return (
    <Box
      data-testid="cpsf-node"
      data-element-id={data.element.id}
      data-layer={data.element.layer}
      w={NODE_W}
      h={NODE_H}
      px={8}
      py={6}
      bg="white"
      style={{
        borderRadius: 8,
        border: `2px solid var(--mantine-color-${color}-${selected ? 8 : 4})`,
        borderLeftWidth: 6,
        boxShadow: selected ? '0 0 0 3px var(--mantine-color-indigo-2)' : '0 1px 2px rgba(0,0,0,.08)',
      }}
    >
      <Handle type="target" position={Position.Left} style={handleStyle} />
      <Group gap={6} wrap="nowrap" c={`${color}.8`}>
        <ComponentIcon component={data.element.component} size={14} />
        <Text size="xs" c="dimmed" truncate="end" style={{ flex: 1, minWidth: 0 }}>
          {data.componentLabel} · {data.element.id}
        </Text>
        {data.warn ? (
          <Text size="xs" c="orange.8" fw={700} aria-hidden>
            !
          </Text>
        ) : null}
        {data.level && data.levelLabel ? (
          <Badge size="xs" color={LEVEL_COLOR[data.level]} variant="filled" data-testid="cpsf-node-level">
            {data.levelLabel}
          </Badge>
        ) : null}
      </Group>
      <Text
        size="sm"
        fw={600}
        lineClamp={2}
        lh={1.25}
        mt={4}
        title={data.element.name}
        data-testid="cpsf-node-name"
        style={{ wordBreak: 'break-word' }}
      >
        {data.element.name}
      </Text>
      <Handle type="source" position={Position.Right} style={handleStyle} />
    </Box>
  );
});

const LANE_BG: Record<Layer, string> = {
  1: 'var(--mantine-color-indigo-0)',
  2: 'var(--mantine-color-orange-0)',
  3: 'var(--mantine-color-teal-0)',
};

export const LaneNode = memo(function LaneNode({ data, width, height }: NodeProps<LaneNodeType>) {
  return (
    <Box
      data-testid={`cpsf-lane-${data.layer}`}
      w={width}
      h={height}
      style={{
        background: LANE_BG[data.layer],
        borderTop: '1px dashed var(--mantine-color-gray-4)',
        pointerEvents: 'none',
      }}
    >
      <Text size="sm" fw={700} c="dimmed" pl={216} pt={10}>
        {data.title}
      </Text>
    </Box>
  );
});

export type LabelledEdgeType = Edge<{ label: string; color: string }, 'labelled'>;

export const LabelledEdge = memo(function LabelledEdge(props: EdgeProps<LabelledEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, data } =
    props;
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={markerEnd} style={style} />
      {data?.label ? (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan"
            data-testid="cpsf-edge-label"
            style={{
              position: 'absolute',
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              maxWidth: 130,
              padding: '1px 5px',
              background: '#ffffff',
              color: '#343a40',
              border: `1px solid ${data.color}`,
              borderRadius: 4,
              fontSize: 11,
              lineHeight: 1.3,
              textAlign: 'center',
              overflowWrap: 'anywhere',
              pointerEvents: 'all',
            }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
