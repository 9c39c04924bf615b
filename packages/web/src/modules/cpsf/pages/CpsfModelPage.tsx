import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Drawer,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { can } from '@shinrai/core/browser';
import { cpsfApi, type CpsfCatalog, type Evidence, type MeasureLevel } from '../../../api/cpsf';
import { ChecksList } from '../components/ChecksList';
import { ElementPanel } from '../components/ElementPanel';
import { GapPlan } from '../components/GapPlan';
import { HeatMap } from '../components/HeatMap';
import { ImportExport } from '../components/ImportExport';
import { ModelEditor } from '../components/ModelEditor';
import { RequirementFinder } from '../components/RequirementFinder';
import { TableView } from '../components/TableView';
import { useCpsfModel, type SaveState } from '../components/useCpsfModel';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemTable } from '../../../components/ProblemTable';
import { notifyError } from '../../../lib/notify';

const TABS = ['editor', 'table', 'checks', 'requirements', 'gaps', 'heatmap', 'files'] as const;
type Tab = (typeof TABS)[number];

const SAVE_COLOR: Record<SaveState, string> = {
  saved: 'teal',
  dirty: 'gray',
  saving: 'blue',
  error: 'red',
  conflict: 'orange',
};

/** One CPSF model: editor (swimlanes), table view, checks, requirements, gaps and plan, heat map, files. */
export function CpsfModelPage() {
  const { t, i18n } = useTranslation('cpsf');
  const { orgId, role } = useOrg();
  const { modelId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'editor';
  const wide = useMediaQuery('(min-width: 62em)', true);
  const state = useCpsfModel(orgId, modelId);
  const { model, graph, analysis, saveState, update } = state;
  const readOnly = !can(role, 'assessments.write');
  const [catalog, setCatalog] = useState<CpsfCatalog | null>(null);
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  // A model the building wizard just made (?layout=auto) or one just imported is laid out automatically.
  const [autoLayout, setAutoLayout] = useState<'all' | 'unplaced' | null>(null);
  const autoLayoutParam = params.get('layout') === 'auto';
  const loaded = Boolean(model);
  useEffect(() => {
    if (!autoLayoutParam || !loaded) return;
    setParams({}, { replace: true });
    setAutoLayout('all');
  }, [autoLayoutParam, loaded]);
  const assessmentId = model?.assessmentId ?? null;

  useEffect(() => {
    cpsfApi.catalog(orgId).then(setCatalog, (error: unknown) => notifyError(error));
  }, [orgId]);

  const loadEvidence = useCallback(() => {
    if (!assessmentId) return;
    cpsfApi.evidence(orgId, assessmentId).then(
      (r) => setEvidence(r.items),
      () => undefined,
    );
  }, [orgId, assessmentId]);
  useEffect(loadEvidence, [loadEvidence]);

  const levels = useMemo(() => {
    const map = new Map<string, MeasureLevel>();
    for (const e of analysis?.elements ?? []) map.set(e.elementId, e.level.level);
    return map;
  }, [analysis]);
  const warnings = useMemo(
    () => new Set((analysis?.checks ?? []).filter((c) => c.severity !== 'info').flatMap((c) => c.elementIds)),
    [analysis],
  );
  const names = useMemo(() => new Map(graph.elements.map((e) => [e.id, e.name])), [graph.elements]);
  const selected = graph.elements.find((e) => e.id === selectedId) ?? null;

  const setTab = (next: Tab) => setParams(next === 'editor' ? {} : { tab: next }, { replace: true });
  const openElement = (id: string) => {
    setSelectedId(id);
    setFocusTick((n) => n + 1);
    setTab('editor');
  };

  if (model === undefined)
    return (
      <Center h={240}>
        <Loader />
      </Center>
    );
  if (model === null)
    return (
      <Alert color="yellow" title={t('cpsf.model.notFound')}>
        <Button component={Link} to={`/orgs/${orgId}/cpsf`} variant="light" mt="sm">
          {t('cpsf.models.backToList')}
        </Button>
      </Alert>
    );

  const summary = analysis?.summary;
  // a change waiting for the autosave is shown as being saved (it is, a moment later)
  const saveLabel = saveState === 'dirty' ? 'saving' : saveState;
  const panel = selected ? (
    <ElementPanel
      key={selected.id}
      orgId={orgId}
      modelId={modelId}
      assessmentId={assessmentId}
      element={selected}
      graph={graph}
      analysis={analysis}
      catalog={catalog}
      evidence={evidence}
      stale={saveState !== 'saved'}
      readOnly={readOnly}
      update={update}
      onClose={() => setSelectedId(null)}
      onAnalysisChanged={state.refreshAnalysis}
      onEvidence={loadEvidence}
    />
  ) : null;

  return (
    <Stack gap="sm">
      <Anchor component={Link} to={`/orgs/${orgId}/cpsf`} size="sm">
        ← {t('cpsf.models.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="xs">
        <PageHeader
          title={model.name}
          description={`${t(`cpsf.scopeTypes.${model.scopeType}`)}${model.scopeLabel ? `: ${model.scopeLabel}` : ''}`}
        />
        <Group gap="xs">
          <Tooltip label={t('cpsf.save.auto')} disabled={readOnly}>
            <Badge
              color={SAVE_COLOR[saveState]}
              variant="light"
              data-testid="cpsf-save-state"
              data-state={saveState}
              style={{ textTransform: 'none' }}
            >
              {saveState === 'saved' && state.savedAt
                ? t('cpsf.save.savedAt', {
                    time: state.savedAt.toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
                      hour: '2-digit',
                      minute: '2-digit',
                    }),
                  })
                : t(`cpsf.save.${saveLabel}`)}
            </Badge>
          </Tooltip>
          {!readOnly && saveState === 'error' ? (
            <Button size="xs" onClick={() => void state.save()}>
              {t('cpsf.save.retry')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {saveState === 'conflict' ? (
        <Alert color="orange" title={t('cpsf.save.conflictTitle')} role="alert">
          <Text size="sm">{t('cpsf.save.conflictBody')}</Text>
          <Button mt="xs" size="xs" onClick={() => void state.reload()}>
            {t('cpsf.save.reload')}
          </Button>
        </Alert>
      ) : null}
      {saveState === 'error' && state.saveError ? <ProblemTable error={state.saveError} /> : null}
      {summary ? (
        <Text size="sm" c="dimmed" data-testid="cpsf-summary">
          {t('cpsf.model.summary', { ...summary, elements: graph.elements.length })}
        </Text>
      ) : null}
      <Tabs value={tab} onChange={(v) => setTab(TABS.find((x) => x === v) ?? 'editor')} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`cpsf.tabs.${x}`)}
              {x === 'checks' && analysis && analysis.checks.length > 0 ? ` (${analysis.checks.length})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="editor" pt="sm">
          <Group align="stretch" gap="sm" wrap="nowrap" h="calc(100vh - 260px)" mih={480}>
            <Box style={{ flex: 1, minWidth: 0 }} h="100%">
              <ModelEditor
                graph={graph}
                levels={levels}
                warnings={warnings}
                selectedId={selectedId}
                focusTick={focusTick}
                readOnly={readOnly}
                onSelect={setSelectedId}
                update={update}
                modelName={model.name}
                autoLayout={autoLayout}
                onAutoLayoutDone={() => setAutoLayout(null)}
              />
            </Box>
            {wide && panel ? (
              <Box w={440} h="100%" style={{ flexShrink: 0 }}>
                {panel}
              </Box>
            ) : null}
          </Group>
          {!wide ? (
            <Drawer
              opened={panel !== null}
              onClose={() => setSelectedId(null)}
              position="bottom"
              size="85%"
              withCloseButton={false}
              padding={0}
            >
              {panel}
            </Drawer>
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="table" pt="sm">
          <TableView graph={graph} levels={levels} readOnly={readOnly} update={update} onOpen={openElement} />
        </Tabs.Panel>
        <Tabs.Panel value="checks" pt="sm">
          {analysis ? (
            <ChecksList checks={analysis.checks} names={names} onSelect={openElement} />
          ) : (
            <Loader size="sm" />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="requirements" pt="sm">
          <RequirementFinder
            orgId={orgId}
            modelId={modelId}
            catalog={catalog}
            names={names}
            version={analysis}
            onOpen={openElement}
          />
        </Tabs.Panel>
        <Tabs.Panel value="gaps" pt="sm">
          {analysis ? (
            <GapPlan
              orgId={orgId}
              modelId={modelId}
              elements={analysis.elements}
              names={names}
              catalog={catalog}
              readOnly={readOnly}
              onChanged={state.refreshAnalysis}
              onOpen={openElement}
            />
          ) : (
            <Loader size="sm" />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="heatmap" pt="sm">
          {analysis ? <HeatMap cells={analysis.heatmap} /> : <Loader size="sm" />}
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="sm">
          <ImportExport
            orgId={orgId}
            modelId={modelId}
            readOnly={readOnly}
            onImported={() =>
              void state.reload().then(() => {
                setAutoLayout('unplaced');
                setTab('editor');
              })
            }
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
