// The model being edited: the graph held locally, saved automatically and whole (PUT …/graph with the
// revision) a moment after the last change, at once when the page is hidden or left inside the app; the
// state says so (保存中… / 保存済み HH:MM), and closing the tab before a save finished asks first. A stale
// revision (409) stops saving until the user reloads.
import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client';
import { cpsfApi, type Analysis, type Graph, type ModelDetail } from '../../../api/cpsf';
import { notifyError } from '../../../lib/notify';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

const AUTOSAVE_MS = 1200;

export interface CpsfModelState {
  model: ModelDetail | null | undefined;
  graph: Graph;
  saveState: SaveState;
  /** When this page last saved the model (null before its first save). */
  savedAt: Date | null;
  /** The last save error (validation problems with JSON pointers go to a ProblemTable). */
  saveError: unknown;
  analysis: Analysis | null;
  update: (change: (graph: Graph) => Graph) => void;
  save: () => Promise<void>;
  reload: () => Promise<void>;
  refreshAnalysis: () => void;
  setModel: (model: ModelDetail) => void;
}

const EMPTY: Graph = { elements: [], edges: [] };

export function useCpsfModel(orgId: string, modelId: string): CpsfModelState {
  const [model, setModelState] = useState<ModelDetail | null | undefined>(undefined);
  const [graph, setGraph] = useState<Graph>(EMPTY);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const graphRef = useRef<Graph>(EMPTY);
  const revision = useRef(0);
  const saving = useRef(false);
  const again = useRef(false);
  const conflict = useRef(false);
  const analysisAbort = useRef<AbortController | null>(null);

  const loadAnalysis = useCallback(() => {
    analysisAbort.current?.abort();
    const controller = new AbortController();
    analysisAbort.current = controller;
    cpsfApi.analysis(orgId, modelId, {}, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setAnalysis(result);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) notifyError(error);
      },
    );
  }, [orgId, modelId]);
  const refreshAnalysis = useDebouncedCallback(loadAnalysis, 300);

  const setModel = useCallback((next: ModelDetail) => {
    revision.current = next.revision;
    graphRef.current = { elements: next.elements, edges: next.edges };
    conflict.current = false;
    setGraph(graphRef.current);
    setModelState(next);
    setSaveState('saved');
    setSaveError(null);
  }, []);

  const reload = useCallback(async () => {
    try {
      const { model: next } = await cpsfApi.model(orgId, modelId);
      setModel(next);
      loadAnalysis();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setModelState(null);
      else notifyError(error);
    }
  }, [orgId, modelId, setModel, loadAnalysis]);

  useEffect(() => {
    setModelState(undefined);
    void reload();
    return () => analysisAbort.current?.abort();
  }, [reload]);

  const save = useCallback(async () => {
    if (conflict.current) return;
    if (saving.current) {
      again.current = true;
      return;
    }
    saving.current = true;
    setSaveState('saving');
    try {
      for (;;) {
        again.current = false;
        const sent = graphRef.current;
        const { model: saved } = await cpsfApi.saveGraph(orgId, modelId, revision.current, sent);
        revision.current = saved.revision;
        setModelState((m) => (m ? { ...m, ...saved, elements: m.elements, edges: m.edges } : saved));
        if (graphRef.current === sent && !again.current) break;
      }
      setSaveState('saved');
      setSavedAt(new Date());
      setSaveError(null);
      refreshAnalysis();
    } catch (error) {
      setSaveError(error);
      if (error instanceof ApiError && error.status === 409) {
        conflict.current = true;
        setSaveState('conflict');
      } else setSaveState('error');
    } finally {
      saving.current = false;
    }
  }, [orgId, modelId, refreshAnalysis]);

  // Leaving the page with unsaved changes saves them right away.
  const autosave = useDebouncedCallback(() => void save(), { delay: AUTOSAVE_MS, flushOnUnmount: true });

  // Hiding the page (switching apps on a phone, closing the tab) saves at once; closing it while a change
  // is not yet saved asks the browser's "leave this page?" question.
  const unsaved = saveState !== 'saved';
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden') autosave.flush();
    };
    const warn = (event: BeforeUnloadEvent) => {
      autosave.flush();
      event.preventDefault();
      event.returnValue = '';
    };
    document.addEventListener('visibilitychange', flush);
    if (unsaved) window.addEventListener('beforeunload', warn);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('beforeunload', warn);
    };
  }, [unsaved, autosave]);

  const update = useCallback(
    (change: (graph: Graph) => Graph) => {
      const next = change(graphRef.current);
      if (next === graphRef.current) return;
      graphRef.current = next;
      setGraph(next);
      if (conflict.current) return;
      setSaveState('dirty');
      autosave();
    },
    [autosave],
  );

  return {
    model,
    graph,
    saveState,
    savedAt,
    saveError,
    analysis,
    update,
    save,
    reload,
    refreshAnalysis,
    setModel,
  };
}
