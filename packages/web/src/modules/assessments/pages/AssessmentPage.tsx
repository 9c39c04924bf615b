import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  Paper,
  Popover,
  Progress,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedCallback, useDocumentTitle } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { can } from '@shinrai/core/browser';
import { ApiError, api } from '../../../api/client';
import type {
  Answer,
  AnswerValue,
  Assessment,
  CatalogDetail,
  CatalogSummary,
  MappingSet,
  Member,
  PackNode,
  Score,
} from '../../../api/types';
import {
  AnswerItem,
  EMPTY_ENTRY,
  type AnswerEntry,
  type AnswerItemHandlers,
  type ItemWorkContext,
} from '../components/AnswerItem';
import { StatusActions } from '../components/StatusActions';
import { assessmentsApi, type Evidence } from '../api';
import { useSession } from '../../../session/SessionContext';
import { PrefillModal } from '../components/PrefillModal';
import { ResultsPanel } from '../components/ResultsPanel';
import { AssessmentStatusBadge } from '../components/AssessmentStatusBadge';
import { KeyboardIcon } from '../../../components/icons';
import { useOrg } from '../../../components/OrgContext';
import { currentLanguage } from '../../../i18n';
import { assessmentNodes, flattenNodes, modelOf, nodeKind, quickAnswer, tx } from '../../../lib/catalog';
import { formatDate, formatDateTime } from '../../../lib/format';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';

type Tab = 'answers' | 'results';

/** Who saved the most recent answer change (four-eyes review: they cannot approve). */
function lastEditorOf(answers: readonly Answer[]): string | null {
  let last: Answer | undefined;
  for (const a of answers) if (!last || a.updatedAt > last.updatedAt) last = a;
  return last?.updatedBy ?? null;
}

const isTyping = (element: HTMLElement) =>
  element.tagName === 'TEXTAREA' ||
  element.tagName === 'SELECT' ||
  element.isContentEditable ||
  (element.tagName === 'INPUT' && !['radio', 'checkbox'].includes((element as HTMLInputElement).type));

