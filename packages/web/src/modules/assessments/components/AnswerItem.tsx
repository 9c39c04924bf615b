import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Collapse,
  Group,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { memo, useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, AnswerModel, AnswerValue, CatalogPack, Member, PackNode } from '../../../api/types';
import type { Evidence } from '../api';
import { ItemWork } from './ItemWork';
import { DateControl } from './DateControl';
import { currentLanguage } from '../../../i18n';
import { answerLabel, tx } from '../../../lib/catalog';
import { formatDateTime } from '../../../lib/format';
import { ChevronDownIcon, ChevronRightIcon } from '../../../components/icons';
import classes from './AnswerItem.module.css';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'conflict';

/** What the workspace knows of one answer: the local value, the revision last seen and the save state. */
export interface AnswerEntry {
  value: AnswerValue | null;
  comment: string | null;
  assigneeId: string | null;
  dueDate: string | null;
  revision: number;
  state: SaveState;
  error?: string;
  /** The newer answer the server kept (409 answer_conflict). */
  conflict?: Answer | null;
}

export const EMPTY_ENTRY: AnswerEntry = {
  value: null,
  comment: null,
  assigneeId: null,
  dueDate: null,
  revision: 0,
  state: 'idle',
};

/** What every item's assignee, due date and evidence editors share (one object for the whole list). */
export interface ItemWorkContext {
  orgId: string;
  assessmentId: string;
  members: readonly Member[];
  today: string;
}

const NO_EVIDENCE: readonly Evidence[] = [];

export interface AnswerItemHandlers {
  onAnswer: (ref: string, value: AnswerValue | null) => void;
  onComment: (ref: string, comment: string | null) => void;
  onResolve: (ref: string, keep: 'mine' | 'theirs') => void;
  onRetry: (ref: string) => void;
  onAssign: (ref: string, change: { assigneeId?: string | null; dueDate?: string | null }) => void;
  onEvidenceChanged: () => void;
  onKey: (event: KeyboardEvent<HTMLDivElement>, index: number) => void;
  register: (index: number, element: HTMLDivElement | null) => void;
}

const TEXT_DELAY = 800;

function ChoiceControl({
  model,
  value,
  disabled,
  label,
  onChange,
}: {
  model: Extract<AnswerModel, { kind: 'choice' }>;
  value: AnswerValue | null;
  disabled: boolean;
  label: string;
  onChange: (value: AnswerValue) => void;
}) {
  const lang = currentLanguage();
  return (
    <Radio.Group
      value={value?.kind === 'choice' ? value.value : null}
      onChange={(next) => onChange({ kind: 'choice', value: next })}
      aria-label={label}
    >
      <Group gap="sm" wrap="wrap">
        {model.options.map((o, i) => (
          <Radio
            key={o.value}
            value={o.value}
            disabled={disabled}
            label={
              <>
                <Text span size="xs" c="dimmed" visibleFrom="sm" mr={4} aria-hidden>
                  {i + 1}
                </Text>
                {tx(o.label, lang)}
              </>
            }
          />
        ))}
      </Group>
    </Radio.Group>
  );
}

