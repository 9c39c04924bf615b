import { http, send } from '../../api/client';
import type { Item, ResponseOf } from '../../api/schema';

export type ThreatYear = ResponseOf<'/api/orgs/{orgId}/threats', 'get'>;
export type ThreatRow = Item<ThreatYear['rows']>;
export type ThreatDetail = ResponseOf<'/api/orgs/{orgId}/threats/{key}', 'get'>;
export type ThreatCoverage = ResponseOf<'/api/orgs/{orgId}/threats/{key}/coverage', 'get'>;

/** The threat library's calls (the module's own: the shared client stays unchanged). */
export const threatsApi = {
  year: (orgId: string, year?: number) =>
    send(
      http.GET('/api/orgs/{orgId}/threats', {
        params: { path: { orgId }, query: year === undefined ? {} : { year } },
      }),
    ),
  threat: (orgId: string, key: string) =>
    send(http.GET('/api/orgs/{orgId}/threats/{key}', { params: { path: { orgId, key } } })),
  coverage: (orgId: string, key: string) =>
    send(http.GET('/api/orgs/{orgId}/threats/{key}/coverage', { params: { path: { orgId, key } } })),
};
