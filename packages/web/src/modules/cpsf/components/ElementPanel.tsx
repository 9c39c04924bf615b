// The side panel of the selected element: attributes, categorization, risk sources, requirements.
import { CloseButton, Group, Paper, ScrollArea, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Analysis, CpsfCatalog, Element, Evidence, Graph } from '../../../api/cpsf';
import { CategorizationGrid } from './CategorizationGrid';
import { ElementAttributes } from './ElementAttributes';
import { ElementRequirements } from './ElementRequirements';
import { ElementRisks } from './ElementRisks';
import { removeFromGraph } from './graph';
import { COMPONENT_COLOR, ComponentIcon } from './meta';

export function ElementPanel({
  orgId,
  modelId,
  assessmentId,
  element,
  graph,
  analysis,
  catalog,
  evidence,
  stale,
  readOnly,
  update,
  onClose,
  onAnalysisChanged,
  onEvidence,
}: {
  orgId: string;
  modelId: string;
  assessmentId: string | null;
  element: Element;
  graph: Graph;
  analysis: Analysis | null;
  catalog: CpsfCatalog | null;
  evidence: readonly Evidence[];
  stale: boolean;
  readOnly: boolean;
  update: (change: (graph: Graph) => Graph) => void;
  onClose: () => void;
  onAnalysisChanged: () => void;
  onEvidence: () => void;
}) {
  const { t } = useTranslation('cpsf');
  const entry = analysis?.elements.find((e) => e.elementId === element.id) ?? null;
  const change = (patch: Partial<Element>) =>
    update((g) => ({
      ...g,
      elements: g.elements.map((e) => (e.id === element.id ? { ...e, ...patch } : e)),
    }));
  const waiting = (
    <Text size="sm" c="dimmed">
      {stale ? t('cpsf.panel.saveFirst') : t('common.loading')}
    </Text>
  );
  return (
    <Paper
      withBorder
      h="100%"
      style={{ display: 'flex', flexDirection: 'column' }}
      aria-label={t('cpsf.panel.label')}
      component="section"
    >
      <Group justify="space-between" p="xs" wrap="nowrap" c={`${COMPONENT_COLOR[element.component]}.8`}>
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <ComponentIcon component={element.component} />
          <Text fw={700} truncate="end">
            {element.name || element.id}
          </Text>
        </Group>
        <CloseButton onClick={onClose} aria-label={t('common.close')} />
      </Group>
      <Tabs
        defaultValue="attributes"
        keepMounted={false}
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      >
        <Tabs.List grow>
          <Tabs.Tab value="attributes" px={6} fz="xs">
            {t('cpsf.panel.attributes')}
          </Tabs.Tab>
          <Tabs.Tab value="categorization" px={6} fz="xs">
            {t('cpsf.panel.categorization')}
          </Tabs.Tab>
          <Tabs.Tab value="risks" px={6} fz="xs">
            {t('cpsf.panel.risks')}
          </Tabs.Tab>
          <Tabs.Tab value="requirements" px={6} fz="xs">
            {t('cpsf.panel.requirements')}
          </Tabs.Tab>
        </Tabs.List>
        <ScrollArea style={{ flex: 1 }} p="xs">
          <Tabs.Panel value="attributes">
            <ElementAttributes
              element={element}
              graph={graph}
              readOnly={readOnly}
              onChange={change}
              onDelete={() => {
                update((g) => removeFromGraph(g, [element.id], []));
                onClose();
              }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="categorization">
            <CategorizationGrid
              value={element.categorization ?? {}}
              rows={catalog?.categorization.rows ?? []}
              level={entry?.level ?? null}
              stale={stale}
              readOnly={readOnly}
              onChange={(categorization) => change({ categorization })}
            />
          </Tabs.Panel>
          <Tabs.Panel value="risks">
            {entry ? (
              <ElementRisks
                orgId={orgId}
                modelId={modelId}
                entry={entry}
                catalog={catalog}
                overrides={analysis?.overrides ?? []}
                readOnly={readOnly}
                onChanged={onAnalysisChanged}
              />
            ) : (
              waiting
            )}
          </Tabs.Panel>
          <Tabs.Panel value="requirements">
            {entry ? (
              <ElementRequirements
                orgId={orgId}
                modelId={modelId}
                assessmentId={assessmentId}
                entry={entry}
                catalog={catalog}
                evidence={evidence}
                readOnly={readOnly}
                onChanged={onAnalysisChanged}
                onEvidence={onEvidence}
              />
            ) : (
              waiting
            )}
          </Tabs.Panel>
        </ScrollArea>
      </Tabs>
    </Paper>
  );
}