function MaturityControl({
  model,
  value,
  disabled,
  label,
  onChange,
}: {
  model: Extract<AnswerModel, { kind: 'maturity' }>;
  value: AnswerValue | null;
  disabled: boolean;
  label: string;
  onChange: (value: AnswerValue) => void;
}) {
  const lang = currentLanguage();
  return (
    <Radio.Group
      value={value?.kind === 'maturity' ? String(value.level) : null}
      onChange={(next) => onChange({ kind: 'maturity', level: Number(next) })}
      aria-label={label}
    >
      <Stack gap={6}>
        {model.levels.map((l) => (
          <Radio
            key={l.level}
            value={String(l.level)}
            disabled={disabled}
            label={`${l.level} ${tx(l.label, lang)}`}
            description={l.descriptor ? tx(l.descriptor, lang) : undefined}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function MultipleControl({
  model,
  value,
  disabled,
  label,
  onChange,
}: {
  model: Extract<AnswerModel, { kind: 'multiple' }>;
  value: AnswerValue | null;
  disabled: boolean;
  label: string;
  onChange: (value: AnswerValue) => void;
}) {
  const lang = currentLanguage();
  return (
    <Checkbox.Group
      value={value?.kind === 'multiple' ? value.values : []}
      onChange={(next) =>
        onChange({
          kind: 'multiple',
          values: model.options.map((o) => o.value).filter((v) => next.includes(v)),
        })
      }
      aria-label={label}
    >
      <Stack gap={6}>
        {model.options.map((o) => (
          <Checkbox key={o.value} value={o.value} disabled={disabled} label={tx(o.label, lang)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function NumberControl({
  model,
  value,
  disabled,
  label,
  onChange,
}: {
  model: Extract<AnswerModel, { kind: 'number' }>;
  value: AnswerValue | null;
  disabled: boolean;
  label: string;
  onChange: (value: AnswerValue | null) => void;
}) {
  const { t } = useTranslation('assessments');
  const lang = currentLanguage();
  const saved = value?.kind === 'number' ? value.value : '';
  const [draft, setDraft] = useState<number | string>(saved);
  useEffect(() => setDraft(saved), [saved]);
  const commit = useDebouncedCallback(
    (next: number | string) => {
      if (next === '' || next === '-') onChange(null);
      else if (typeof next === 'number' && Number.isFinite(next)) onChange({ kind: 'number', value: next });
    },
    { delay: TEXT_DELAY, flushOnUnmount: true },
  );
  return (
    <NumberInput
      aria-label={label}
      placeholder={t('workspace.numberPlaceholder')}
      value={draft}
      min={model.min}
      max={model.max}
      clampBehavior="blur"
      disabled={disabled}
      onChange={(next) => {
        setDraft(next);
        commit(next);
      }}
      onBlur={() => commit.flush()}
      rightSection={model.unit ? <Text size="xs">{tx(model.unit, lang)}</Text> : undefined}
      rightSectionWidth={model.unit ? 56 : undefined}
      maw={260}
    />
  );
}

function TextControl({
  model,
  value,
  disabled,
  label,
  onChange,
}: {
  model: Extract<AnswerModel, { kind: 'text' }>;
  value: AnswerValue | null;
  disabled: boolean;
  label: string;
  onChange: (value: AnswerValue | null) => void;
}) {
  const { t } = useTranslation('assessments');
  const saved = value?.kind === 'text' ? value.value : '';
  const [draft, setDraft] = useState(saved);
  useEffect(() => setDraft(saved), [saved]);
  const commit = useDebouncedCallback(
    (next: string) => {
      onChange(next.trim() === '' ? null : { kind: 'text', value: next });
    },
    { delay: TEXT_DELAY, flushOnUnmount: true },
  );
  return (
    <Textarea
      aria-label={label}
      placeholder={t('workspace.textPlaceholder')}
      value={draft}
      autosize
      minRows={2}
      maxRows={10}
      maxLength={model.maxLength ?? 4000}
      disabled={disabled}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onBlur={() => commit.flush()}
    />
  );
}

function CommentField({
  comment,
  disabled,
  onChange,
}: {
  comment: string | null;
  disabled: boolean;
  onChange: (comment: string | null) => void;
}) {
  const { t } = useTranslation('assessments');
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(comment ?? '');
  useEffect(() => setDraft(comment ?? ''), [comment]);
  const commit = useDebouncedCallback(
    (next: string) => {
      onChange(next.trim() === '' ? null : next);
    },
    { delay: TEXT_DELAY, flushOnUnmount: true },
  );
  if (!open && !comment) {
    if (disabled) return null;
    return (
      <Button
        variant="subtle"
        size="compact-xs"
        onClick={() => setOpen(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('workspace.addComment')}
      </Button>
    );
  }
  return (
    <Textarea
      label={t('workspace.comment')}
      size="xs"
      value={draft}
      autosize
      minRows={1}
      maxRows={6}
      maxLength={4000}
      disabled={disabled}
      autoFocus={open && !comment}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onBlur={() => commit.flush()}
    />
  );
}

function SaveStatus({ entry, onRetry }: { entry: AnswerEntry; onRetry: () => void }) {
  const { t } = useTranslation('assessments');
  switch (entry.state) {
    case 'idle':
    case 'conflict':
      return null;
    case 'saving':
      return (
        <Text size="xs" c="dimmed">
          {t('workspace.saving')}
        </Text>
      );
    case 'saved':
      return (
        <Text size="xs" c="teal.7">
          ✓ {t('workspace.saved')}
        </Text>
      );
    case 'error':
      return (
        <Group gap={6}>
          <Text size="xs" c="red.7">
            {t('workspace.saveFailed')}
            {entry.error ? `: ${entry.error}` : ''}
          </Text>
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            {t('workspace.retry')}
          </Button>
        </Group>
      );
  }
}

/** One item of the answering workspace: question, explanation, next step, answer control and comment. */
export const AnswerItem = memo(function AnswerItem({
  pack,
  node,
  index,
  entry,
  editable,
  handlers,
  work,
  evidence = NO_EVIDENCE,
}: {
  pack: CatalogPack;
  node: PackNode;
  index: number;
  entry: AnswerEntry;
  editable: boolean;
  handlers: AnswerItemHandlers;
  work: ItemWorkContext;
  evidence?: readonly Evidence[] | undefined;
}) {
  const { t } = useTranslation('assessments');
  const lang = currentLanguage();
  const [guidanceOpen, setGuidanceOpen] = useState(false);
  const titleId = useId();
  const model = node.answerModel === undefined ? undefined : pack.answerModels[node.answerModel];
  const title = tx(node.title, lang);
  const label = t('workspace.itemLabel', { ref: node.ref, title });
  const answer = (value: AnswerValue | null) => handlers.onAnswer(node.ref, value);
  const tier = node.tier ? pack.tiers?.find((x) => x.id === node.tier) : undefined;

  let control = null;
  if (model) {
    const props = { value: entry.value, disabled: !editable, label, onChange: answer };
    switch (model.kind) {
      case 'choice':
        control = <ChoiceControl model={model} {...props} />;
        break;
      case 'maturity':
        control = <MaturityControl model={model} {...props} />;
        break;
      case 'multiple':
        control = <MultipleControl model={model} {...props} />;
        break;
      case 'number':
        control = <NumberControl model={model} {...props} />;
        break;
      case 'text':
        control = <TextControl model={model} {...props} />;
        break;
      case 'date':
        control = <DateControl model={model} {...props} />;
        break;
      case 'file':
        control = (
          <Text size="sm" c={entry.value?.kind === 'file' ? undefined : 'dimmed'}>
            {entry.value?.kind === 'file'
              ? t('workspace.fileAnswered', { count: entry.value.files })
              : t('workspace.fileHint')}
          </Text>
        );
        break;
    }
  }

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      className={classes.item}
      tabIndex={0}
      ref={(element: HTMLDivElement | null) => handlers.register(index, element)}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => handlers.onKey(event, index)}
      aria-label={label}
      role="group"
      data-item-ref={node.ref}
      data-answered={entry.value !== null || undefined}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
          <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
            <Badge variant="light" color="gray" tt="none" style={{ flexShrink: 0 }} mt={2}>
              {node.ref}
            </Badge>
            <Text id={titleId} fw={600} size="sm" style={{ minWidth: 0 }}>
              {title}
            </Text>
          </Group>
          {/* Provenance (official / own) and its notes belong to the catalog view, not to answering. */}
          {tier ? (
            <Badge
              size="xs"
              color="orange"
              variant="light"
              tt="none"
              visibleFrom="sm"
              style={{ flexShrink: 0 }}
            >
              {tx(tier.label, lang)}
            </Badge>
          ) : null}
        </Group>
        {node.description ? (
          <Text size="sm" c="dark.4" style={{ whiteSpace: 'pre-wrap' }}>
            {tx(node.description, lang)}
          </Text>
        ) : null}
        {node.guidance ? (
          <Box>
            <Button
              variant="subtle"
              color="teal"
              size="compact-sm"
              px={4}
              leftSection={guidanceOpen ? <ChevronDownIcon /> : <ChevronRightIcon />}
              onClick={() => setGuidanceOpen((o) => !o)}
              aria-expanded={guidanceOpen}
            >
              {t('workspace.guidance')}
            </Button>
            <Collapse expanded={guidanceOpen}>
              <Text
                size="sm"
                p="xs"
                bg="teal.0"
                style={{ whiteSpace: 'pre-wrap', borderRadius: 'var(--mantine-radius-sm)' }}
              >
                {tx(node.guidance, lang)}
              </Text>
            </Collapse>
          </Box>
        ) : null}
        {control}
        {entry.state === 'conflict' ? (
          <Alert color="orange" title={t('workspace.conflictTitle')} role="alert">
            <Stack gap="xs">
              <Text size="sm">
                {t('workspace.conflictBody', {
                  value: entry.conflict?.value
                    ? answerLabel(model, entry.conflict.value, lang)
                    : t('workspace.conflictEmpty'),
                  at: formatDateTime(entry.conflict?.updatedAt, lang),
                })}
              </Text>
              <Group gap="xs">
                <Button size="xs" onClick={() => handlers.onResolve(node.ref, 'mine')}>
                  {t('workspace.keepMine')}
                </Button>
                <Button size="xs" variant="default" onClick={() => handlers.onResolve(node.ref, 'theirs')}>
                  {t('workspace.takeTheirs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <Group justify="space-between" gap="xs" align="flex-start">
          <Box style={{ flex: '1 1 200px' }}>
            <CommentField
              comment={entry.comment}
              disabled={!editable}
              onChange={(comment) => handlers.onComment(node.ref, comment)}
            />
          </Box>
          <Group gap="xs">
            <SaveStatus entry={entry} onRetry={() => handlers.onRetry(node.ref)} />
            {editable &&
            entry.value !== null &&
            model &&
            model.kind !== 'text' &&
            model.kind !== 'number' &&
            model.kind !== 'date' &&
            model.kind !== 'file' ? (
              <Button variant="subtle" color="gray" size="compact-xs" onClick={() => answer(null)}>
                {t('workspace.clear')}
              </Button>
            ) : null}
          </Group>
        </Group>
        <ItemWork
          orgId={work.orgId}
          assessmentId={work.assessmentId}
          itemRef={node.ref}
          assigneeId={entry.assigneeId}
          dueDate={entry.dueDate}
          evidence={evidence}
          members={work.members}
          editable={editable}
          today={work.today}
          onAssign={handlers.onAssign}
          onEvidenceChanged={handlers.onEvidenceChanged}
        />
      </Stack>
    </Paper>
  );
});
