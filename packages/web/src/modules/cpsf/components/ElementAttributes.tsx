// Attributes of one element (name, layer, component, owner, location, …) edited in place; every change
// goes into the graph and is saved with it.
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  COMPONENTS,
  CRITICALITIES,
  DATA_CLASSES,
  LAYERS,
  THING_KINDS,
  type Element,
  type Graph,
} from '../../../api/cpsf';
import { DateField } from '../../../components/DateField';

export function ElementAttributes({
  element,
  graph,
  readOnly,
  onChange,
  onDelete,
}: {
  element: Element;
  graph: Graph;
  readOnly: boolean;
  onChange: (patch: Partial<Element>) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('cpsf');
  const text = (key: 'owner' | 'location' | 'vendor' | 'version') => (
    <TextInput
      label={t(`cpsf.attributes.${key}`)}
      value={element[key] ?? ''}
      onChange={(event) => onChange({ [key]: event.currentTarget.value || null })}
      readOnly={readOnly}
      size="xs"
    />
  );
  const organizations = graph.elements.filter((e) => e.component === 'organization' && e.id !== element.id);
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('cpsf.attributes.id')}: {element.id}
      </Text>
      <TextInput
        label={t('cpsf.attributes.name')}
        value={element.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
        readOnly={readOnly}
        required
        error={element.name.trim() === '' ? t('validation.required') : undefined}
        size="xs"
      />
      <SimpleGrid cols={2} spacing="xs">
        <Select
          label={t('cpsf.attributes.component')}
          data={COMPONENTS.map((c) => ({ value: c, label: t(`cpsf.components.${c}`) }))}
          value={element.component}
          onChange={(value) => {
            const component = COMPONENTS.find((c) => c === value);
            if (component)
              onChange({
                component,
                thingKind: component === 'thing' ? (element.thingKind ?? 'hardware') : null,
              });
          }}
          allowDeselect={false}
          readOnly={readOnly}
          size="xs"
        />
        <Select
          label={t('cpsf.attributes.layer')}
          data={LAYERS.map((l) => ({ value: String(l), label: t(`cpsf.layersShort.${l}`) }))}
          value={String(element.layer)}
          onChange={(value) => {
            const layer = LAYERS.find((l) => String(l) === value);
            if (layer) onChange({ layer: layer, position: null });
          }}
          allowDeselect={false}
          readOnly={readOnly}
          size="xs"
        />
      </SimpleGrid>
      {element.component === 'thing' ? (
        <Select
          label={t('cpsf.attributes.thingKind')}
          data={THING_KINDS.map((k) => ({ value: k, label: t(`cpsf.thingKinds.${k}`) }))}
          value={element.thingKind ?? null}
          onChange={(value) => onChange({ thingKind: THING_KINDS.find((k) => k === value) ?? null })}
          readOnly={readOnly}
          size="xs"
        />
      ) : null}
      <SimpleGrid cols={2} spacing="xs">
        {text('owner')}
        {text('location')}
        {text('vendor')}
        {text('version')}
        <Select
          label={t('cpsf.attributes.criticality')}
          data={CRITICALITIES.map((c) => ({ value: c, label: t(`cpsf.criticalities.${c}`) }))}
          value={element.criticality ?? null}
          onChange={(value) => onChange({ criticality: CRITICALITIES.find((c) => c === value) ?? null })}
          clearable
          readOnly={readOnly}
          size="xs"
        />
        <Select
          label={t('cpsf.attributes.dataClass')}
          data={DATA_CLASSES.map((c) => ({ value: c, label: t(`cpsf.dataClasses.${c}`) }))}
          value={element.dataClass ?? null}
          onChange={(value) => onChange({ dataClass: DATA_CLASSES.find((c) => c === value) ?? null })}
          clearable
          readOnly={readOnly}
          size="xs"
        />
        <DateField
          label={t('cpsf.attributes.supportEnds')}
          value={element.supportEnds ?? ''}
          onChange={(event) => onChange({ supportEnds: event.currentTarget.value || null })}
          readOnly={readOnly}
          size="xs"
        />
        <Select
          label={t('cpsf.attributes.orgRef')}
          data={organizations.map((o) => ({ value: o.id, label: `${o.name} (${o.id})` }))}
          value={element.orgRef ?? null}
          onChange={(value) => onChange({ orgRef: value })}
          clearable
          searchable
          nothingFoundMessage={t('cpsf.attributes.noOrganizations')}
          readOnly={readOnly}
          size="xs"
        />
      </SimpleGrid>
      {!readOnly ? (
        <Group justify="flex-end">
          <Button color="red" variant="subtle" size="xs" onClick={onDelete}>
            {t('cpsf.attributes.delete')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
