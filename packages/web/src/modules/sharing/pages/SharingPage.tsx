import { Alert, Stack } from '@mantine/core';
import { can } from '@shinrai/core/browser';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { sharingApi, type Overview, type ReportLists } from '../api';
import { HubPanel } from './HubPanel';
import { MemberPanel } from './MemberPanel';
import { NotifyPanel } from './NotifyPanel';

/** The organization in sharing: as a hub (members, groups, received reports), as a member (hubs, reports, feed). */
export function SharingPage() {
  const { t } = useTranslation('sharing');
  const { orgId, role } = useOrg();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [reports, setReports] = useState<ReportLists | null>(null);
  const [failed, setFailed] = useState(false);

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
      {overview.hub ? <HubPanel hub={overview.hub} received={reports.received} onChange={load} /> : null}
      <MemberPanel memberships={overview.memberships} submitted={reports.submitted} onChange={load} />
      {overview.memberships.length > 0 ? (
        <NotifyPanel orgId={orgId} manager={can(role, 'org.update')} />
      ) : null}
    </Stack>
  );
}
