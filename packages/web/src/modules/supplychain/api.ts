import { http, multipart, send, sendUndescribed, sendVoid } from '../../api/client';
import type { Item, ResponseOf } from '../../api/schema';

export type SupplierList = ResponseOf<'/api/orgs/{orgId}/suppliers', 'get'>;
export type Supplier = Item<SupplierList['items']>;
export type SupplierDetail = ResponseOf<'/api/orgs/{orgId}/suppliers/{supplierId}', 'get'>;
export type StarDecision = Item<SupplierDetail['decisions']>;
export type Chain = ResponseOf<'/api/orgs/{orgId}/suppliers/chain', 'get'>;
export type ChainNode = Item<Chain['nodes']>;
export type Coverage = ResponseOf<'/api/orgs/{orgId}/suppliers/coverage', 'get'>;
export type CoverageDashboard = ResponseOf<'/api/orgs/{orgId}/suppliers/coverage/dashboard', 'get'>;
export type RegistryShare = Item<ResponseOf<'/api/orgs/{orgId}/suppliers/registry-shares', 'get'>['items']>;
export type SupplyKind = Supplier['supplies'][number];
export type Criticality = Supplier['criticality'];
export type StarAnswers = StarDecision['answers'];

export const SUPPLY_KINDS: readonly SupplyKind[] = ['services', 'components', 'software', 'data_handling'];
export const CRITICALITIES: readonly Criticality[] = ['high', 'medium', 'low'];

export interface SupplierFields {
  corporateNumber?: string | null;
  name: string;
  nameKana?: string | null;
  supplies?: SupplyKind[];
  criticality?: Criticality;
  contractStart?: string | null;
  contractEnd?: string | null;
  starHeld?: number | null;
  linkedOrgId?: string | null;
  notes?: string;
  parentSupplierId?: string | null;
  contacts?: { name: string; email: string; role?: string }[];
}

export interface ImportPreview {
  file: string;
  applied: boolean;
  creates: number;
  merges: number;
  suppliers: { rows: number[]; name: string; corporateNumber: string | null; action: 'create' | 'merge' }[];
}

const path = (orgId: string) => ({ params: { path: { orgId } } });
const one = (orgId: string, supplierId: string) => ({ params: { path: { orgId, supplierId } } });

/** The supply-chain module's calls. */
export const supplychainApi = {
  list: (orgId: string) => send(http.GET('/api/orgs/{orgId}/suppliers', path(orgId))),
  get: (orgId: string, supplierId: string) =>
    send(http.GET('/api/orgs/{orgId}/suppliers/{supplierId}', one(orgId, supplierId))),
  create: (orgId: string, body: SupplierFields) =>
    send(http.POST('/api/orgs/{orgId}/suppliers', { ...path(orgId), body })),
  update: (
    orgId: string,
    supplierId: string,
    body: Partial<Omit<SupplierFields, 'contacts' | 'parentSupplierId'>>,
  ) => send(http.PATCH('/api/orgs/{orgId}/suppliers/{supplierId}', { ...one(orgId, supplierId), body })),
  remove: (orgId: string, supplierId: string) =>
    sendVoid(http.DELETE('/api/orgs/{orgId}/suppliers/{supplierId}', one(orgId, supplierId))),
  addContact: (orgId: string, supplierId: string, body: { name: string; email: string; role?: string }) =>
    send(http.POST('/api/orgs/{orgId}/suppliers/{supplierId}/contacts', { ...one(orgId, supplierId), body })),
  removeContact: (orgId: string, supplierId: string, contactId: string) =>
    send(
      http.DELETE('/api/orgs/{orgId}/suppliers/{supplierId}/contacts/{contactId}', {
        params: { path: { orgId, supplierId, contactId } },
      }),
    ),
  decideStar: (
    orgId: string,
    supplierId: string,
    body: { answers: StarAnswers; level?: 3 | 4; note?: string | null },
  ) => send(http.POST('/api/orgs/{orgId}/suppliers/{supplierId}/star', { ...one(orgId, supplierId), body })),
  chain: (orgId: string) => send(http.GET('/api/orgs/{orgId}/suppliers/chain', path(orgId))),
  coverage: (orgId: string) => send(http.GET('/api/orgs/{orgId}/suppliers/coverage', path(orgId))),
  coverageDashboard: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/suppliers/coverage/dashboard', path(orgId))),
  linkableOrgs: (orgId: string) => send(http.GET('/api/orgs/{orgId}/suppliers/linkable-orgs', path(orgId))),
  registryShares: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/suppliers/registry-shares', path(orgId))),
  setRegistryShare: (orgId: string, withOrgId: string, shared: boolean, onward = false) =>
    send(
      http.PUT('/api/orgs/{orgId}/suppliers/registry-shares', {
        ...path(orgId),
        body: { withOrgId, shared, onward },
      }),
    ),
  importFile: (orgId: string, file: File, mode: 'preview' | 'apply') => {
    const form = new FormData();
    form.append('mode', mode);
    form.append('file', file, file.name);
    return sendUndescribed<ImportPreview>(
      http.POST('/api/orgs/{orgId}/suppliers/import', { ...path(orgId), body: multipart(form) }),
    );
  },
};
