import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCHABLE_PACKAGE_TYPES } from '@shinrai/core/browser';
import { Link, useSearchParams } from 'react-router';
import { softwareApi, type WhereUsedEcosystem, type WhereUsedItem } from '../../../api/software';
import { DataTable, type Column } from '../../../components/DataTable';
import { SearchIcon } from '../../../components/icons';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { SoftwareNav, formatCount } from '../components/meta';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/notify';

const ECOSYSTEMS: readonly WhereUsedEcosystem[] = SEARCHABLE_PACKAGE_TYPES;

const isEcosystem = (v: string | null): v is WhereUsedEcosystem => ECOSYSTEMS.some((e) => e === v);

/**
 * Where-used (使用箇所の検索): which products and releases contain a package — a name in an ecosystem or
 * a purl — optionally in a version range (plain notation or vers), across the portfolio and the SBOMs
 * suppliers shared with us. The query lives in the URL.
 */
export function SoftwareWhereUsedPage() {
  const { t } = useTranslation('software');
  const { orgId } = useOrg();
  const lang = currentLanguage();
  const [params, setParams] = useSearchParams();
  const purl = params.get('purl') ?? '';
  const name = params.get('name') ?? '';
  const ecosystemParam = params.get('ecosystem');
  const ecosystem: WhereUsedEcosystem = isEcosystem(ecosystemParam) ? ecosystemParam : 'npm';
  const range = params.get('range') ?? '';
  const includeShared = params.get('includeShared') === 'true';
  const [purlInput, setPurlInput] = useState(purl || name);
  const [ecosystemInput, setEcosystemInput] = useState<WhereUsedEcosystem>(ecosystem);
  const [rangeInput, setRangeInput] = useState(range);
  const [sharedInput, setSharedInput] = useState(includeShared);
  const [items, setItems] = useState<WhereUsedItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!purl && !name) {
      setItems(null);
      return;
    }
    const run = async () => {
      setBusy(true);
      setError(null);
      try {
        const response = await softwareApi.whereUsed(orgId, {
          ...(purl ? { purl } : { name, ecosystem }),
          range: range || undefined,
          includeShared,
        });
        setItems(response.items);
      } catch (e) {
        setItems(null);
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    };
    void run();
  }, [orgId, purl, name, ecosystem, range, includeShared]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const query = purlInput.trim();
    if (!query) return setError(t('validation.required'));
    // A purl carries its ecosystem; anything else is a name in the chosen ecosystem.
    if (query.startsWith('pkg:')) next.set('purl', query);
    else {
      next.set('name', query);
      next.set('ecosystem', ecosystemInput);
    }
    if (rangeInput.trim()) next.set('range', rangeInput.trim());
    if (sharedInput) next.set('includeShared', 'true');
    setParams(next);
  };

  const columns: Column<WhereUsedItem>[] = [
    {
      key: 'product',
      header: t('software.whereUsed.product'),
      primary: true,
      render: (i) =>
        i.ownerOrg.id === orgId ? (
          <Anchor component={Link} to={`/orgs/${orgId}/software/products/${i.productId}`} size="sm" fw={500}>
            {i.productName}
          </Anchor>
        ) : (
          <Text size="sm" fw={500}>
            {i.productName}
          </Text>
        ),
    },
    {
      key: 'version',
      header: t('software.releases.version'),
      nowrap: true,
      render: (i) =>
        i.ownerOrg.id === orgId ? (
          <Anchor
            component={Link}
            to={`/orgs/${orgId}/software/releases/${i.releaseId}`}
            size="sm"
            ff="monospace"
          >
            {i.version}
          </Anchor>
        ) : (
          <Text size="sm" ff="monospace">
            {i.version}
          </Text>
        ),
    },
    {
      key: 'component',
      header: t('software.findings.component'),
      render: (i) => (
        <Stack gap={0}>
          <Text size="sm" ff="monospace">
            {i.component.name}@{i.component.version ?? '?'}
          </Text>
          {i.component.purl ? (
            <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {i.component.purl}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'owner',
      header: t('software.whereUsed.owner'),
      render: (i) =>
        i.ownerOrg.id === orgId ? (
          <Text size="sm">{t('software.whereUsed.ours')}</Text>
        ) : (
          <Badge variant="light" color="grape" size="sm">
            {t('software.whereUsed.sharedBy', { name: i.ownerOrg.name })}
          </Badge>
        ),
    },
  ];

  return (
    <Stack>
      <PageHeader title={t('software.whereUsed.title')} description={t('software.whereUsed.intro')} />
      <SoftwareNav orgId={orgId} current="whereUsed" />
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
              <TextInput
                label={t('software.whereUsed.purl')}
                description={t('software.whereUsed.purlHint')}
                placeholder="flatmap-stream"
                value={purlInput}
                onChange={(event) => setPurlInput(event.currentTarget.value)}
                required
                styles={{ input: { fontFamily: 'monospace' } }}
                style={{ minWidth: 240 }}
              />
              <NativeSelect
                label={t('software.whereUsed.ecosystem')}
                description={t('software.whereUsed.ecosystemHint')}
                data={ECOSYSTEMS.map((e) => ({ value: e, label: t(`software.whereUsed.ecosystems.${e}`) }))}
                value={ecosystemInput}
                disabled={purlInput.trim().startsWith('pkg:')}
                onChange={(event) => {
                  const v = event.currentTarget.value;
                  if (isEcosystem(v)) setEcosystemInput(v);
                }}
                style={{ minWidth: 160, flexGrow: 0 }}
              />
              <TextInput
                label={t('software.whereUsed.range')}
                description={t('software.whereUsed.rangeHint')}
                placeholder=">=0.1.0 <0.2.0"
                value={rangeInput}
                onChange={(event) => setRangeInput(event.currentTarget.value)}
                styles={{ input: { fontFamily: 'monospace' } }}
                style={{ minWidth: 240 }}
              />
            </Group>
            <Group justify="space-between" gap="sm">
              <Checkbox
                label={t('software.whereUsed.includeShared')}
                checked={sharedInput}
                onChange={(event) => setSharedInput(event.currentTarget.checked)}
              />
              <Button type="submit" leftSection={<SearchIcon />} loading={busy}>
                {t('common.search')}
              </Button>
            </Group>
            {error ? (
              <Text size="sm" c="red" role="alert">
                {error}
              </Text>
            ) : null}
          </Stack>
        </form>
      </Paper>
      {items ? (
        <Text size="sm" c="dimmed" data-testid="where-used-count">
          {items.length === 0
            ? t('software.whereUsed.none')
            : t('software.whereUsed.found', { n: formatCount(items.length, lang) })}
        </Text>
      ) : null}
      <DataTable
        label={t('software.whereUsed.results')}
        columns={columns}
        rows={items ?? []}
        rowKey={(i) =>
          `${i.releaseId}\u0000${i.component.purl ?? i.component.name}\u0000${i.component.version ?? ''}`
        }
      />
    </Stack>
  );
}
