import { Alert, Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type {
  Assessment,
  CatalogPack,
  CatalogSummary,
  MappingSet,
  PrefillProposal,
} from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { answerLabel, flattenNodes, modelOf, tx } from '../../../lib/catalog';
import { formatDateTime } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { DataTable, type Column } from '../../../components/DataTable';

/**
 * Pre-fill through a mapping set: choose a source assessment of the mapping's source catalog, preview
 * the proposals (never for items already answered), then apply them.
 */
export function PrefillModal({
  opened,
  onClose,
  orgId,
  assessment,
  pack,
  sets,
  catalogs,
  onApplied,
}: {
  opened: boolean;
  onClose: () => void;
  orgId: string;
  assessment: Assessment;
  pack: CatalogPack;
  sets: MappingSet[];
  catalogs: CatalogSummary[];
  onApplied: (count: number) => void;
}) {
  const { t } = useTranslation('assessments');
  const lang = currentLanguage();
  const [setId, setSetId] = useState<string | null>(null);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<Assessment[]>([]);
  const [sourcePack, setSourcePack] = useState<CatalogPack | null>(null);
  const [proposals, setProposals] = useState<PrefillProposal[] | null>(null);
  const [busy, setBusy] = useState(false);

  const set = sets.find((s) => s.id === setId) ?? sets[0];

  // Starts afresh each time the dialog opens. Keyed by the first set's id, not the array: the page passes
  // a new array on every render (e.g. when its members or evidence load), which must not wipe a choice.
  const firstSetId = sets[0]?.id ?? null;
  useEffect(() => {
    if (!opened) return;
    setSetId(firstSetId);
    setSourceId(null);
    setProposals(null);
    api.assessments(orgId, null, 200).then(
      (page) => setCandidates(page.items),
      (error: unknown) => notifyError(error),
    );
  }, [opened, orgId, firstSetId]);

  const sources = useMemo(
    () =>
      set
        ? candidates.filter(
            (a) => a.id !== assessment.id && catalogs.find((c) => c.id === a.catalogId)?.urn === set.source,
          )
        : [],
    [candidates, catalogs, set, assessment.id],
  );
  const sourceCatalog = catalogs.find((c) => c.urn === set?.source);
  const source = sources.find((a) => a.id === sourceId);

  useEffect(() => {
    setProposals(null);
    setSourcePack(null);
    if (!source) return undefined;
    let active = true;
    api.catalog(orgId, source.catalogId).then(
      (detail) => {
        if (active) setSourcePack(detail.pack);
      },
      (error: unknown) => notifyError(error),
    );
    return () => {
      active = false;
    };
  }, [orgId, source]);

  const targetNodes = useMemo(() => new Map(flattenNodes(pack.nodes).map((f) => [f.ref, f.node])), [pack]);
  const sourceNodes = useMemo(
    () => new Map(flattenNodes(sourcePack?.nodes ?? []).map((f) => [f.ref, f.node])),
    [sourcePack],
  );

  const run = async (apply: boolean) => {
    if (!set || !sourceId) return;
    setBusy(true);
    try {
      const result = await api.prefill(orgId, assessment.id, {
        sourceAssessmentId: sourceId,
        mappingSetId: set.id,
        apply,
      });
      if (apply) onApplied(result.applied);
      else setProposals(result.proposals);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const itemText = (ref: string, node: { title: { ja: string; en: string } } | undefined) => (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Badge size="sm" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
        {ref}
      </Badge>
      <Text size="sm">{node ? tx(node.title, lang) : ''}</Text>
    </Group>
  );

  const columns: Column<PrefillProposal>[] = [
    {
      key: 'target',
      header: t('prefill.target'),
      primary: true,
      render: (p) => itemText(p.target, targetNodes.get(p.target)),
    },
    {
      key: 'value',
      header: t('prefill.proposed'),
      render: (p) => {
        const node = targetNodes.get(p.target);
        return (
          <Text size="sm" fw={600} c="indigo.8">
            {answerLabel(node ? modelOf(pack, node) : undefined, p.value, lang)}
          </Text>
        );
      },
    },
    { key: 'from', header: t('prefill.from'), render: (p) => itemText(p.from, sourceNodes.get(p.from)) },
    {
      key: 'relation',
      header: t('prefill.relation'),
      render: (p) => <Text size="sm">{t(`prefill.relations.${p.relation}`)}</Text>,
    },
    {
      key: 'rationale',
      header: t('prefill.rationale'),
      render: (p) => {
        const entry = set?.entries.find((e) => e.source === p.from && e.target === p.target);
        return (
          <Text size="xs" c="dimmed">
            {entry?.rationale ? tx(entry.rationale, lang) : ''}
          </Text>
        );
      },
    },
  ];

  return (
    <Modal opened={opened} onClose={onClose} title={t('prefill.title')} size="xl">
      <Stack gap="sm">
        <Alert color="indigo" variant="light">
          {t('prefill.intro')}
        </Alert>
        {sets.length > 1 ? (
          <Select
            label={t('prefill.mapping')}
            data={sets.map((s) => ({ value: s.id, label: tx(s.title, lang) }))}
            value={set?.id ?? null}
            onChange={(value) => {
              setSetId(value);
              setSourceId(null);
            }}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : set ? (
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('prefill.mapping')}:{' '}
            </Text>
            {tx(set.title, lang)}
          </Text>
        ) : null}
        {sources.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('prefill.noSource', {
              catalog: sourceCatalog ? tx(sourceCatalog.title, lang) : (set?.source ?? ''),
            })}
          </Text>
        ) : (
          <Select
            label={t('prefill.source')}
            data={sources.map((a) => ({
              value: a.id,
              label: t('common.withNote', {
                text: a.title,
                note: `${t(`assessments.statuses.${a.status}`)} · ${formatDateTime(a.updatedAt, lang)}`,
              }),
            }))}
            value={sourceId}
            onChange={setSourceId}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => void run(false)}
            disabled={!sourceId}
            loading={busy && !proposals}
          >
            {t('prefill.preview')}
          </Button>
        </Group>
        {proposals ? (
          proposals.length === 0 ? (
            <Text size="sm" c="dimmed" role="status">
              {t('prefill.none')}
            </Text>
          ) : (
            <Stack gap="sm">
              <DataTable
                label={t('prefill.title')}
                columns={columns}
                rows={proposals}
                rowKey={(p) => p.target}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={() => void run(true)} loading={busy}>
                  {t('prefill.apply')}
                </Button>
              </Group>
            </Stack>
          )
        ) : null}
      </Stack>
    </Modal>
  );
}
