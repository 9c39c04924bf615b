// The model checks (each explains itself); a click selects the element in the editor.
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ModelCheck } from '../../../api/cpsf';
import { currentLanguage } from '../../../i18n';
import { txt } from './meta';

const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

export function ChecksList({
  checks,
  names,
  onSelect,
}: {
  checks: readonly ModelCheck[];
  names: ReadonlyMap<string, string>;
  onSelect: (elementId: string) => void;
}) {
  const { t } = useTranslation('cpsf');
  const lang = currentLanguage();
  if (checks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('cpsf.checks.none')}
      </Text>
    );
  const shown = checks.slice(0, 500);
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('cpsf.checks.label')}
    >
      {shown.map((check, i) => (
        <Paper key={`${check.code}-${i}`} withBorder p="xs" component="li">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge color={SEVERITY_COLOR[check.severity]} size="sm" style={{ flexShrink: 0 }}>
              {t(`cpsf.checks.severity.${check.severity}`)}
            </Badge>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm">{txt(check.message, lang)}</Text>
              <Group gap={6}>
                {check.elementIds.map((id) => (
                  <UnstyledButton key={id} onClick={() => onSelect(id)} data-testid="cpsf-check-element">
                    <Text size="xs" c="indigo" td="underline">
                      {names.get(id) ?? id} ({id})
                    </Text>
                  </UnstyledButton>
                ))}
                <Text size="xs" c="dimmed" ff="monospace">
                  {check.code}
                </Text>
              </Group>
            </Stack>
          </Group>
        </Paper>
      ))}
      {checks.length > shown.length ? (
        <Text size="xs" c="dimmed">
          {t('cpsf.checks.more', { count: checks.length - shown.length })}
        </Text>
      ) : null}
    </Stack>
  );
}
