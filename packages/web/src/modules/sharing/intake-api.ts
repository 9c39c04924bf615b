import { http, multipart, send, sendUndescribed, sendVoid } from '../../api/client';
import type { BodyOf, Item, ResponseOf } from '../../api/schema';

export type ImportSummary = ResponseOf<'/api/orgs/{orgId}/sharing/intake/imports', 'post'>;
export type ImportRecord = Item<ResponseOf<'/api/orgs/{orgId}/sharing/intake/imports', 'get'>['imports']>;
export type IntakeObjects = ResponseOf<'/api/orgs/{orgId}/sharing/intake/objects', 'get'>;
export type IntakeObject = Item<IntakeObjects['objects']>;
export type IntakeSource = Item<ResponseOf<'/api/orgs/{orgId}/sharing/intake/sources', 'get'>['sources']>;
export type SourceInput = BodyOf<'/api/orgs/{orgId}/sharing/intake/sources', 'post'>;
export interface ObjectFilter {
  view: 'reports' | 'indicators';
  tlp?: string;
  source?: string;
}

const org = (orgId: string) => ({ params: { path: { orgId } } });
const src = (orgId: string, sourceId: string) => ({ params: { path: { orgId, sourceId } } });

/** Outside intelligence: STIX bundle uploads, what they hold, TAXII sources. */
export const intakeApi = {
  upload: (orgId: string, file: File, lang: 'ja' | 'en') => {
    const form = new FormData();
    form.append('file', file, file.name);
    return sendUndescribed<ImportSummary>(
      http.POST('/api/orgs/{orgId}/sharing/intake/imports', {
        params: { path: { orgId }, query: { lang } },
        body: multipart(form),
      }),
    );
  },
  imports: (orgId: string) => send(http.GET('/api/orgs/{orgId}/sharing/intake/imports', org(orgId))),
  objects: (orgId: string, f: ObjectFilter) =>
    send(
      http.GET('/api/orgs/{orgId}/sharing/intake/objects', {
        params: {
          path: { orgId },
          query: {
            view: f.view,
            ...(f.tlp ? { tlp: f.tlp as 'clear' } : {}),
            ...(f.source ? { source: f.source } : {}),
          },
        },
      }),
    ),
  sources: (orgId: string) => send(http.GET('/api/orgs/{orgId}/sharing/intake/sources', org(orgId))),
  addSource: (orgId: string, body: SourceInput) =>
    send(http.POST('/api/orgs/{orgId}/sharing/intake/sources', { ...org(orgId), body })),
  removeSource: (orgId: string, sourceId: string) =>
    sendVoid(http.DELETE('/api/orgs/{orgId}/sharing/intake/sources/{sourceId}', src(orgId, sourceId))),
  pull: (orgId: string, sourceId: string) =>
    send(http.POST('/api/orgs/{orgId}/sharing/intake/sources/{sourceId}/pull', src(orgId, sourceId))),
};
