import { api, http, multipart, send, sendUndescribed, sendVoid, href } from '../../api/client';
import type { Item, ResponseOf } from '../../api/schema';
import type { Member } from '../../api/types';

export type Evidence = Item<ResponseOf<'/api/orgs/{orgId}/assessments/{id}/evidence', 'get'>['items']>;
export type AssessmentSettings = ResponseOf<'/api/orgs/{orgId}/assessment-settings', 'get'>['settings'];

/** The largest evidence file the server takes (10 MB), checked here too so a big file is not sent. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Evidence files, members to assign and review settings: the module's own calls (the shared client stays unchanged). */
export const assessmentsApi = {
  evidence: (orgId: string, id: string) =>
    send(http.GET('/api/orgs/{orgId}/assessments/{id}/evidence', { params: { path: { orgId, id } } })),
  uploadEvidence: (orgId: string, id: string, ref: string, file: File) => {
    const form = new FormData();
    form.append('ref', ref);
    form.append('file', file, file.name);
    return sendUndescribed<{ evidence: Evidence }>(
      http.POST('/api/orgs/{orgId}/assessments/{id}/evidence', {
        params: { path: { orgId, id } },
        body: multipart(form),
      }),
    );
  },
  evidenceUrl: (orgId: string, id: string, evidenceId: string) =>
    href('/api/orgs/{orgId}/assessments/{id}/evidence/{evidenceId}', { orgId, id, evidenceId }),
  deleteEvidence: (orgId: string, id: string, evidenceId: string) =>
    sendVoid(
      http.DELETE('/api/orgs/{orgId}/assessments/{id}/evidence/{evidenceId}', {
        params: { path: { orgId, id, evidenceId } },
      }),
    ),
  settings: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/assessment-settings', { params: { path: { orgId } } })),
  saveSettings: (orgId: string, fourEyes: boolean) =>
    send(
      http.PUT('/api/orgs/{orgId}/assessment-settings', {
        params: { path: { orgId } },
        body: { fourEyes },
      }),
    ),
  /** Every member of the organization (the assignee picker), page after page. */
  allMembers: async (orgId: string): Promise<Member[]> => {
    const out: Member[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 40; i++) {
      const page = await api.members(orgId, cursor);
      out.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return out;
  },
};
