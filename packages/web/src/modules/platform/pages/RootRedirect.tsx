import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { api } from '../../../api/client';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { notifyError } from '../../../lib/notify';
import { useSession } from '../../../session/SessionContext';

/** `/`: first-run setup, login, or the first organization of the signed-in user. */
export function RootRedirect() {
  const { me } = useSession();
  const [needsSetup, setNeedsSetup] = useState<boolean | undefined>(undefined);

  useEffect(() => {
    if (me !== null) return;
    let active = true;
    api
      .setupStatus()
      .then((status) => {
        if (active) setNeedsSetup(status.needsSetup);
      })
      .catch((error: unknown) => {
        notifyError(error);
        if (active) setNeedsSetup(false);
      });
    return () => {
      active = false;
    };
  }, [me]);

  if (me) {
    const first = me.memberships[0];
    return <Navigate to={first ? `/orgs/${first.organization.id}/overview` : '/account'} replace />;
  }
  if (me === undefined || needsSetup === undefined) return <FullPageLoader />;
  return <Navigate to={needsSetup ? '/setup' : '/login'} replace />;
}
