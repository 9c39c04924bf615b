// The gap list (open requirements, per element) with the remediation plan of each: owner, due
// date, cost estimate in yen and who accepted the residual risk. Virtualized: a large model has thousands.
import {
  Badge,
  Box,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cpsfApi, type AnalysisElement, type CpsfCatalog, type PlanInput } from '../../../api/cpsf';
import { DateField } from '../../../components/DateField';
import { currentLanguage } from '../../../i18n';
import { formatDate, todayInTokyo } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { STATUS_COLOR } from './ElementRequirements';
import { GAP_PLAN_FILTERS, GAP_SORTS, GAP_STATUS_FILTERS, queryGaps, type GapQuery } from './gaps';
import { formatYen, gapRows, type GapRow } from './graph';
import { txt } from './meta';

const ROW_H = 64;

export function GapPlan({
  orgId,
  modelId,
  elements,
  names,
  catalog,
  readOnly,
  onChanged,
  onOpen,
}: {
  orgId: string;
  modelId: string;
  elements: readonly AnalysisElement[];
  names: ReadonlyMap<string, string>;
  catalog: CpsfCatalog | null;
  readOnly: boolean;
  onChanged: () => void;
  onOpen: (elementId: string) => void;
}) {
  const { t } = useTranslation('cpsf');
  const lang = currentLanguage();
  const all = useMemo(() => gapRows(elements), [elements]);
  const [query, setQuery] = useState<GapQuery>({ text: '', status: 'all', plan: 'all', sort: 'due' });
  const title = (ref: string) => txt(catalog?.requirements.find((r) => r.ref === ref)?.title, lang) || ref;
  const rows = useMemo(
    () => queryGaps(all, query, { element: (id) => names.get(id) ?? id, requirement: title }, todayInTokyo()),
    // title() reads catalog and lang
    [all, query, names, catalog, lang],
  );
  const total = useMemo(
    () => rows.reduce((sum, r) => sum + (r.requirement.plan?.costEstimate ?? 0), 0),
    [rows],
  );
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_H,
    overscan: 6,
  });
  const [editing, setEditing] = useState<GapRow | null>(null);
  const [form, setForm] = useState<PlanInput>({
    owner: null,
    dueDate: null,
    costEstimate: null,
    residualAcceptedBy: null,
    note: null,
  });
  const [busy, setBusy] = useState(false);

  const open = (row: GapRow) => {
    const p = row.requirement.plan;
    setForm({
      owner: p?.owner ?? null,
      dueDate: p?.dueDate ?? null,
      costEstimate: p?.costEstimate ?? null,
      residualAcceptedBy: p?.residualAcceptedBy ?? null,
      note: p?.note ?? null,
    });
    setEditing(row);
  };

  const save = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      await cpsfApi.setPlan(orgId, modelId, editing.elementId, editing.requirement.ref, form);
      setEditing(null);
      onChanged();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (all.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('cpsf.gaps.none')}
      </Text>
    );

  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={t('cpsf.gaps.filter')}
          placeholder={t('cpsf.gaps.filterHint')}
          value={query.text}
          onChange={(e) => setQuery({ ...query, text: e.currentTarget.value })}
          style={{ flex: '1 1 200px' }}
        />
        <NativeSelect
          label={t('cpsf.gaps.statusFilter')}
          data={GAP_STATUS_FILTERS.map((v) => ({ value: v, label: t(`cpsf.gaps.statusFilters.${v}`) }))}
          value={query.status}
          onChange={(e) => {
            const v = GAP_STATUS_FILTERS.find((x) => x === e.currentTarget.value);
            if (v) setQuery({ ...query, status: v });
          }}
        />
        <NativeSelect
          label={t('cpsf.gaps.planFilter')}
          data={GAP_PLAN_FILTERS.map((v) => ({ value: v, label: t(`cpsf.gaps.planFilters.${v}`) }))}
          value={query.plan}
          onChange={(e) => {
            const v = GAP_PLAN_FILTERS.find((x) => x === e.currentTarget.value);
            if (v) setQuery({ ...query, plan: v });
          }}
        />
        <NativeSelect
          label={t('cpsf.gaps.sort')}
          data={GAP_SORTS.map((v) => ({ value: v, label: t(`cpsf.gaps.sorts.${v}`) }))}
          value={query.sort}
          onChange={(e) => {
            const v = GAP_SORTS.find((x) => x === e.currentTarget.value);
            if (v) setQuery({ ...query, sort: v });
          }}
        />
      </Group>
      <Group gap="md">
        <Text size="sm" fw={600} data-testid="cpsf-gap-count">
          {rows.length === all.length
            ? t('cpsf.gaps.count', { count: rows.length })
            : t('cpsf.gaps.countOf', { count: rows.length, total: all.length })}
        </Text>
        <Text size="sm">{t('cpsf.gaps.totalCost', { amount: formatYen(total, lang) })}</Text>
      </Group>
      <Box
        ref={parent}
        role="list"
        aria-label={t('cpsf.gaps.label')}
        style={{
          height: 'min(65vh, 640px)',
          overflow: 'auto',
          border: '1px solid var(--mantine-color-gray-3)',
          background: 'white',
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const r = row.requirement;
            const plan = r.plan;
            return (
              <Group
                key={row.key}
                role="listitem"
                data-testid="cpsf-gap"
                wrap="nowrap"
                gap="xs"
                px="xs"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_H,
                  transform: `translateY(${item.start}px)`,
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                }}
              >
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Group gap={4} wrap="nowrap">
                    <Badge
                      size="xs"
                      color={r.status ? STATUS_COLOR[r.status] : 'gray'}
                      variant="light"
                      style={{ flexShrink: 0 }}
                    >
                      {r.status ? t(`cpsf.statuses.${r.status}`) : t('cpsf.requirements.unanswered')}
                    </Badge>
                    <Text size="sm" truncate="end">
                      {r.ref} {title(r.ref)}
                    </Text>
                  </Group>
                  <Text
                    size="xs"
                    c="indigo"
                    truncate="end"
                    style={{ cursor: 'pointer' }}
                    onClick={() => onOpen(row.elementId)}
                  >
                    {names.get(row.elementId) ?? row.elementId} ({row.elementId})
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end">
                    {plan
                      ? [
                          plan.owner,
                          plan.dueDate ? formatDate(plan.dueDate, lang) : null,
                          plan.costEstimate !== null ? formatYen(plan.costEstimate, lang) : null,
                          plan.residualAcceptedBy
                            ? t('cpsf.gaps.acceptedBy', { name: plan.residualAcceptedBy })
                            : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      : t('cpsf.gaps.noPlan')}
                  </Text>
                </Stack>
                {!readOnly ? (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => open(row)}
                    style={{ flexShrink: 0 }}
                  >
                    {t('cpsf.gaps.plan')}
                  </Button>
                ) : null}
              </Group>
            );
          })}
        </div>
      </Box>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('cpsf.gaps.planTitle')}>
        {editing ? (
          <Stack gap="sm">
            <Text size="sm">
              {editing.requirement.ref} {title(editing.requirement.ref)} —{' '}
              {names.get(editing.elementId) ?? editing.elementId}
            </Text>
            <TextInput
              label={t('cpsf.gaps.owner')}
              value={form.owner ?? ''}
              onChange={(e) => setForm({ ...form, owner: e.currentTarget.value || null })}
            />
            <DateField
              label={t('cpsf.gaps.dueDate')}
              value={form.dueDate ?? ''}
              onChange={(e) => setForm({ ...form, dueDate: e.currentTarget.value || null })}
            />
            <NumberInput
              label={t('cpsf.gaps.cost')}
              value={form.costEstimate ?? ''}
              onChange={(v) => setForm({ ...form, costEstimate: typeof v === 'number' ? v : null })}
              min={0}
              step={10000}
              thousandSeparator=","
              suffix={lang === 'ja' ? ' 円' : undefined}
              prefix={lang === 'en' ? '¥' : undefined}
              allowDecimal={false}
            />
            <TextInput
              label={t('cpsf.gaps.residual')}
              description={t('cpsf.gaps.residualHint')}
              value={form.residualAcceptedBy ?? ''}
              onChange={(e) => setForm({ ...form, residualAcceptedBy: e.currentTarget.value || null })}
            />
            <Textarea
              label={t('cpsf.gaps.note')}
              value={form.note ?? ''}
              onChange={(e) => setForm({ ...form, note: e.currentTarget.value || null })}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void save()} loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
