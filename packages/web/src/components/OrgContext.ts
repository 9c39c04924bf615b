import { createContext, useContext } from 'react';
import type { Membership, Role } from '../api/types';

export interface OrgContextValue {
  orgId: string;
  membership: Membership;
  role: Role;
}

export const OrgContext = createContext<OrgContextValue | null>(null);

/** The organization selected in the URL (/orgs/:orgId/…) and the user's role in it. */
export function useOrg(): OrgContextValue {
  const value = useContext(OrgContext);
  if (!value) throw new Error('useOrg outside an organization route');
  return value;
}

export function useOptionalOrg(): OrgContextValue | null {
  return useContext(OrgContext);
}
