import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '@shinrai/core/browser';
import { softwareApi, type Product, type Release } from '../../../api/software';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { PlusIcon } from '../../../components/icons';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { RiskBadges, SupportBadge, formatCount, useSbomFormatLabel } from '../components/meta';
import { ReleaseModal } from '../components/ReleaseModal';
import { SbomProblems } from '../components/SbomProblems';
import { SbomUpload } from '../components/SbomUpload';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';

/** One product: its releases (リリース), their SBOMs, risk and support period. */
export function SoftwareProductPage() {
  const { t } = useTranslation('software');
  const { orgId, role } = useOrg();
  const { productId = '' } = useParams();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const formatLabel = useSbomFormatLabel();
  const writer = can(role, 'assessments.write');
  const [product, setProduct] = useState<Product | null>(null);
  const [releases, setReleases] = useState<Release[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [newOpen, setNewOpen] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const load = async () => {
    try {
      const [p, r] = await Promise.all([
        softwareApi.product(orgId, productId),
        softwareApi.releases(orgId, productId),
      ]);
      setProduct(p.product);
      setReleases(r.items);
    } catch (error) {
      notifyError(error);
      setFailed(true);
    }
  };

  useEffect(() => {
    void load();
  }, [orgId, productId]);

  if (failed)
    return (
      <Alert color="yellow" title={t('software.products.notFound')}>
        <Anchor component={Link} to={`/orgs/${orgId}/software`}>
          {t('software.products.backToList')}
        </Anchor>
      </Alert>
    );
  if (!product || !releases) return <FullPageLoader />;

  const replaced = (release: Release) => {
    setReleases((list) => (list ?? []).map((r) => (r.id === release.id ? release : r)));
    // product risk counts change with the new SBOM
    softwareApi.product(orgId, productId).then(
      (p) => setProduct(p.product),
      () => undefined,
    );
  };

  const remove = () =>
    setConfirm({
      title: t('software.products.delete'),
      message: t('software.products.deleteConfirm', { name: product.name }),
      confirmLabel: t('software.products.delete'),
      onConfirm: async () => {
        await softwareApi.deleteProduct(orgId, product.id);
        notifySuccess(t('software.products.deleted', { name: product.name }));
        void navigate(`/orgs/${orgId}/software`);
      },
    });

  const columns: Column<Release>[] = [
    {
      key: 'version',
      header: t('software.releases.version'),
      primary: true,
      render: (r) => (
        <Group gap={6} wrap="nowrap">
          <Anchor
            component={Link}
            to={`/orgs/${orgId}/software/releases/${r.id}`}
            fw={600}
            size="sm"
            ff="monospace"
          >
            {r.version}
          </Anchor>
          <SupportBadge supportEnds={r.supportEnds} supportEnded={r.supportEnded} />
        </Group>
      ),
    },
    {
      key: 'dates',
      header: t('software.releases.dates'),
      render: (r) => (
        <Stack gap={0}>
          <Text size="xs">
            {t('software.releases.releasedOnValue', {
              date: r.releasedOn ? formatDate(r.releasedOn, lang) : '—',
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('software.releases.supportEndsValue', {
              date: r.supportEnds ? formatDate(r.supportEnds, lang) : '—',
            })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'sbom',
      header: t('software.releases.sbom'),
      render: (r) =>
        r.sbom ? (
          <Stack gap={0}>
            <Text size="xs">
              {t('software.releases.sbomValue', {
                format: formatLabel(r.sbom.format, r.sbom.specVersion),
                n: formatCount(r.sbom.componentCount, lang),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(r.sbom.uploadedAt, lang)}
            </Text>
          </Stack>
        ) : (
          <Badge color="gray" variant="light" size="sm">
            {t('software.releases.noSbom')}
          </Badge>
        ),
    },
    { key: 'risk', header: t('software.products.risk'), render: (r) => <RiskBadges risk={r.risk} /> },
  ];
  if (writer)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      nowrap: true,
      render: (r) => (
        <SbomUpload orgId={orgId} release={r} compact onUploaded={replaced} onError={setUploadError} />
      ),
    });

  return (
    <Stack>
      <Anchor component={Link} to={`/orgs/${orgId}/software`} size="sm">
        ← {t('software.products.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader
          title={product.name}
          description={[t(`software.kinds.${product.kind}`), product.vendor].filter(Boolean).join(' · ')}
        />
        {writer ? (
          <Group gap="xs">
            <Button variant="default" color="red" onClick={remove}>
              {t('software.products.delete')}
            </Button>
            <Button leftSection={<PlusIcon />} onClick={() => setNewOpen(true)}>
              {t('software.releases.new')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Group gap="sm">
        <RiskBadges risk={product.risk} />
        {product.supportEnds ? (
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {t('software.releases.supportEndsValue', { date: formatDate(product.supportEnds, lang) })}
            </Text>
            <SupportBadge supportEnds={product.supportEnds} supportEnded={product.supportEnded} />
          </Group>
        ) : null}
      </Group>
      {uploadError ? <SbomProblems error={uploadError} /> : null}
      {releases.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('software.releases.empty')}
        </Text>
      ) : null}
      <DataTable
        label={t('software.releases.title')}
        columns={columns}
        rows={releases}
        rowKey={(r) => r.id}
      />
      {writer ? (
        <ReleaseModal
          orgId={orgId}
          productId={product.id}
          opened={newOpen}
          onClose={() => setNewOpen(false)}
          onCreated={(release) => {
            setNewOpen(false);
            notifySuccess(t('software.releases.created', { version: release.version }));
            void navigate(`/orgs/${orgId}/software/releases/${release.id}`);
          }}
        />
      ) : null}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Stack>
  );
}
