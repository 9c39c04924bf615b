import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { formatLevel } from '@shinrai/core/browser';
import {
  DIRECTIVE_REFS,
  type DirectiveRef,
  type GovernanceRadar,
  type GovernanceTargets,
} from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { tx } from '../../../lib/catalog';
import { formatDateTime } from '../../../lib/format';
import { isTargetLevel } from '../lib/governance';
import { notifyError, notifySuccess } from '../../../lib/notify';

type Draft = Record<DirectiveRef, number | string>;

const draftOf = (targets: GovernanceTargets): Draft =>
  Object.fromEntries(DIRECTIVE_REFS.map((r) => [r, targets.levels[r] ?? ''])) as Draft;

/** Target maturity (0–5, steps of 0.5) per directive; owners and admins edit it. */
export function TargetEditor({
  orgId,
  targets,
  radar,
  editable,
  onSaved,
}: {
  orgId: string;
  targets: GovernanceTargets;
  radar: GovernanceRadar;
  editable: boolean;
  onSaved: (targets: GovernanceTargets) => void;
}) {
  const { t } = useTranslation('governance');
  const lang = currentLanguage();
  const [draft, setDraft] = useState<Draft>(() => draftOf(targets));
  const [errors, setErrors] = useState<Partial<Record<DirectiveRef, string>>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => setDraft(draftOf(targets)), [targets]);

  const titles = new Map(radar.axes.map((a) => [a.ref, a]));
  const save = async () => {
    const found: Partial<Record<DirectiveRef, string>> = {};
    const body: Partial<Record<DirectiveRef, number | null>> = {};
    for (const ref of DIRECTIVE_REFS) {
      const v = draft[ref];
      if (v === '' || v === null) body[ref] = null;
      else if (typeof v === 'number' && isTargetLevel(v)) body[ref] = v;
      else found[ref] = t('governance.targets.invalid');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const result = await api.setGovernanceTargets(orgId, body);
      notifySuccess(t('governance.targets.saved'));
      onSaved(result.targets);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} data-testid="targets-editor">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('governance.targets.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('governance.targets.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          {DIRECTIVE_REFS.map((ref) => {
            const axis = titles.get(ref);
            return (
              <NumberInput
                key={ref}
                label={axis ? tx(axis.title, lang) : ref}
                description={
                  axis?.currentLevel !== null && axis?.currentLevel !== undefined
                    ? t('governance.targets.now', { level: formatLevel(axis.currentLevel) })
                    : t('governance.targets.noCurrent')
                }
                value={draft[ref]}
                onChange={(v) => {
                  setDraft((d) => ({ ...d, [ref]: v }));
                  setErrors((e) => ({ ...e, [ref]: undefined }));
                }}
                error={errors[ref]}
                min={0}
                max={5}
                step={0.5}
                decimalScale={1}
                allowNegative={false}
                placeholder={t('governance.targets.none')}
                readOnly={!editable}
                styles={{ label: { fontSize: 'var(--mantine-font-size-sm)' } }}
              />
            );
          })}
        </SimpleGrid>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {targets.updatedAt
              ? t('governance.targets.updatedAt', { at: formatDateTime(targets.updatedAt, lang) })
              : ''}
          </Text>
          {editable ? (
            <Button onClick={() => void save()} loading={busy}>
              {t('governance.targets.save')}
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              {t('governance.targets.reviewerOnly')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
