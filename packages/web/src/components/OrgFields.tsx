import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  isValidCorporateNumber,
  ORG_KINDS,
  ORG_SIZES,
  PREFECTURE_CODES,
  type OrgKind,
  type OrgSize,
} from '@shinrai/core/browser';
import type { Organization, OrganizationInput } from '../api/types';
import type common from '../i18n/common/ja.json';

/** A JIS X 0401 code of PREFECTURE_CODES (@shinrai/core); every one has its name in `prefectures`. */
type PrefectureCode = keyof (typeof common)['prefectures'];

export interface OrgFormValues {
  name: string;
  kind: OrgKind;
  slug: string;
  corporateNumber: string;
  industry: string;
  size: OrgSize | '';
  prefecture: string;
  /** Whether other organizations may find it by name or 法人番号. */
  discoverable: boolean;
}

export type OrgFormErrors = Partial<Record<keyof OrgFormValues, string>>;

export const emptyOrgForm = (): OrgFormValues => ({
  name: '',
  kind: 'enterprise',
  slug: '',
  corporateNumber: '',
  industry: '',
  size: '',
  prefecture: '',
  discoverable: false,
});

export const orgFormFrom = (org: Organization): OrgFormValues => ({
  name: org.name,
  kind: org.kind,
  slug: org.slug,
  corporateNumber: org.corporateNumber ?? '',
  industry: org.industry ?? '',
  size: org.size ?? '',
  prefecture: org.prefecture ?? '',
  discoverable: org.discoverable,
});

/** Maps server errors about the organization to fields; `prefix` is the pointer of the object in the body. */
export const orgErrorFields = (prefix = ''): Partial<Record<string, keyof OrgFormValues>> => ({
  invalid_corporate_number: 'corporateNumber',
  slug_taken: 'slug',
  [`${prefix}/name`]: 'name',
  [`${prefix}/kind`]: 'kind',
  [`${prefix}/slug`]: 'slug',
  [`${prefix}/corporateNumber`]: 'corporateNumber',
  [`${prefix}/industry`]: 'industry',
  [`${prefix}/size`]: 'size',
  [`${prefix}/prefecture`]: 'prefecture',
});

/** `t` of any namespace: the messages are common strings. */
export function validateOrgForm(
  values: OrgFormValues,
  t: (key: 'validation.required' | 'validation.corporateNumber') => string,
): OrgFormErrors {
  const errors: OrgFormErrors = {};
  if (!values.name.trim()) errors.name = t('validation.required');
  const corporateNumber = values.corporateNumber.trim();
  if (corporateNumber && !isValidCorporateNumber(corporateNumber)) {
    errors.corporateNumber = t('validation.corporateNumber');
  }
  return errors;
}

/** Body for POST /api/orgs and /api/setup: empty optional fields are left out. */
export function orgCreateInput(values: OrgFormValues): OrganizationInput {
  const input: OrganizationInput = { name: values.name.trim(), kind: values.kind };
  if (values.slug.trim()) input.slug = values.slug.trim();
  if (values.corporateNumber.trim()) input.corporateNumber = values.corporateNumber.trim();
  if (values.industry.trim()) input.industry = values.industry.trim();
  if (values.size) input.size = values.size;
  if (values.prefecture) input.prefecture = values.prefecture;
  input.discoverable = values.discoverable;
  return input;
}

/** Body for PATCH /api/orgs/:orgId: cleared optional fields become null. */
export function orgPatchInput(values: OrgFormValues): Partial<OrganizationInput> {
  return {
    name: values.name.trim(),
    kind: values.kind,
    corporateNumber: values.corporateNumber.trim() || null,
    industry: values.industry.trim() || null,
    size: values.size || null,
    prefecture: values.prefecture || null,
    discoverable: values.discoverable,
  };
}

const isKind = (value: string | null): value is OrgKind =>
  (ORG_KINDS as readonly (string | null)[]).includes(value);
const isSize = (value: string | null): value is OrgSize =>
  (ORG_SIZES as readonly (string | null)[]).includes(value);

/** The organization profile fields, shared by setup, "create organization" and the overview page. */
export function OrgFields({
  values,
  errors = {},
  onChange,
  readOnly = false,
  showSlug = false,
}: {
  values: OrgFormValues;
  errors?: OrgFormErrors;
  onChange: (values: OrgFormValues) => void;
  readOnly?: boolean;
  showSlug?: boolean;
}) {
  const { t } = useTranslation();
  const variant = readOnly ? 'filled' : 'default';
  const set = <K extends keyof OrgFormValues>(key: K, value: OrgFormValues[K]) =>
    onChange({ ...values, [key]: value });

  return (
    <>
      <TextInput
        label={t('orgFields.name')}
        required={!readOnly}
        readOnly={readOnly}
        variant={variant}
        value={values.name}
        error={errors.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        autoComplete="organization"
      />
      <Select
        label={t('orgFields.kind')}
        required={!readOnly}
        readOnly={readOnly}
        variant={variant}
        allowDeselect={false}
        data={ORG_KINDS.map((kind) => ({ value: kind, label: t(`orgKinds.${kind}`) }))}
        value={values.kind}
        onChange={(value) => {
          if (isKind(value)) set('kind', value);
        }}
      />
      {showSlug ? (
        <TextInput
          label={t('orgFields.slug')}
          description={t('orgFields.slugCreateHint')}
          value={values.slug}
          error={errors.slug}
          onChange={(event) => set('slug', event.currentTarget.value)}
          autoCapitalize="none"
          spellCheck={false}
        />
      ) : null}
      <TextInput
        label={t('orgFields.corporateNumber')}
        description={t('orgFields.corporateNumberHint')}
        readOnly={readOnly}
        variant={variant}
        value={values.corporateNumber}
        error={errors.corporateNumber}
        placeholder={readOnly ? t('orgFields.notSet') : undefined}
        inputMode="numeric"
        maxLength={13}
        onChange={(event) => set('corporateNumber', event.currentTarget.value.replace(/\s/g, ''))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('orgFields.industry')}
          readOnly={readOnly}
          variant={variant}
          value={values.industry}
          error={errors.industry}
          placeholder={readOnly ? t('orgFields.notSet') : t('orgFields.industryPlaceholder')}
          onChange={(event) => set('industry', event.currentTarget.value)}
        />
        <Select
          label={t('orgFields.size')}
          readOnly={readOnly}
          variant={variant}
          clearable={!readOnly}
          placeholder={readOnly ? t('orgFields.notSet') : t('orgFields.select')}
          data={ORG_SIZES.map((size) => ({ value: size, label: t(`orgSizes.${size}`) }))}
          value={values.size || null}
          onChange={(value) => set('size', isSize(value) ? value : '')}
        />
        <Select
          label={t('orgFields.prefecture')}
          readOnly={readOnly}
          variant={variant}
          clearable={!readOnly}
          searchable
          placeholder={readOnly ? t('orgFields.notSet') : t('orgFields.select')}
          nothingFoundMessage={t('common.empty')}
          data={PREFECTURE_CODES.map((code) => ({
            value: code,
            label: t(`prefectures.${code as PrefectureCode}`),
          }))}
          value={values.prefecture || null}
          onChange={(value) => set('prefecture', value ?? '')}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <Checkbox
        label={t('orgFields.discoverable')}
        description={t('orgFields.discoverableHint')}
        checked={values.discoverable}
        disabled={readOnly}
        onChange={(event) => set('discoverable', event.currentTarget.checked)}
      />
    </>
  );
}
