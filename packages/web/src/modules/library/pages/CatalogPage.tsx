import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
  Tree,
  getTreeExpandedState,
  useTree,
  type TreeNodeData,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import type { AnswerModel, CatalogDetail, CatalogPack, Locale, PackNode } from '../../../api/types';
import {
  ChevronDownIcon,
  ChevronRightIcon,
  DownloadIcon,
  PlusIcon,
  SearchIcon,
} from '../../../components/icons';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { ProvenanceBadge } from '../components/ProvenanceBadge';
import { currentLanguage } from '../../../i18n';
import { filterNodes, flattenNodes, nodeKind, tagLabel, tx } from '../../../lib/catalog';
import { notifyError } from '../../../lib/notify';
import { CatalogKindBadge } from './CatalogsPage';

function toTreeData(nodes: readonly PackNode[], lang: Locale): TreeNodeData[] {
  return nodes.map((n) => ({
    value: n.ref,
    label: tx(n.title, lang),
    ...(n.children && n.children.length > 0 ? { children: toTreeData(n.children, lang) } : {}),
  }));
}

/** The answer options of a model, with their points. */
export function AnswerModelView({ model }: { model: AnswerModel }) {
  const { t } = useTranslation('library');
  const lang = currentLanguage();
  const points = (p: number | undefined) =>
    p === undefined ? t('catalogs.noPoints') : t('catalogs.points', { points: p });
  switch (model.kind) {
    case 'choice':
    case 'multiple':
      return (
        <List size="sm" spacing={4}>
          {model.options.map((o) => (
            <List.Item key={o.value}>
              {tx(o.label, lang)}
              <Text span size="xs" c="dimmed">
                {t('common.note', {
                  note: points(o.points) + (o.unknown ? ` · ${t('catalogs.unknownOption')}` : ''),
                })}
              </Text>
            </List.Item>
          ))}
        </List>
      );
    case 'maturity':
      return (
        <List size="sm" spacing={6}>
          {model.levels.map((l) => (
            <List.Item key={l.level}>
              <Text span fw={600} size="sm">
                {l.level} {tx(l.label, lang)}
              </Text>
              {l.descriptor ? (
                <Text size="xs" c="dimmed">
                  {tx(l.descriptor, lang)}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      );
    case 'number':
      return (
        <Text size="sm">
          {model.min !== undefined || model.max !== undefined
            ? t('catalogs.range', { min: model.min ?? '', max: model.max ?? '' })
            : t('catalogs.answerKinds.number')}
          {model.unit ? ` (${tx(model.unit, lang)})` : ''}
        </Text>
      );
    case 'text':
      return (
        <Text size="sm">
          {model.maxLength
            ? t('catalogs.maxLength', { max: model.maxLength })
            : t('catalogs.answerKinds.text')}
        </Text>
      );
    case 'date':
      return (
        <Text size="sm">
          {model.notBefore !== undefined || model.notAfter !== undefined
            ? t('catalogs.range', { min: model.notBefore ?? '', max: model.notAfter ?? '' })
            : t('catalogs.answerKinds.date')}
        </Text>
      );
    case 'file':
      return <Text size="sm">{t('catalogs.answerKinds.file')}</Text>;
  }
}

export function TagBadges({ pack, tags }: { pack: CatalogPack; tags: readonly string[] | undefined }) {
  const lang = currentLanguage();
  if (!tags || tags.length === 0) return null;
  return (
    <Group gap={4}>
      {tags.map((tag) => (
        <Badge key={tag} size="sm" variant="default" tt="none" title={tag}>
          {tagLabel(pack, tag, lang)}
        </Badge>
      ))}
    </Group>
  );
}

function NodeDetails({ pack, node, imported }: { pack: CatalogPack; node: PackNode; imported: boolean }) {
  const { t } = useTranslation('library');
  const lang = currentLanguage();
  const kind = nodeKind(node);
  const model = node.answerModel === undefined ? undefined : pack.answerModels[node.answerModel];
  const tier = node.tier ? pack.tiers?.find((x) => x.id === node.tier) : undefined;
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
          {kind === 'item' ? node.ref : t(`catalogs.${kind}`) + ' ' + node.ref}
        </Badge>
        <ProvenanceBadge provenance={node.provenance} imported={imported} />
      </Group>
      <Title order={2} size="h4">
        {tx(node.title, lang)}
      </Title>
      {lang === 'ja' && node.title.en !== node.title.ja ? (
        <Text size="xs" c="dimmed" lang="en">
          {node.title.en}
        </Text>
      ) : null}
      {tier || (node.tags && node.tags.length > 0) ? (
        <Group gap="xs">
          {tier ? (
            <Badge size="sm" color="orange" variant="light" tt="none">
              {t('catalogs.tier')}: {tx(tier.label, lang)}
            </Badge>
          ) : null}
          <TagBadges pack={pack} tags={node.tags} />
        </Group>
      ) : null}
      {node.description ? (
        <Box>
          <Text size="sm" fw={600}>
            {t('catalogs.description')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {tx(node.description, lang)}
          </Text>
        </Box>
      ) : null}
      {node.note ? (
        <Box data-testid="node-note">
          <Text size="sm" fw={600}>
            {t('catalogs.note')}
          </Text>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {tx(node.note, lang)}
          </Text>
        </Box>
      ) : null}
      {node.guidance ? (
        <Alert color="teal" variant="light" title={t('catalogs.guidance')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {tx(node.guidance, lang)}
          </Text>
        </Alert>
      ) : null}
      {model ? (
        <Box>
          <Text size="sm" fw={600}>
            {t('catalogs.answerOptions')}
            <Text span size="xs" c="dimmed" fw={400}>
              {t('common.note', { note: t(`catalogs.answerKinds.${model.kind}`) })}
            </Text>
          </Text>
          <AnswerModelView model={model} />
        </Box>
      ) : null}
    </Stack>
  );
}

export function CatalogPage() {
  const { t } = useTranslation('library');
  const { orgId, role, membership } = useOrg();
  const { catalogId = '' } = useParams();
  const lang = currentLanguage();
  const wide = useMediaQuery('(min-width: 62em)', true);
  const [data, setData] = useState<CatalogDetail | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query, 150);
  const [selected, setSelected] = useState<string | null>(null);
  const detailsRef = useRef<HTMLDivElement>(null);
  const tree = useTree();

  useEffect(() => {
    let active = true;
    setData(undefined);
    api.catalog(orgId, catalogId).then(
      (response) => {
        if (active) setData(response);
      },
      (error: unknown) => {
        if (!active) return;
        notifyError(error);
        setData(null);
      },
    );
    return () => {
      active = false;
    };
  }, [orgId, catalogId]);

  const pack = data?.pack;
  const filtered = useMemo(
    () => (pack ? filterNodes(pack.nodes, debouncedQuery) : []),
    [pack, debouncedQuery],
  );
  const treeData = useMemo(() => toTreeData(filtered, lang), [filtered, lang]);
  const byRef = useMemo(() => new Map(flattenNodes(pack?.nodes ?? []).map((f) => [f.ref, f.node])), [pack]);

  // Searching opens every branch that holds a match; clearing the search shows the top level open.
  // (Not re-run on a language switch: the labels change, the branches the user opened stay open.)
  useEffect(() => {
    if (!pack) return;
    const data = toTreeData(filtered, 'ja');
    tree.setExpandedState(
      debouncedQuery.trim()
        ? getTreeExpandedState(data, '*')
        : getTreeExpandedState(
            data,
            data.map((n) => n.value),
          ),
    );
  }, [filtered]);

  const select = (ref: string) => {
    setSelected(ref);
    if (!wide)
      requestAnimationFrame(() => detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  if (data === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (data === null || !pack) {
    return (
      <Alert color="yellow" title={t('catalogs.notFound')}>
        <Button component={Link} to={`/orgs/${orgId}/catalogs`} variant="light" mt="sm">
          {t('catalogs.backToList')}
        </Button>
      </Alert>
    );
  }

  const { catalog } = data;
  const selectedNode = selected ? byRef.get(selected) : undefined;
  const canStart = role !== 'viewer' && role !== 'auditor';
  // Imports made before the publisher was recorded carry the catalog's title there: the organization
  // that imported it is the publisher.
  const namedAfterItself = pack.publisher.ja === pack.title.ja && pack.publisher.en === pack.title.en;
  const publisherName =
    !catalog.builtin && namedAfterItself ? membership.organization.name : tx(pack.publisher, lang);

  return (
    <Stack>
      <Anchor component={Link} to={`/orgs/${orgId}/catalogs`} size="sm">
        ← {t('catalogs.backToList')}
      </Anchor>
      <PageHeader
        title={tx(catalog.title, lang)}
        description={pack.description ? tx(pack.description, lang) : undefined}
      />
      <Group gap="xs">
        <CatalogKindBadge builtin={catalog.builtin} />
        <Badge variant="default" tt="none">
          {t('catalogs.version')} {catalog.version}
        </Badge>
        <Badge variant="default" tt="none">
          {t('catalogs.itemCount', { count: catalog.itemCount })}
        </Badge>
        <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {catalog.urn}
        </Text>
      </Group>
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          {t('catalogs.publisher')}:{' '}
        </Text>
        {publisherName}
      </Text>
      {pack.notice ? (
        <Alert color="yellow" variant="light" title={t('catalogs.notice')} role="note">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {tx(pack.notice, lang)}
          </Text>
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button
          component="a"
          href={api.catalogXlsxUrl(orgId, catalog.id)}
          download
          variant="default"
          leftSection={<DownloadIcon />}
        >
          {t('catalogs.download')}
        </Button>
        {canStart ? (
          <Button
            component={Link}
            to={`/orgs/${orgId}/assessments?new=${encodeURIComponent(catalog.id)}`}
            leftSection={<PlusIcon />}
          >
            {t('catalogs.startAssessment')}
          </Button>
        ) : null}
      </Group>
      {pack.tiers && pack.tiers.length > 0 ? (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('catalogs.tiers')}:
          </Text>
          {pack.tiers.map((tier) => (
            <Badge key={tier.id} color="orange" variant="light" tt="none">
              {tx(tier.label, lang)}
            </Badge>
          ))}
        </Group>
      ) : null}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <TextInput
                label={t('catalogs.search')}
                placeholder={t('catalogs.searchPlaceholder')}
                leftSection={<SearchIcon />}
                value={query}
                onChange={(event) => setQuery(event.currentTarget.value)}
                type="search"
              />
              <Group gap="xs" justify="flex-end">
                <Button size="compact-xs" variant="subtle" onClick={() => tree.expandAllNodes()}>
                  {t('catalogs.expandAll')}
                </Button>
                <Button size="compact-xs" variant="subtle" onClick={() => tree.collapseAllNodes()}>
                  {t('catalogs.collapseAll')}
                </Button>
              </Group>
              {treeData.length === 0 ? (
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t('catalogs.noMatch')}
                </Text>
              ) : (
                <ScrollArea.Autosize mah={wide ? 'calc(100vh - 260px)' : undefined} type="auto">
                  <Tree
                    data={treeData}
                    tree={tree}
                    levelOffset="md"
                    aria-label={t('catalogs.tree')}
                    renderNode={({ node, expanded, hasChildren, elementProps }) => {
                      const packNode = byRef.get(node.value);
                      const isSelected = node.value === selected;
                      return (
                        <Group
                          {...elementProps}
                          onClick={(event) => {
                            elementProps.onClick(event);
                            select(node.value);
                          }}
                          gap={6}
                          wrap="nowrap"
                          align="flex-start"
                          py={4}
                          px={4}
                          aria-selected={isSelected}
                          style={{
                            ...elementProps.style,
                            borderRadius: 'var(--mantine-radius-sm)',
                            background: isSelected ? 'var(--mantine-color-indigo-0)' : undefined,
                          }}
                        >
                          <Box w={14} pt={3} c="dimmed" style={{ flexShrink: 0 }}>
                            {hasChildren ? expanded ? <ChevronDownIcon /> : <ChevronRightIcon /> : null}
                          </Box>
                          <Text size="xs" ff="monospace" c="dimmed" pt={2} style={{ flexShrink: 0 }}>
                            {node.value}
                          </Text>
                          <Text size="sm" fw={hasChildren ? 600 : 400} style={{ flex: 1, minWidth: 0 }}>
                            {node.label}
                          </Text>
                          {packNode ? (
                            <ProvenanceBadge provenance={packNode.provenance} imported={!catalog.builtin} />
                          ) : null}
                          {packNode?.tier ? (
                            <Badge
                              size="xs"
                              color="orange"
                              variant="light"
                              tt="none"
                              style={{ flexShrink: 0 }}
                            >
                              {tx(pack.tiers?.find((x) => x.id === packNode.tier)?.label, lang) ||
                                packNode.tier}
                            </Badge>
                          ) : null}
                        </Group>
                      );
                    }}
                  />
                </ScrollArea.Autosize>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" ref={detailsRef} style={{ scrollMarginTop: 72 }}>
            {selectedNode ? (
              <NodeDetails pack={pack} node={selectedNode} imported={!catalog.builtin} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('catalogs.selectHint')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>

      {pack.sources.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('catalogs.sources')}
          </Title>
          <List size="sm" spacing={4}>
            {pack.sources.map((source) => (
              <List.Item key={source.url + source.title} style={{ overflowWrap: 'anywhere' }}>
                {/^https?:\/\//.test(source.url) ? (
                  <Anchor href={source.url} target="_blank" rel="noopener noreferrer" size="sm">
                    {source.title}
                  </Anchor>
                ) : (
                  source.title
                )}
                {source.date ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({source.date})
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
    </Stack>
  );
}
