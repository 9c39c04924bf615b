import { href, http, multipart, send } from '../../api/client';
import type { BodyOf, Item, ResponseOf } from '../../api/schema';

export type Overview = ResponseOf<'/api/orgs/{orgId}/sharing/overview', 'get'>;
export type Membership = Item<Overview['memberships']>;
export type ReportDetail = ResponseOf<'/api/orgs/{orgId}/sharing/reports/{id}', 'get'>['report'];
export type ReportLists = ResponseOf<'/api/orgs/{orgId}/sharing/reports', 'get'>;
export type Published = ResponseOf<'/api/orgs/{orgId}/sharing/feed/{id}', 'get'>['report'];
export type Member = Item<ResponseOf<'/api/orgs/{orgId}/sharing/members', 'get'>['items']>;
export type Group = Item<ResponseOf<'/api/orgs/{orgId}/sharing/groups', 'get'>['items']>;
export type ReportInput = BodyOf<'/api/orgs/{orgId}/sharing/hubs/{hubId}/reports', 'post'>;
export type ReviewInput = BodyOf<'/api/orgs/{orgId}/sharing/reports/{id}/review', 'put'>;
export type Tlp = NonNullable<ReportDetail['tlp']>;
export type Attachment = ReportDetail['attachments'][number];

/** The largest attachment the server takes (10 MB), checked here too so a big file is not sent. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export type NotifySettings = ResponseOf<'/api/orgs/{orgId}/sharing/notifications', 'get'>;
export type Delivery = Item<NotifySettings['deliveries']>;

const org = (orgId: string) => ({ params: { path: { orgId } } });
const byId = (orgId: string, id: string) => ({ params: { path: { orgId, id } } });

/** The sharing module's calls. */
export const sharingApi = {
  overview: (orgId: string) => send(http.GET('/api/orgs/{orgId}/sharing/overview', org(orgId))),
  setHub: (orgId: string, ndaVersion: string) =>
    send(http.PUT('/api/orgs/{orgId}/sharing/hub', { ...org(orgId), body: { ndaVersion } })),
  members: (orgId: string) => send(http.GET('/api/orgs/{orgId}/sharing/members', org(orgId))),
  groups: (orgId: string) => send(http.GET('/api/orgs/{orgId}/sharing/groups', org(orgId))),
  createGroup: (orgId: string, name: string) =>
    send(http.POST('/api/orgs/{orgId}/sharing/groups', { ...org(orgId), body: { name } })),
  setGroupMembers: (orgId: string, groupId: string, memberOrgIds: string[]) =>
    send(
      http.PUT('/api/orgs/{orgId}/sharing/groups/{groupId}/members', {
        params: { path: { orgId, groupId } },
        body: { memberOrgIds },
      }),
    ),
  acceptNda: (orgId: string, hubId: string, version: string, named: boolean) =>
    send(
      http.POST('/api/orgs/{orgId}/sharing/hubs/{hubId}/nda', {
        params: { path: { orgId, hubId } },
        body: { version, named },
      }),
    ),
  submit: (orgId: string, hubId: string, body: ReportInput) =>
    send(
      http.POST('/api/orgs/{orgId}/sharing/hubs/{hubId}/reports', {
        params: { path: { orgId, hubId } },
        body,
      }),
    ),
  attach: (orgId: string, id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return send(
      http.POST('/api/orgs/{orgId}/sharing/reports/{id}/attachments', {
        ...byId(orgId, id),
        body: multipart(form),
      }),
    );
  },
  attachmentUrl: (orgId: string, id: string, attachmentId: string) =>
    href('/api/orgs/{orgId}/sharing/reports/{id}/attachments/{attachmentId}', { orgId, id, attachmentId }),
  reports: (orgId: string) => send(http.GET('/api/orgs/{orgId}/sharing/reports', org(orgId))),
  report: (orgId: string, id: string) =>
    send(http.GET('/api/orgs/{orgId}/sharing/reports/{id}', byId(orgId, id))),
  review: (orgId: string, id: string, body: ReviewInput) =>
    send(http.PUT('/api/orgs/{orgId}/sharing/reports/{id}/review', { ...byId(orgId, id), body })),
  decide: (orgId: string, id: string, revision: number, approve: boolean, note?: string) =>
    send(
      http.POST('/api/orgs/{orgId}/sharing/reports/{id}/decision', {
        ...byId(orgId, id),
        body: { revision, approve, ...(note ? { note } : {}) },
      }),
    ),
  publish: (orgId: string, id: string, revision: number, tlp: Tlp, groupIds: string[]) =>
    send(
      http.POST('/api/orgs/{orgId}/sharing/reports/{id}/publish', {
        ...byId(orgId, id),
        body: { revision, tlp, groupIds },
      }),
    ),
  feed: (orgId: string) => send(http.GET('/api/orgs/{orgId}/sharing/feed', org(orgId))),
  feedItem: (orgId: string, id: string) =>
    send(http.GET('/api/orgs/{orgId}/sharing/feed/{id}', byId(orgId, id))),
  comment: (orgId: string, id: string, kind: 'sighting' | 'comment', text: string) =>
    send(
      http.POST('/api/orgs/{orgId}/sharing/feed/{id}/comments', { ...byId(orgId, id), body: { kind, text } }),
    ),
  notifications: (orgId: string) => send(http.GET('/api/orgs/{orgId}/sharing/notifications', org(orgId))),
  setNotifications: (
    orgId: string,
    body: { webhookUrl: string | null; emailEnabled: boolean; emailTo: string | null },
  ) => send(http.PUT('/api/orgs/{orgId}/sharing/notifications', { ...org(orgId), body })),
};
