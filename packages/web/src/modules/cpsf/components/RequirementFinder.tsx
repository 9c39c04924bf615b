// "Where is requirement X unmet": pick a requirement, see the elements that need it and lack it.
import { Badge, Group, Loader, Paper, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cpsfApi, type AnalysisElement, type CpsfCatalog } from '../../../api/cpsf';
import { currentLanguage } from '../../../i18n';
import { notifyError } from '../../../lib/notify';
import { STATUS_COLOR } from './ElementRequirements';
import { txt } from './meta';

export function RequirementFinder({
  orgId,
  modelId,
  catalog,
  names,
  version,
  onOpen,
}: {
  orgId: string;
  modelId: string;
  catalog: CpsfCatalog | null;
  names: ReadonlyMap<string, string>;
  /** Changes whenever the analysis changes, to fetch again. */
  version: unknown;
  onOpen: (elementId: string) => void;
}) {
  const { t } = useTranslation('cpsf');
  const lang = currentLanguage();
  const [ref, setRef] = useState<string | null>(null);
  const [rows, setRows] = useState<AnalysisElement[] | null>(null);

  useEffect(() => {
    if (!ref) return undefined;
    const controller = new AbortController();
    setRows(null);
    cpsfApi.analysis(orgId, modelId, { requirement: ref }, controller.signal).then(
      (result) => setRows(result.elements),
      (error: unknown) => notifyError(error),
    );
    return () => controller.abort();
  }, [orgId, modelId, ref, version]);

  return (
    <Stack gap="sm">
      <Select
        label={t('cpsf.finder.pick')}
        data={(catalog?.requirements ?? []).map((r) => ({
          value: r.ref,
          label: `${r.ref} ${txt(r.title, lang)}`,
        }))}
        value={ref}
        onChange={setRef}
        searchable
        maw={560}
        comboboxProps={{ withinPortal: true }}
      />
      {ref && rows === null ? <Loader size="sm" /> : null}
      {rows && rows.length === 0 ? (
        <Text size="sm" c="teal.8">
          {t('cpsf.finder.none')}
        </Text>
      ) : null}
      {rows && rows.length > 0 ? (
        <Stack
          gap={4}
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('cpsf.finder.label')}
        >
          <Text size="sm" fw={600}>
            {t('cpsf.finder.count', { count: rows.length })}
          </Text>
          {rows.slice(0, 1000).map((row) => {
            const status = row.requirements.find((r) => r.ref === ref)?.status ?? null;
            return (
              <Paper key={row.elementId} withBorder p={6} component="li">
                <Group justify="space-between" wrap="nowrap">
                  <UnstyledButton onClick={() => onOpen(row.elementId)}>
                    <Text size="sm" c="indigo">
                      {names.get(row.elementId) ?? row.elementId} ({row.elementId})
                    </Text>
                  </UnstyledButton>
                  <Badge size="sm" variant="light" color={status ? STATUS_COLOR[status] : 'gray'}>
                    {status ? t(`cpsf.statuses.${status}`) : t('cpsf.requirements.unanswered')}
                  </Badge>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      ) : null}
    </Stack>
  );
}
