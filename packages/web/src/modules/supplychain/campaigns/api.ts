import { ApiError, http, send, sendVoid } from '../../../api/client';
import type { BodyOf, Item, ResponseOf } from '../../../api/schema';
import { currentLanguage } from '../../../i18n';
import i18n from 'i18next';

export type CampaignInput = BodyOf<'/api/orgs/{orgId}/supplychain/campaigns', 'post'>;
export type CampaignCheck = Item<
  ResponseOf<'/api/orgs/{orgId}/supplychain/campaigns/check', 'post'>['checks']
>;
export type CampaignSummary = Item<ResponseOf<'/api/orgs/{orgId}/supplychain/campaigns', 'get'>['items']>;
export type CampaignDetail = ResponseOf<'/api/orgs/{orgId}/supplychain/campaigns/{campaignId}', 'get'>;
export type RequestReview = ResponseOf<'/api/orgs/{orgId}/supplychain/requests/{requestId}', 'get'>;
export type OutboxMail = Item<ResponseOf<'/api/orgs/{orgId}/supplychain/outbox', 'get'>['items']>;
export type Questionnaire = ResponseOf<'/api/respond/questionnaire', 'get'>;
export type RespondItem = Item<Questionnaire['items']>;
export type RespondValue = RespondItem['value'];
export type FollowUp = RespondItem['followUp'];
/** What a respondent sends: never a file answer (the server counts an item's files itself). */
export const sendable = (v: RespondValue) => (v?.kind === 'file' ? null : v);

/** The buyer's calls (signed in). */
export const campaignsApi = {
  list: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/supplychain/campaigns', { params: { path: { orgId } } })),
  check: (orgId: string, body: CampaignInput) =>
    send(http.POST('/api/orgs/{orgId}/supplychain/campaigns/check', { params: { path: { orgId } }, body })),
  send: (orgId: string, body: CampaignInput) =>
    send(http.POST('/api/orgs/{orgId}/supplychain/campaigns', { params: { path: { orgId } }, body })),
  detail: (orgId: string, campaignId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/supplychain/campaigns/{campaignId}', {
        params: { path: { orgId, campaignId } },
      }),
    ),
  request: (orgId: string, requestId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/supplychain/requests/{requestId}', {
        params: { path: { orgId, requestId } },
      }),
    ),
  returnItem: (orgId: string, requestId: string, ref: string, note: string) =>
    sendVoid(
      http.POST('/api/orgs/{orgId}/supplychain/requests/{requestId}/items/{ref}/return', {
        params: { path: { orgId, requestId, ref } },
        body: { note },
      }),
    ),
  acceptItem: (orgId: string, requestId: string, ref: string) =>
    sendVoid(
      http.POST('/api/orgs/{orgId}/supplychain/requests/{requestId}/items/{ref}/accept', {
        params: { path: { orgId, requestId, ref } },
      }),
    ),
  accept: (orgId: string, requestId: string) =>
    sendVoid(
      http.POST('/api/orgs/{orgId}/supplychain/requests/{requestId}/accept', {
        params: { path: { orgId, requestId } },
      }),
    ),
  outbox: (orgId: string, campaignId?: string) =>
    send(
      http.GET('/api/orgs/{orgId}/supplychain/outbox', {
        params: { path: { orgId }, query: campaignId ? { campaignId } : {} },
      }),
    ),
  resend: (orgId: string, mailId: string) =>
    send(
      http.POST('/api/orgs/{orgId}/supplychain/outbox/{mailId}/resend', {
        params: { path: { orgId, mailId } },
      }),
    ),
  copyLink: (orgId: string, mailId: string) =>
    send(
      http.POST('/api/orgs/{orgId}/supplychain/outbox/{mailId}/link', {
        params: { path: { orgId, mailId } },
      }),
    ),
};

/**
 * The respondent's calls: no account; the respondent cookie (scoped to /api/respond) and its own CSRF
 * token, sent here explicitly (not the signed-in session's).
 */
async function respond<T>(method: string, path: string, body?: unknown, csrf?: string | null): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (csrf) headers['x-csrf-token'] = csrf;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(`/api/respond/${path}`, { method, headers, credentials: 'same-origin', body: payload });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common.networkError', { defaultValue: 'Network error' }));
  }
  if (!res.ok) {
    const parsed = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string; details?: unknown };
    } | null;
    throw new ApiError(
      res.status,
      parsed?.error?.code ?? 'internal',
      parsed?.error?.message ?? res.statusText,
      parsed?.error?.details,
    );
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export const respondApi = {
  open: (token: string) => respond<{ opened: true }>('POST', 'open', { token }),
  relink: (token: string) => respond<{ queued: true }>('POST', 'relink', { token }),
  questionnaire: () => respond<Questionnaire>('GET', 'questionnaire'),
  answer: (csrf: string, ref: string, value: RespondValue, followUp: FollowUp) =>
    respond<void>('PUT', `answers/${encodeURIComponent(ref)}`, { value: sendable(value), followUp }, csrf),
  forward: (csrf: string, body: { email: string; name: string | null; ref: string | null }) =>
    respond<{ queued: true }>('POST', 'forward', body, csrf),
  evidence: (csrf: string, ref: string, file: File) => {
    const form = new FormData();
    form.append('ref', ref);
    form.append('file', file, file.name);
    return respond<{ evidence: { id: string; name: string; size: number; sha256: string } }>(
      'POST',
      'evidence',
      form,
      csrf,
    );
  },
  submit: (csrf: string) => respond<void>('POST', 'submit', undefined, csrf),
  offers: () => respond<ResponseOf<'/api/respond/reuse', 'get'>>('GET', 'reuse'),
  reuse: (csrf: string, offer: { type: 'request' | 'assessment'; id: string }, refs: string[]) =>
    respond<{ filled: number }>(
      'POST',
      'reuse',
      { type: offer.type, id: offer.id, refs, confirm: true },
      csrf,
    ),
};
