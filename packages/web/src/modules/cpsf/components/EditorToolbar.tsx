// The model editor's toolbar, above the canvas (never over it, so it covers no lane title or node): the
// element palette, the automatic layout, the PNG export, and the legend of the connection kinds.
import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMPONENTS, EDGE_KINDS, type Component } from '../../../api/cpsf';
import { defaultLayer } from './graph';
import { COMPONENT_COLOR, ComponentIcon, EDGE_COLOR } from './meta';

export function EditorToolbar({
  readOnly,
  large,
  laying,
  empty,
  onAdd,
  onLayout,
  onPng,
}: {
  readOnly: boolean;
  /** The element count above which only the selected element's connections are drawn, when exceeded. */
  large: number | null;
  laying: boolean;
  empty: boolean;
  onAdd: (component: Component) => void;
  onLayout: () => void;
  onPng: () => void;
}) {
  const { t } = useTranslation('cpsf');
  return (
    <Group justify="space-between" align="center" gap={6} data-testid="cpsf-toolbar">
      <Group gap={4}>
        {!readOnly
          ? COMPONENTS.map((component) => (
              <Tooltip key={component} label={t('cpsf.editor.addHint', { layer: defaultLayer(component) })}>
                <Button
                  size="compact-xs"
                  variant="light"
                  color={COMPONENT_COLOR[component]}
                  leftSection={<ComponentIcon component={component} size={14} />}
                  onClick={() => onAdd(component)}
                  aria-label={t('cpsf.editor.add', { component: t(`cpsf.components.${component}`) })}
                >
                  {t(`cpsf.components.${component}`)}
                </Button>
              </Tooltip>
            ))
          : null}
        {!readOnly ? (
          <Tooltip label={t('cpsf.editor.autoLayoutHint')} multiline w={260}>
            <Button size="compact-xs" variant="default" onClick={onLayout} loading={laying} disabled={empty}>
              {t('cpsf.editor.autoLayout')}
            </Button>
          </Tooltip>
        ) : null}
        <Button size="compact-xs" variant="default" onClick={onPng}>
          {t('cpsf.editor.png')}
        </Button>
      </Group>
      <Group gap={8} aria-label={t('cpsf.editor.legend')} role="group">
        {EDGE_KINDS.map((k) => (
          <Group key={k} gap={4} wrap="nowrap">
            <svg width="22" height="6" aria-hidden>
              <line
                x1="0"
                y1="3"
                x2="22"
                y2="3"
                stroke={EDGE_COLOR[k]}
                strokeWidth="2"
                strokeDasharray={k === 'contract' ? '5 3' : undefined}
              />
            </svg>
            <Text size="xs">{t(`cpsf.edgeKinds.${k}`)}</Text>
          </Group>
        ))}
      </Group>
      {large !== null ? (
        <Text size="xs" c="dimmed" w="100%">
          {t('cpsf.editor.largeModel', { count: large })}
        </Text>
      ) : null}
    </Group>
  );
}
