import { Alert, Anchor, Badge, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { can } from '@shinrai/core/browser';
import { softwareApi, type Component, type Finding, type Product, type Release } from '../../../api/software';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { AdvisoryDbNotice } from '../components/AdvisoryDbNotice';
import { PageHeader } from '../../../components/PageHeader';
import { ArtifactsPanel } from '../components/ArtifactsPanel';
import { ComponentsTable } from '../components/ComponentsTable';
import { FindingsPanel } from '../components/FindingsPanel';
import { LicensesPanel } from '../components/LicensesPanel';
import { RiskBadges, SupportBadge, formatCount, useSbomFormatLabel } from '../components/meta';
import { SbomUpload } from '../components/SbomUpload';
import { SbomWarnings, sbomWarnings, type SbomWarning } from '../components/SbomWarnings';
import { SharesPanel } from '../components/SharesPanel';
import { VexFiles } from '../components/VexFiles';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';

const TABS = ['findings', 'components', 'licenses', 'artifacts', 'vex', 'shares'] as const;
type Tab = (typeof TABS)[number];

/** One release: finding triage with VEX, its components, licenses, artifacts, VEX documents and shares. */
export function SoftwareReleasePage() {
  const { t } = useTranslation('software');
  const { orgId, role } = useOrg();
  const { releaseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const lang = currentLanguage();
  const formatLabel = useSbomFormatLabel();
  const writer = can(role, 'assessments.write');
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'findings';
  const [release, setRelease] = useState<Release | null>(null);
  const [product, setProduct] = useState<Product | null>(null);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [components, setComponents] = useState<Component[] | null>(null);
  const [warnings, setWarnings] = useState<SbomWarning[]>([]);
  const [failed, setFailed] = useState(false);

  const loadContents = async () => {
    const [f, c] = await Promise.all([
      softwareApi.findings(orgId, releaseId),
      softwareApi.components(orgId, releaseId),
    ]);
    setFindings(f.items);
    setComponents(c.items);
    setWarnings(sbomWarnings(c.warnings));
  };

  useEffect(() => {
    const run = async () => {
      try {
        const { release: r } = await softwareApi.release(orgId, releaseId);
        setRelease(r);
        const [p] = await Promise.all([softwareApi.product(orgId, r.productId), loadContents()]);
        setProduct(p.product);
      } catch (error) {
        notifyError(error);
        setFailed(true);
      }
    };
    void run();
  }, [orgId, releaseId]);

  const findingCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of findings ?? [])
      if (!f.suppressed) counts.set(f.component.id, (counts.get(f.component.id) ?? 0) + 1);
    return counts;
  }, [findings]);

  if (failed)
    return (
      <Alert color="yellow" title={t('software.releases.notFound')}>
        <Anchor component={Link} to={`/orgs/${orgId}/software`}>
          {t('software.products.backToList')}
        </Anchor>
      </Alert>
    );
  if (!release || !findings || !components) return <FullPageLoader />;

  const reloadRelease = () => {
    softwareApi.release(orgId, releaseId).then(
      (r) => setRelease(r.release),
      () => undefined,
    );
  };
  const afterUpload = (next: Release) => {
    setRelease(next);
    loadContents().catch(notifyError);
  };
  const changed = (finding: Finding) => {
    setFindings((list) => (list ?? []).map((f) => (f.id === finding.id ? finding : f)));
    reloadRelease();
  };

  const malicious = findings.filter((f) => f.malicious && !f.suppressed);
  const open = findings.filter((f) => !f.suppressed).length;
  const productName = product?.name ?? '';

  return (
    <Stack>
      <Anchor component={Link} to={`/orgs/${orgId}/software/products/${release.productId}`} size="sm">
        ← {productName || t('software.products.backToList')}
      </Anchor>
      <PageHeader
        title={t('software.releases.pageTitle', { product: productName, version: release.version })}
        description={t('software.releases.intro')}
      />
      {malicious.length > 0 ? (
        <Alert
          color="red"
          variant="filled"
          title={t('software.alert.maliciousTitle')}
          role="alert"
          data-testid="malicious-alert"
        >
          {t('software.alert.maliciousRelease', {
            names: [
              ...new Set(malicious.map((f) => `${f.component.name}@${f.component.version ?? '?'}`)),
            ].join(lang === 'ja' ? '、' : ', '),
          })}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6}>
            <RiskBadges risk={release.risk} />
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                {t('software.releases.releasedOnValue', {
                  date: release.releasedOn ? formatDate(release.releasedOn, lang) : '—',
                })}
                {' · '}
                {t('software.releases.supportEndsValue', {
                  date: release.supportEnds ? formatDate(release.supportEnds, lang) : '—',
                })}
              </Text>
              <SupportBadge supportEnds={release.supportEnds} supportEnded={release.supportEnded} />
            </Group>
            <Text size="sm" c="dimmed">
              {release.sbom
                ? t('software.releases.sbomLong', {
                    format: formatLabel(release.sbom.format, release.sbom.specVersion),
                    n: formatCount(release.sbom.componentCount, lang),
                    at: formatDateTime(release.sbom.uploadedAt, lang),
                  })
                : t('software.releases.noSbom')}
            </Text>
          </Stack>
          {writer ? <SbomUpload orgId={orgId} release={release} onUploaded={afterUpload} /> : null}
        </Group>
      </Paper>
      <AdvisoryDbNotice orgId={orgId} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'findings' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab
              key={x}
              value={x}
              rightSection={
                x === 'findings' && open > 0 ? (
                  <Badge
                    size="xs"
                    color={malicious.length ? 'red' : 'gray'}
                    variant="light"
                    circle={open < 10}
                  >
                    {open}
                  </Badge>
                ) : x === 'components' ? (
                  <Badge size="xs" color="gray" variant="light">
                    {formatCount(components.length, lang)}
                  </Badge>
                ) : undefined
              }
            >
              {t(`software.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="findings" pt="sm">
          <FindingsPanel
            orgId={orgId}
            findings={findings}
            writer={writer}
            onChanged={changed}
            hasSbom={release.sbom !== null}
          />
        </Tabs.Panel>
        <Tabs.Panel value="components" pt="sm">
          <SbomWarnings warnings={warnings} />
          <ComponentsTable components={components} findingCounts={findingCounts} />
        </Tabs.Panel>
        <Tabs.Panel value="licenses" pt="sm">
          <LicensesPanel orgId={orgId} releaseId={release.id} canEditPolicy={can(role, 'org.update')} />
        </Tabs.Panel>
        <Tabs.Panel value="artifacts" pt="sm">
          <ArtifactsPanel orgId={orgId} release={release} writer={writer} />
        </Tabs.Panel>
        <Tabs.Panel value="vex" pt="sm">
          <VexFiles
            orgId={orgId}
            releaseId={release.id}
            writer={writer}
            onImported={() => void loadContents().catch(notifyError)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="shares" pt="sm">
          <SharesPanel orgId={orgId} release={release} manager={can(role, 'org.update')} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