function KeyboardHelp() {
  const { t } = useTranslation('assessments');
  const row = (keys: ReactNode, text: string) => (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{keys}</Table.Td>
      <Table.Td>{text}</Table.Td>
    </Table.Tr>
  );
  return (
    <Popover width={320} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button variant="subtle" size="xs" leftSection={<KeyboardIcon />}>
          {t('workspace.keysButton')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('workspace.keysTitle')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('workspace.keysFocus')}
          </Text>
          <Table fz="xs" verticalSpacing={4}>
            <Table.Tbody>
              {row(
                <>
                  <Kbd size="xs">1</Kbd>–<Kbd size="xs">9</Kbd>
                </>,
                t('workspace.keysNumbers'),
              )}
              {row(
                <>
                  <Kbd size="xs">j</Kbd> / <Kbd size="xs">↓</Kbd>
                </>,
                t('workspace.keysNext'),
              )}
              {row(
                <>
                  <Kbd size="xs">k</Kbd> / <Kbd size="xs">↑</Kbd>
                </>,
                t('workspace.keysPrev'),
              )}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('workspace.keysNote')}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

export function AssessmentPage() {
  const { t } = useTranslation('assessments');
  const { orgId, role } = useOrg();
  const { assessmentId = '', '*': rest = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const lang = currentLanguage();
  const tab: Tab = rest.startsWith('results') ? 'results' : 'answers';

  const [assessment, setAssessment] = useState<Assessment | null | undefined>(undefined);
  const [score, setScore] = useState<Score | null>(null);
  const [catalog, setCatalog] = useState<CatalogDetail | null>(null);
  const [catalogs, setCatalogs] = useState<CatalogSummary[]>([]);
  const [mappings, setMappings] = useState<MappingSet[]>([]);
  const [entries, setEntries] = useState<Record<string, AnswerEntry>>({});
  const [evidence, setEvidence] = useState<Record<string, Evidence[]>>({});
  const [members, setMembers] = useState<Member[]>([]);
  const [fourEyes, setFourEyes] = useState(false);
  const [lastEditor, setLastEditor] = useState<string | null>(null);
  const { me } = useSession();
  const [prefillOpen, setPrefillOpen] = useState(false);
  const entriesRef = useRef<Record<string, AnswerEntry>>({});
  const inflight = useRef(new Set<string>());
  const again = useRef(new Set<string>());
  const itemElements = useRef<(HTMLDivElement | null)[]>([]);

  useDocumentTitle(assessment ? `${assessment.title} | ${t('app.name')}` : t('app.name'));

  const setAllEntries = (answers: Answer[]) => {
    const next: Record<string, AnswerEntry> = {};
    for (const a of answers)
      next[a.ref] = {
        value: a.value,
        comment: a.comment,
        assigneeId: a.assigneeId,
        dueDate: a.dueDate,
        revision: a.revision,
        state: 'idle',
      };
    entriesRef.current = next;
    setEntries(next);
    setLastEditor(lastEditorOf(answers));
  };

  const loadEvidence = useCallback(() => {
    assessmentsApi.evidence(orgId, assessmentId).then((response) => {
      const byRef: Record<string, Evidence[]> = {};
      for (const e of response.items) (byRef[e.ref] ??= []).push(e);
      setEvidence(byRef);
    }, notifyError);
  }, [orgId, assessmentId]);

  const patch = useCallback((ref: string, change: Partial<AnswerEntry>) => {
    const next = { ...entriesRef.current, [ref]: { ...(entriesRef.current[ref] ?? EMPTY_ENTRY), ...change } };
    entriesRef.current = next;
    setEntries(next);
  }, []);

  // Load the assessment, then its catalog; catalogs and mappings are for names and pre-fill.
  useEffect(() => {
    let active = true;
    setAssessment(undefined);
    (async () => {
      try {
        const detail = await api.assessment(orgId, assessmentId);
        if (!active) return;
        const cat = await api.catalog(orgId, detail.assessment.catalogId);
        if (!active) return;
        setCatalog(cat);
        setScore(detail.score);
        setAllEntries(detail.answers);
        setAssessment(detail.assessment);
      } catch (error) {
        if (!active) return;
        if (!(error instanceof ApiError && error.status === 404)) notifyError(error);
        setAssessment(null);
      }
    })().catch(() => undefined);
    api.catalogs(orgId).then(
      (response) => active && setCatalogs(response.items),
      () => undefined,
    );
    api.mappings(orgId).then(
      (response) => active && setMappings(response.items),
      () => undefined,
    );
    assessmentsApi.allMembers(orgId).then(
      (list) => active && setMembers(list),
      () => undefined,
    );
    assessmentsApi.settings(orgId).then(
      (response) => active && setFourEyes(response.settings.fourEyes),
      () => undefined,
    );
    loadEvidence();
    return () => {
      active = false;
    };
  }, [orgId, assessmentId, loadEvidence]);

  // After saves: fetch the score (and status) again, once things have settled.
  const refreshScore = useDebouncedCallback(() => {
    api.assessment(orgId, assessmentId).then(
      (detail) => {
        setScore(detail.score);
        setAssessment(detail.assessment);
        setLastEditor(lastEditorOf(detail.answers));
      },
      () => undefined,
    );
  }, 600);

  const reloadAll = async () => {
    const detail = await api.assessment(orgId, assessmentId);
    setScore(detail.score);
    setAllEntries(detail.answers);
    setAssessment(detail.assessment);
  };

  const save = useCallback(
    async (ref: string) => {
      if (inflight.current.has(ref)) {
        again.current.add(ref);
        return;
      }
      inflight.current.add(ref);
      patch(ref, { state: 'saving', error: undefined });
      try {
        for (;;) {
          again.current.delete(ref);
          const entry = entriesRef.current[ref] ?? EMPTY_ENTRY;
          const { answer } = await api.saveAnswer(orgId, assessmentId, ref, {
            value: entry.value,
            comment: entry.comment,
            assigneeId: entry.assigneeId,
            dueDate: entry.dueDate,
            revision: entry.revision,
          });
          patch(ref, { revision: answer.revision });
          if (!again.current.has(ref)) break;
        }
        patch(ref, { state: 'saved' });
        refreshScore();
      } catch (error) {
        again.current.delete(ref);
        if (error instanceof ApiError && error.code === 'answer_conflict') {
          const current = (error.details as { current?: Answer | null } | undefined)?.current ?? null;
          patch(ref, { state: 'conflict', conflict: current });
        } else {
          patch(ref, { state: 'error', error: errorMessage(error) });
          if (error instanceof ApiError && error.code === 'assessment_not_editable') refreshScore();
        }
      } finally {
        inflight.current.delete(ref);
      }
    },
    [orgId, assessmentId, patch, refreshScore],
  );

  const pack = catalog?.pack;
  const writer = can(role, 'assessments.write');
  const reviewer = can(role, 'assessments.review');
  const editable = writer && assessment?.status === 'draft';
  const nodes = useMemo(
    () => (pack && assessment ? assessmentNodes(pack, assessment.tier) : []),
    [pack, assessment?.tier],
  );
  const items = useMemo(() => flattenNodes(nodes).filter((f) => f.kind === 'item'), [nodes]);
  const indexOf = useMemo(() => new Map(items.map((f, i) => [f.ref, i])), [items]);

  const editableRef = useRef(editable);
  const itemsRef = useRef(items);
  useEffect(() => {
    editableRef.current = editable;
    itemsRef.current = items;
  });

  const focusItem = (index: number) => {
    const element = itemElements.current[index];
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  const handlers = useMemo<AnswerItemHandlers>(
    () => ({
      onAnswer: (ref, value) => {
        if (!editableRef.current) return;
        patch(ref, { value });
        void save(ref);
      },
      onComment: (ref, comment) => {
        if (!editableRef.current) return;
        patch(ref, { comment });
        void save(ref);
      },
      onResolve: (ref, keep) => {
        const entry = entriesRef.current[ref];
        const current = entry?.conflict ?? null;
        if (keep === 'mine') {
          patch(ref, { revision: current?.revision ?? 0, conflict: undefined, state: 'idle' });
          void save(ref);
        } else {
          patch(ref, {
            value: current?.value ?? null,
            comment: current?.comment ?? null,
            assigneeId: current?.assigneeId ?? null,
            dueDate: current?.dueDate ?? null,
            revision: current?.revision ?? 0,
            conflict: undefined,
            state: 'idle',
          });
          refreshScore();
        }
      },
      onRetry: (ref) => void save(ref),
      onAssign: (ref, change) => {
        if (!editableRef.current) return;
        patch(ref, change);
        void save(ref);
      },
      onEvidenceChanged: () => {
        loadEvidence();
        // A file question's answer follows its files (the server writes it): take those answers back.
        api.assessment(orgId, assessmentId).then((detail) => {
          setScore(detail.score);
          for (const a of detail.answers)
            if (a.value?.kind === 'file' || entriesRef.current[a.ref]?.value?.kind === 'file')
              patch(a.ref, { value: a.value, revision: a.revision });
        }, notifyError);
      },
      register: (index, element) => {
        itemElements.current[index] = element;
      },
      onKey: (event: KeyboardEvent<HTMLDivElement>, index: number) => {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const target = event.target as HTMLElement;
        const onCard = target === event.currentTarget;
        if (event.key === 'Escape' && !onCard) {
          event.currentTarget.focus();
          return;
        }
        if (isTyping(target)) return;
        if (event.key === 'j' || (onCard && event.key === 'ArrowDown')) {
          event.preventDefault();
          focusItem(Math.min(index + 1, itemsRef.current.length - 1));
          return;
        }
        if (event.key === 'k' || (onCard && event.key === 'ArrowUp')) {
          event.preventDefault();
          focusItem(Math.max(index - 1, 0));
          return;
        }
        const item = itemsRef.current[index];
        if (!item || !pack || !editableRef.current || !/^[0-9]$/.test(event.key)) return;
        const model = modelOf(pack, item.node);
        if (!model) return;
        const value = quickAnswer(model, event.key, entriesRef.current[item.ref]?.value ?? null);
        if (value === undefined) return;
        event.preventDefault();
        patch(item.ref, { value });
        void save(item.ref);
      },
    }),
    [patch, save, refreshScore, pack, loadEvidence, orgId, assessmentId],
  );

  const today = new Date().toISOString().slice(0, 10);
  const work = useMemo<ItemWorkContext>(
    () => ({ orgId, assessmentId, members, today }),
    [orgId, assessmentId, members, today],
  );

  // "Go to the item" from the results: /assessments/:id with state { focus: ref }.
  const focusRef = (location.state as { focus?: string } | null)?.focus;
  useEffect(() => {
    if (tab !== 'answers' || !focusRef || assessment === undefined) return;
    const index = indexOf.get(focusRef);
    if (index === undefined) return;
    requestAnimationFrame(() => {
      const element = itemElements.current[index];
      element?.focus({ preventScroll: true });
      element?.scrollIntoView({ block: 'center' });
    });
  }, [tab, focusRef, assessment, indexOf]);

  const answersMap = useMemo(
    () => new Map<string, AnswerValue | null>(Object.entries(entries).map(([ref, e]) => [ref, e.value])),
    [entries],
  );

  if (assessment === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (assessment === null || !pack || !catalog || !score) {
    return (
      <Alert color="yellow" title={t('workspace.notFound')}>
        <Button component={Link} to={`/orgs/${orgId}/assessments`} variant="light" mt="sm">
          {t('workspace.backToList')}
        </Button>
      </Alert>
    );
  }

  const prefillSets = mappings.filter((m) => m.target === pack.id);
  const answered = score.overall.answered;
  const total = score.overall.items;
  const tier = assessment.tier ? pack.tiers?.find((x) => x.id === assessment.tier) : undefined;
  const base = `/orgs/${orgId}/assessments/${assessment.id}`;

  const renderNodes = (list: readonly PackNode[], depth: number): ReactNode =>
    list.map((node) => {
      const kind = nodeKind(node);
      if (kind === 'item') {
        const index = indexOf.get(node.ref) ?? 0;
        return (
          <AnswerItem
            key={node.ref}
            pack={pack}
            node={node}
            index={index}
            entry={entries[node.ref] ?? EMPTY_ENTRY}
            editable={editable}
            handlers={handlers}
            work={work}
            evidence={evidence[node.ref]}
          />
        );
      }
      if (kind === 'info') {
        return (
          <Paper key={node.ref} p="sm" bg="gray.1" radius="md">
            {/* The title carries the official numbering; the ref is an internal id (e.g. "principle-1"). */}
            <Text size="sm" fw={600}>
              {tx(node.title, lang)}
            </Text>
            {node.description ? (
              <Text size="sm" c="dimmed">
                {tx(node.description, lang)}
              </Text>
            ) : null}
          </Paper>
        );
      }
      const agg = score.groups[node.ref];
      return (
        <Stack
          key={node.ref}
          gap="sm"
          component="section"
          aria-label={tx(node.title, lang)}
          mt={depth === 0 ? 'md' : 'xs'}
        >
          <Box>
            <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-end">
              <Title order={Math.min(depth + 2, 6) as 2 | 3 | 4 | 5 | 6} size={depth === 0 ? 'h3' : 'h5'}>
                {tx(node.title, lang)}
              </Title>
              {agg ? (
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {agg.answered}/{agg.items}
                </Text>
              ) : null}
            </Group>
            {node.description ? (
              <Text size="sm" c="dimmed">
                {tx(node.description, lang)}
              </Text>
            ) : null}
          </Box>
          {renderNodes(node.children ?? [], depth + 1)}
        </Stack>
      );
    });

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/orgs/${orgId}/assessments`} size="sm">
        ← {t('workspace.backToList')}
      </Anchor>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={4} style={{ minWidth: 0, flex: '1 1 300px' }}>
              <Group gap="xs" align="center">
                <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
                  {assessment.title}
                </Title>
                <AssessmentStatusBadge status={assessment.status} />
              </Group>
              <Text size="sm" c="dimmed">
                <Anchor component={Link} to={`/orgs/${orgId}/catalogs/${catalog.catalog.id}`} size="sm">
                  {tx(catalog.catalog.title, lang)}
                </Anchor>
                {t('common.note', { note: catalog.catalog.version })}
                {tier ? ` · ${tx(tier.label, lang)}` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`assessments.scopeTypes.${assessment.scope.type}`)}
                {assessment.scope.label ? `: ${assessment.scope.label}` : ''}
                {assessment.dueDate
                  ? ` · ${t('assessments.dueDate')}: ${formatDate(assessment.dueDate, lang)}`
                  : ''}
                {assessment.statusAt
                  ? ` · ${t('workspace.statusBy', { at: formatDateTime(assessment.statusAt, lang) })}`
                  : ''}
              </Text>
            </Stack>
            <StatusActions
              orgId={orgId}
              assessment={assessment}
              writer={writer}
              reviewer={reviewer}
              fourEyes={fourEyes}
              meId={me?.user.id ?? null}
              lastEditor={lastEditor}
              answered={answered}
              total={total}
              onMoved={setAssessment}
            />
          </Group>
          <Stack gap={4}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={500} data-testid="progress-text">
                {t('workspace.progress', { answered, items: total })}
              </Text>
              <Text size="sm" c="dimmed">
                {total > 0 ? Math.round((answered / total) * 100) : 0}%
              </Text>
            </Group>
            <Progress
              value={total > 0 ? (answered / total) * 100 : 0}
              size="md"
              color={answered === total && total > 0 ? 'teal' : 'indigo'}
              aria-label={t('workspace.progressLabel')}
            />
          </Stack>
        </Stack>
      </Paper>

      <Tabs
        value={tab}
        onChange={(value) => void navigate(value === 'results' ? `${base}/results` : base)}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="answers">{t('workspace.answersTab')}</Tabs.Tab>
          <Tabs.Tab value="results">{t('workspace.resultsTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="answers" pt="md">
          <Stack gap="sm">
            {!writer ? (
              <Alert color="gray">{t('workspace.readOnlyRole')}</Alert>
            ) : assessment.status !== 'draft' ? (
              <Alert color="yellow">
                {t('workspace.readOnlyStatus', { status: t(`assessments.statuses.${assessment.status}`) })}
              </Alert>
            ) : null}
            <Group justify="space-between" gap="xs">
              {editable && prefillSets.length > 0 ? (
                <Button variant="light" size="xs" onClick={() => setPrefillOpen(true)}>
                  {t('prefill.button')}
                </Button>
              ) : (
                <span />
              )}
              <KeyboardHelp />
            </Group>
            {items.length === 0 ? <Text c="dimmed">{t('workspace.empty')}</Text> : null}
            <Stack gap="sm">{renderNodes(nodes, 0)}</Stack>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          {tab === 'results' ? (
            <ResultsPanel
              orgId={orgId}
              assessment={assessment}
              pack={pack}
              nodes={nodes}
              score={score}
              answers={answersMap}
              onGoToItem={(ref) => void navigate(base, { state: { focus: ref } })}
            />
          ) : null}
        </Tabs.Panel>
      </Tabs>
      {prefillSets.length > 0 ? (
        <PrefillModal
          opened={prefillOpen}
          onClose={() => setPrefillOpen(false)}
          orgId={orgId}
          assessment={assessment}
          pack={pack}
          sets={prefillSets}
          catalogs={catalogs}
          onApplied={(count) => {
            setPrefillOpen(false);
            notifySuccess(t('prefill.applied', { count }));
            reloadAll().catch(notifyError);
          }}
        />
      ) : null}
    </Stack>
  );
}
