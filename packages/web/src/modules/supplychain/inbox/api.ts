import { http, multipart, send, sendVoid } from '../../../api/client';
import type { Item, ResponseOf } from '../../../api/schema';
import { sendable, type FollowUp, type RespondValue } from '../campaigns/api';

export type InboxList = ResponseOf<'/api/orgs/{orgId}/supplychain/inbox', 'get'>;
export type InboxEntry = Item<InboxList['items']>;
export type ReuseOffers = ResponseOf<'/api/orgs/{orgId}/supplychain/inbox/{requestId}/reuse', 'get'>;
export type Declaration = NonNullable<ReuseOffers['declaration']>;
export type ReuseOffer = Item<
  ResponseOf<'/api/orgs/{orgId}/supplychain/inbox/{requestId}/reuse', 'get'>['items']
>;

export type StarOffer = ResponseOf<'/api/orgs/{orgId}/supplychain/inbox/{requestId}/star-result', 'get'>;
export type ShownStar = StarOffer['items'][number]['shown'];
export type OwnStar = Item<ResponseOf<'/api/orgs/{orgId}/supplychain/star-results', 'get'>['items']>;
export interface NewStar {
  level: 3 | 4;
  kind: 'self' | 'third_party';
  obtainedOn: string;
  validUntil: string;
  bodyName: string | null;
  registrationNo: string | null;
  assessmentId: string | null;
}

const path = (orgId: string, requestId: string) => ({ params: { path: { orgId, requestId } } });

/** The supplier's calls from its own account (signed in; the session's CSRF token). */
export const inboxApi = {
  list: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/supplychain/inbox', { params: { path: { orgId } } })),
  questionnaire: (orgId: string, requestId: string) =>
    send(http.GET('/api/orgs/{orgId}/supplychain/inbox/{requestId}', path(orgId, requestId))),
  answer: (orgId: string, requestId: string, ref: string, value: RespondValue, followUp: FollowUp) =>
    sendVoid(
      http.PUT('/api/orgs/{orgId}/supplychain/inbox/{requestId}/answers/{ref}', {
        params: { path: { orgId, requestId, ref } },
        body: { value: sendable(value), followUp },
      }),
    ),
  evidence: (orgId: string, requestId: string, ref: string, file: File) => {
    const form = new FormData();
    form.append('ref', ref);
    form.append('file', file, file.name);
    return sendVoid(
      http.POST('/api/orgs/{orgId}/supplychain/inbox/{requestId}/evidence', {
        ...path(orgId, requestId),
        body: multipart(form),
      }),
    );
  },
  submit: (orgId: string, requestId: string) =>
    sendVoid(http.POST('/api/orgs/{orgId}/supplychain/inbox/{requestId}/submit', path(orgId, requestId))),
  offers: (orgId: string, requestId: string) =>
    send(http.GET('/api/orgs/{orgId}/supplychain/inbox/{requestId}/reuse', path(orgId, requestId))),
  attachDeclaration: (orgId: string, requestId: string) =>
    send(
      http.POST('/api/orgs/{orgId}/supplychain/inbox/{requestId}/declaration', {
        ...path(orgId, requestId),
        body: { confirm: true },
      }),
    ),
  forward: (
    orgId: string,
    requestId: string,
    body: { userId: string; ref: string | null; note: string | null },
  ) =>
    send(
      http.POST('/api/orgs/{orgId}/supplychain/inbox/{requestId}/forward', {
        ...path(orgId, requestId),
        body,
      }),
    ),
  reuse: (orgId: string, requestId: string, offer: ReuseOffer, refs: string[]) =>
    send(
      http.POST('/api/orgs/{orgId}/supplychain/inbox/{requestId}/reuse', {
        ...path(orgId, requestId),
        body: { type: offer.type, id: offer.id, refs, confirm: true },
      }),
    ),
  starOffer: (orgId: string, requestId: string) =>
    send(http.GET('/api/orgs/{orgId}/supplychain/inbox/{requestId}/star-result', path(orgId, requestId))),
  attachStar: (orgId: string, requestId: string, starResultId: string) =>
    send(
      http.POST('/api/orgs/{orgId}/supplychain/inbox/{requestId}/star-result', {
        ...path(orgId, requestId),
        body: { starResultId, confirm: true },
      }),
    ),
  withdrawStar: (orgId: string, requestId: string) =>
    sendVoid(
      http.DELETE('/api/orgs/{orgId}/supplychain/inbox/{requestId}/star-result', path(orgId, requestId)),
    ),
  starResults: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/supplychain/star-results', { params: { path: { orgId } } })),
  recordStar: (orgId: string, body: NewStar) =>
    send(http.POST('/api/orgs/{orgId}/supplychain/star-results', { params: { path: { orgId } }, body })),
  editStar: (orgId: string, starResultId: string, body: NewStar) =>
    send(
      http.PUT('/api/orgs/{orgId}/supplychain/star-results/{starResultId}', {
        params: { path: { orgId, starResultId } },
        body,
      }),
    ),
  starEvidence: (orgId: string, starResultId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return sendVoid(
      http.POST('/api/orgs/{orgId}/supplychain/star-results/{starResultId}/evidence', {
        params: { path: { orgId, starResultId } },
        body: multipart(form),
      }),
    );
  },
};
