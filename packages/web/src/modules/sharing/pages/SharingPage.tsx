import { Alert, Stack, Tabs } from '@mantine/core';
import { can } from '@shinrai/core/browser';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { sharingApi, type Overview, type ReportLists } from '../api';
import { HubPanel } from './HubPanel';
import { IntakePanel } from './IntakePanel';
import { MemberPanel } from './MemberPanel';
import { NotifyPanel } from './NotifyPanel';

/** The organization in sharing: as a hub (members, groups, received reports), as a member (hubs, reports, feed). */
export function SharingPage() {
  const { t } = useTranslation('sharing');
  const { orgId, role } = useOrg();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [reports, setReports] = useState<ReportLists | null>(null);
  const [failed, setFailed] = useState(false);
  const [params, setParams] = useSearchParams();
  const tab = params.get('view') === 'intake' ? 'intake' : 'sharing';

  const load = useCallback(() => {
    Promise.all([sharingApi.overview(orgId), sharingApi.reports(orgId)]).then(
      ([o, r]) => {
        setOverview(o);
        setReports(r);
      },
      () => setFailed(true),
    );
  }, [orgId]);
  useEffect(load, [load]);

  if (failed) return <Alert color="red">{t('sharing.loadFailed')}</Alert>;
  if (!overview || !reports) return <FullPageLoader />;
  return (
    <Stack gap="xl">
      <PageHeader title={t('sharing.title')} description={t('sharing.description')} />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'intake' ? { view: 'intake' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="sharing">{t('sharing.tabs.sharing')}</Tabs.Tab>
          <Tabs.Tab value="intake" data-testid="sharing-tab-intake">
            {t('sharing.tabs.intake')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sharing">
          <Stack gap="xl">
            {overview.hub ? (
              <HubPanel hub={overview.hub} received={reports.received} onChange={load} />
            ) : null}
            {overview.hub && overview.memberships.length === 0 && reports.submitted.length === 0 ? null : (
              // a hub that is no hub's member is not told to join one
              <MemberPanel memberships={overview.memberships} submitted={reports.submitted} onChange={load} />
            )}
            {overview.memberships.length > 0 ? (
              <NotifyPanel orgId={orgId} manager={can(role, 'org.update')} />
            ) : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="intake">
          <IntakePanel
            orgId={orgId}
            writer={can(role, 'sharing.write')}
            manager={can(role, 'sharing.manage')}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
