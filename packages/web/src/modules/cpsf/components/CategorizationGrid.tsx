// The categorization of an element: six viewpoints × Lv1–3 (the example criteria discussed by a METI
// task force), the resulting measure level and why.
import { Alert, Badge, Button, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  VIEWPOINTS,
  type Categorization,
  type CategorizationRow,
  type ElementLevel,
  type ImpactLevel,
} from '../../../api/cpsf';
import { currentLanguage } from '../../../i18n';
import { LEVEL_COLOR, txt } from './meta';

const LEVELS: ImpactLevel[] = [1, 2, 3];

export function CategorizationGrid({
  value,
  rows,
  level,
  stale,
  readOnly,
  onChange,
}: {
  value: Categorization;
  rows: readonly CategorizationRow[];
  level: ElementLevel | null;
  /** The graph has unsaved changes: the level shown is the saved one. */
  stale: boolean;
  readOnly: boolean;
  onChange: (next: Categorization) => void;
}) {
  const { t } = useTranslation('cpsf');
  const lang = currentLanguage();
  const set = (viewpoint: (typeof VIEWPOINTS)[number], next: ImpactLevel | null) => {
    const copy: Categorization = { ...value };
    if (next === null) delete copy[viewpoint];
    else copy[viewpoint] = next;
    onChange(copy);
  };
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t('cpsf.categorization.source')}
      </Text>
      {level ? (
        <Alert
          color={LEVEL_COLOR[level.level]}
          variant="light"
          data-testid="cpsf-level"
          title={
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('cpsf.categorization.result')}
              </Text>
              <Badge color={LEVEL_COLOR[level.level]} variant="filled">
                {t(`cpsf.measureLevels.${level.level}`)}
              </Badge>
            </Group>
          }
        >
          <Text size="sm">{txt(level.explanation, lang)}</Text>
          {stale ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('cpsf.categorization.stale')}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {VIEWPOINTS.map((viewpoint) => {
        const row = rows.find((r) => r.viewpoint === viewpoint);
        const current = value[viewpoint] ?? null;
        const name = t(`cpsf.viewpoints.${viewpoint}`);
        return (
          <Radio.Group
            key={viewpoint}
            value={current === null ? '' : String(current)}
            onChange={(v) => set(viewpoint, v === '' ? null : (Number(v) as ImpactLevel))}
            label={
              <Group gap={6}>
                <Title order={4} size="sm">
                  {name}
                </Title>
                {row && txt(row.label, lang) !== name ? (
                  <Text size="xs" c="dimmed">
                    {txt(row.label, lang)}
                  </Text>
                ) : null}
              </Group>
            }
            aria-label={name}
            readOnly={readOnly}
          >
            <SimpleGrid cols={3} spacing={6} mt={4}>
              {LEVELS.map((lv) => (
                <Radio
                  key={lv}
                  value={String(lv)}
                  disabled={readOnly}
                  size="xs"
                  aria-label={`${name} ${t(`cpsf.impactLevels.${lv}`)}`}
                  label={
                    <Text size="xs" fw={600}>
                      {t(`cpsf.impactLevels.${lv}`)}
                    </Text>
                  }
                  description={row ? txt(row.levels[String(lv) as '1' | '2' | '3'], lang) : undefined}
                  styles={{ description: { fontSize: 11 } }}
                />
              ))}
            </SimpleGrid>
            {current !== null && !readOnly ? (
              <Button variant="subtle" size="compact-xs" mt={2} onClick={() => set(viewpoint, null)}>
                {t('cpsf.categorization.clear')}
              </Button>
            ) : null}
          </Radio.Group>
        );
      })}
    </Stack>
  );
}
