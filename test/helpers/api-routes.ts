import { randomBytes, randomUUID } from 'node:crypto';
import { can, type ModulePermission } from '@shinrai/core';
import type { FastifyInstance } from 'fastify';

/**
 * Every route of the OpenAPI document, classified by who may call it. Tests walk the document and fail on
 * a route that is not listed here, so a new route cannot ship without an authorization decision.
 */
export type Role = 'owner' | 'admin' | 'member' | 'viewer' | 'auditor';
export const ROLES: readonly Role[] = ['owner', 'admin', 'member', 'viewer', 'auditor'];

export interface BodyContext {
  /** Slug of an organization the caller may ask for a relationship. */
  counterpartSlug: string;
  /** A catalog the organization may assess against. */
  catalogId: string;
}

export type RouteRule =
  /** Callable without signing in. */
  | { access: 'public'; body?: (c: BodyContext) => unknown }
  /** A signed-in person (session cookie); never an API token; no organization in the path. */
  | { access: 'user'; body?: (c: BodyContext) => unknown }
  /**
   * `/api/orgs/{orgId}/…`: members (and API tokens) of that organization whose role is in `roles`.
   * `userOnly`: API tokens are refused even with a sufficient role.
   */
  | {
      access: 'org';
      roles: readonly Role[];
      userOnly?: boolean;
      /**
       * Besides the role, only an instance administrator (signed in in person) may call it: instance
       * infrastructure such as the advisory database.
       */
      instanceAdmin?: boolean;
      body?: (c: BodyContext) => unknown;
    };

const ALL: readonly Role[] = ROLES;
const MANAGERS: readonly Role[] = ['owner', 'admin'];
const AUDIT: readonly Role[] = ['owner', 'auditor'];
/** Roles that fill in assessments. */
const WRITERS: readonly Role[] = ['owner', 'admin', 'member'];

export const ROUTES: Record<string, RouteRule> = {
  'GET /api/health': { access: 'public' },
  'GET /api/setup/status': { access: 'public' },
  'POST /api/setup': {
    access: 'public',
    body: () => ({
      setupCode: 'AAAA-BBBB-CCCC',
      email: 'intruder@example.jp',
      displayName: 'intruder',
      password: 'a long enough passphrase',
      organization: { name: '乗っ取り', kind: 'enterprise' },
    }),
  },
  'POST /api/auth/login': {
    access: 'public',
    body: () => ({ email: 'nobody@example.jp', password: 'not the password' }),
  },
  'POST /api/auth/login/totp': { access: 'public', body: () => ({ code: '123456' }) },
  'POST /api/auth/logout': { access: 'public' },
  'GET /api/auth/oidc': { access: 'public' },
  'GET /api/auth/oidc/start': { access: 'public' },
  'GET /api/auth/oidc/callback': { access: 'public' },
  'GET /api/invitations/{token}': { access: 'public' },
  'POST /api/invitations/{token}/accept': {
    access: 'public',
    body: () => ({ displayName: 'stranger', password: 'a long enough passphrase' }),
  },
  'GET /api/org-invitations/{token}': { access: 'public' },
  'POST /api/org-invitations/{token}/accept': {
    access: 'public',
    body: () => ({
      displayName: 'stranger',
      password: 'a long enough passphrase',
      organization: { name: '見知らぬ会社', kind: 'supplier' },
    }),
  },
  // The respondent's routes (supply-chain campaigns): a link, then its session cookie, is the credential.
  'POST /api/respond/open': { access: 'public', body: () => ({ token: 'r1_guess' }) },
  'POST /api/respond/relink': { access: 'public', body: () => ({ token: 'r1_guess' }) },
  'GET /api/respond/questionnaire': { access: 'public' },
  'PUT /api/respond/answers/{ref}': {
    access: 'public',
    body: () => ({ value: null, followUp: { reason: null, plannedDate: null } }),
  },
  'POST /api/respond/forward': {
    access: 'public',
    body: () => ({ email: 'colleague@example.jp', name: null, ref: null }),
  },
  'POST /api/respond/evidence': { access: 'public' },
  'POST /api/respond/submit': { access: 'public' },
  'GET /api/respond/reuse': { access: 'public' },
  'POST /api/respond/reuse': {
    access: 'public',
    body: () => ({ type: 'request', id: 'guess', refs: ['1'], confirm: true }),
  },
  // The TAXII 2.1 server (sharing): public at the HTTP level; an API token of a member organization, as Bearer or
  // HTTP Basic password, is its credential (test/api/taxii.test.ts covers members, groups and TLP).
  'GET /taxii2/': { access: 'public' },
  'GET /taxii2/{apiRoot}/': { access: 'public' },
  'GET /taxii2/{apiRoot}/collections/': { access: 'public' },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/': { access: 'public' },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/objects/': { access: 'public' },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/objects/{objectId}/': { access: 'public' },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/objects/{objectId}/versions/': { access: 'public' },
  'GET /taxii2/{apiRoot}/collections/{collectionId}/manifest/': { access: 'public' },
  'GET /taxii2/{apiRoot}/status/{statusId}/': { access: 'public' },

  'POST /api/orgs/{orgId}/supplychain/campaigns/check': {
    access: 'org',
    roles: WRITERS,
    body: (c) => ({ title: '巡回', catalogId: c.catalogId, deadline: '2099-12-31', supplierIds: [] }),
  },
  'POST /api/orgs/{orgId}/supplychain/campaigns': {
    access: 'org',
    roles: WRITERS,
    body: (c) => ({ title: '巡回', catalogId: c.catalogId, deadline: '2099-12-31', supplierIds: [] }),
  },
  // The supplier's inbox (requests addressed to it by its buyers, answered in-app; "answer once").
  'PUT /api/orgs/{orgId}/supplychain/inbox/{requestId}/answers/{ref}': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ value: null, followUp: { reason: null, plannedDate: null } }),
  },
  'POST /api/orgs/{orgId}/supplychain/inbox/{requestId}/reuse': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ type: 'request', id: 'guess', refs: ['1'], confirm: true }),
  },
  'POST /api/orgs/{orgId}/supplychain/inbox/{requestId}/forward': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ userId: '00000000-0000-4000-8000-000000000000', ref: null, note: null }),
  },
  'POST /api/orgs/{orgId}/supplychain/inbox/{requestId}/declaration': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ confirm: true }),
  },
  // "Answer once" with a ★ result: the supplier's own results (managers record) and showing one to a request.
  'POST /api/orgs/{orgId}/supplychain/star-results': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ level: 3, kind: 'self', obtainedOn: '2027-01-01', validUntil: '2099-12-31' }),
  },
  'PUT /api/orgs/{orgId}/supplychain/star-results/{starResultId}': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ level: 3, kind: 'self', obtainedOn: '2027-01-01', validUntil: '2099-12-31' }),
  },
  /** multipart/form-data: walked without a body (authorization comes before reading it). */
  'POST /api/orgs/{orgId}/supplychain/star-results/{starResultId}/evidence': {
    access: 'org',
    roles: MANAGERS,
  },
  'POST /api/orgs/{orgId}/supplychain/inbox/{requestId}/star-result': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ starResultId: '00000000-0000-4000-8000-000000000000', confirm: true }),
  },
  'POST /api/orgs/{orgId}/supplychain/requests/{requestId}/items/{ref}/return': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ note: '確認してください' }),
  },

  'GET /api/me': { access: 'user' },
  'PATCH /api/me': { access: 'user', body: () => ({ displayName: '変更後の名前' }) },
  'POST /api/me/password': {
    access: 'user',
    body: () => ({ currentPassword: 'not the password', newPassword: 'a brand new passphrase' }),
  },
  'POST /api/me/totp/setup': { access: 'user' },
  'POST /api/me/totp/enable': { access: 'user', body: () => ({ code: '123456' }) },
  'POST /api/me/totp/disable': { access: 'user', body: () => ({ password: 'not the password' }) },
  'POST /api/orgs': { access: 'user', body: () => ({ name: '新しい組織', kind: 'supplier' }) },

  'GET /api/orgs/{orgId}': { access: 'org', roles: ALL },
  'PATCH /api/orgs/{orgId}': { access: 'org', roles: MANAGERS, body: () => ({ industry: '不正な変更' }) },
  'GET /api/orgs/{orgId}/members': { access: 'org', roles: ALL },
  'PATCH /api/orgs/{orgId}/members/{userId}': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ role: 'viewer' }),
  },
  'DELETE /api/orgs/{orgId}/members/{userId}': { access: 'org', roles: MANAGERS },
  'GET /api/orgs/{orgId}/invitations': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/invitations': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ email: 'walker@example.jp', role: 'member' }),
  },
  'DELETE /api/orgs/{orgId}/invitations/{id}': { access: 'org', roles: MANAGERS },
  'GET /api/orgs/{orgId}/relationships': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/relationships': {
    access: 'org',
    roles: MANAGERS,
    body: (c) => ({ counterpartSlug: c.counterpartSlug, type: 'hub_member', side: 'from' }),
  },
  'POST /api/orgs/{orgId}/relationships/{id}/accept': { access: 'org', roles: MANAGERS },
  'POST /api/orgs/{orgId}/relationships/{id}/decline': { access: 'org', roles: MANAGERS },
  'POST /api/orgs/{orgId}/relationships/{id}/end': { access: 'org', roles: MANAGERS },
  'GET /api/orgs/{orgId}/relationships/pending': { access: 'org', roles: ALL },
  /** Finding organizations is for those who may ask them for a relationship. */
  'GET /api/orgs/{orgId}/directory': { access: 'org', roles: MANAGERS },
  'GET /api/orgs/{orgId}/org-invitations': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/org-invitations': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({
      email: 'walker-co@example.jp',
      companyName: '歩行者商事',
      type: 'buyer_supplier',
      side: 'from',
    }),
  },
  'GET /api/orgs/{orgId}/tokens': { access: 'org', roles: ['owner', 'admin', 'auditor'] },
  'POST /api/orgs/{orgId}/tokens': {
    access: 'org',
    roles: MANAGERS,
    userOnly: true,
    body: () => ({ name: 'walker', role: 'viewer', expiresInDays: 30 }),
  },
  'DELETE /api/orgs/{orgId}/tokens/{id}': { access: 'org', roles: MANAGERS },
  'GET /api/orgs/{orgId}/audit': { access: 'org', roles: AUDIT },
  'GET /api/orgs/{orgId}/audit.csv': { access: 'org', roles: AUDIT },
  'POST /api/orgs/{orgId}/audit/verify': { access: 'org', roles: AUDIT },
  'GET /api/orgs/{orgId}/jobs/{jobId}': { access: 'org', roles: ALL },

  'GET /api/orgs/{orgId}/catalogs': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/catalogs/{catalogId}': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/catalogs/{catalogId}/export.xlsx': { access: 'org', roles: ALL },
  /** multipart/form-data, not JSON: walked without a body (authorization comes before reading it). */
  'POST /api/orgs/{orgId}/catalogs/import': { access: 'org', roles: MANAGERS },
  'GET /api/orgs/{orgId}/assessments': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/assessments': {
    access: 'org',
    roles: WRITERS,
    body: (c) => ({ catalogId: c.catalogId, title: '歩行者による評価' }),
  },
  'GET /api/orgs/{orgId}/assessments/{id}': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/assessments/{id}/export.xlsx': { access: 'org', roles: ALL },
  /** multipart/form-data: walked without a body (authorization comes before reading it). */
  'POST /api/orgs/{orgId}/assessments/{id}/import': { access: 'org', roles: WRITERS },
  'GET /api/orgs/{orgId}/assessments/{id}/report.pdf': { access: 'org', roles: ALL },
  'PUT /api/orgs/{orgId}/assessments/{id}/answers/{ref}': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ value: null, comment: '歩行者', revision: 0 }),
  },
  'POST /api/orgs/{orgId}/assessments/{id}/status': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ to: 'in_review' }),
  },
  'GET /api/orgs/{orgId}/assessment-settings': { access: 'org', roles: ALL },
  'PUT /api/orgs/{orgId}/assessment-settings': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ fourEyes: false }),
  },
  'GET /api/orgs/{orgId}/mappings': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/sme/status': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/sme/policy': { access: 'org', roles: ALL },
  'PUT /api/orgs/{orgId}/sme/policy': {
    access: 'org',
    roles: WRITERS,
    body: () => ({
      companyName: '歩行者',
      representativeTitle: '代表',
      representativeName: '歩行 太郎',
      scope: '全社',
      contact: '総務',
      establishedOn: '2026-01-01',
    }),
  },
  'POST /api/orgs/{orgId}/sme/policy/publish': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ published: false }),
  },
  'GET /api/orgs/{orgId}/sme/policy.pdf': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/sme/declarations': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/sme/declarations': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ level: 'star1', declarationId: '51234567890', declaredOn: '2026-01-01' }),
  },
  'POST /api/orgs/{orgId}/suppliers': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ name: '検査用取引先' }),
  },
  'PATCH /api/orgs/{orgId}/suppliers/{supplierId}': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ notes: '検査' }),
  },
  'POST /api/orgs/{orgId}/suppliers/{supplierId}/contacts': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ name: '検査', email: 'probe@example.jp' }),
  },
  'POST /api/orgs/{orgId}/suppliers/{supplierId}/star': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ answers: { importantInfo: true, outageDelay: false, networkReach: false } }),
  },
  'PUT /api/orgs/{orgId}/suppliers/registry-shares': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ withOrgId: randomUUID(), shared: true }),
  },
  'GET /api/orgs/{orgId}/shares': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/shares': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ assessmentId: randomUUID(), withOrgId: randomUUID() }),
  },
  'DELETE /api/orgs/{orgId}/shares/{id}': { access: 'org', roles: MANAGERS },
  'GET /api/orgs/{orgId}/shared-with-us': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/shared-with-us/{shareId}': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/assessments/{id}/flags': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/assessments/{id}/evidence': { access: 'org', roles: ALL },
  /** multipart/form-data: walked without a body (authorization comes before reading it). */
  'POST /api/orgs/{orgId}/assessments/{id}/evidence': { access: 'org', roles: WRITERS },
  'GET /api/orgs/{orgId}/assessments/{id}/evidence/{evidenceId}': { access: 'org', roles: ALL },
  'DELETE /api/orgs/{orgId}/assessments/{id}/evidence/{evidenceId}': { access: 'org', roles: WRITERS },
  'GET /api/orgs/{orgId}/assessments/compare': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/assessments/trend': { access: 'org', roles: ALL },
  /** With apply: true it changes the assessment (writers only); a preview is a read. */
  'POST /api/orgs/{orgId}/assessments/{id}/upgrade': {
    access: 'org',
    roles: WRITERS,
    body: (c) => ({ catalogId: c.catalogId, apply: true }),
  },
  /** With apply: true it writes answers (writers only); a preview (apply: false) is a read. */
  'POST /api/orgs/{orgId}/assessments/{id}/prefill': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ sourceAssessmentId: randomUUID(), mappingSetId: randomUUID(), apply: true }),
  },
  'GET /api/orgs/{orgId}/governance/targets': { access: 'org', roles: ALL },
  /** Targets are an executive decision: owner and admin. */
  'PUT /api/orgs/{orgId}/governance/targets': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ targets: { 'directive-1': 5 } }),
  },
  'GET /api/orgs/{orgId}/governance/radar': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/governance/peers': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/governance/group': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/governance/actions': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/governance/actions': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ directive: 'directive-1', title: '歩行者', ownerId: randomUUID(), dueDate: '2026-01-01' }),
  },
  'PATCH /api/orgs/{orgId}/governance/actions/{actionId}': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ status: 'done' }),
  },
  'DELETE /api/orgs/{orgId}/governance/actions/{actionId}': { access: 'org', roles: MANAGERS },
  'POST /api/orgs/{orgId}/governance/reminders': { access: 'org', roles: MANAGERS },
  'GET /api/orgs/{orgId}/governance/report-notes': { access: 'org', roles: ALL },
  'PUT /api/orgs/{orgId}/governance/report-notes': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ assessmentId: randomUUID(), summary: '要約', commentary: 'コメント' }),
  },
  'GET /api/orgs/{orgId}/governance/report.pdf': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/governance/report.xlsx': { access: 'org', roles: ALL },
  /** CPSF models are risk assessments: everyone reads, assessment writers change them. */
  'GET /api/orgs/{orgId}/cpsf/models': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/cpsf/models': { access: 'org', roles: WRITERS, body: () => ({ name: '侵入' }) },
  'GET /api/orgs/{orgId}/cpsf/models/{modelId}': { access: 'org', roles: ALL },
  'PATCH /api/orgs/{orgId}/cpsf/models/{modelId}': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ name: '改名' }),
  },
  'DELETE /api/orgs/{orgId}/cpsf/models/{modelId}': { access: 'org', roles: WRITERS },
  'PUT /api/orgs/{orgId}/cpsf/models/{modelId}/graph': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ revision: 1, elements: [], edges: [] }),
  },
  'GET /api/orgs/{orgId}/cpsf/models/{modelId}/analysis': { access: 'org', roles: ALL },
  'PUT /api/orgs/{orgId}/cpsf/models/{modelId}/status/{elementId}/{requirementRef}': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ value: 'implemented', revision: 0 }),
  },
  'PUT /api/orgs/{orgId}/cpsf/models/{modelId}/plan/{elementId}/{requirementRef}': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ owner: null, dueDate: null, costEstimate: null, residualAcceptedBy: null, note: null }),
  },
  'POST /api/orgs/{orgId}/cpsf/models/{modelId}/risk-overrides': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ elementId: 'X', riskSourceRef: 'RS-01', action: 'dismiss', reason: '理由' }),
  },
  'DELETE /api/orgs/{orgId}/cpsf/models/{modelId}/risk-overrides/{overrideId}': {
    access: 'org',
    roles: WRITERS,
  },
  /** multipart/form-data: walked without a body (authorization comes before reading it). */
  'POST /api/orgs/{orgId}/cpsf/models/{modelId}/import': { access: 'org', roles: WRITERS },
  'GET /api/orgs/{orgId}/cpsf/models/{modelId}/export': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/cpsf/models/{modelId}/report': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/cpsf/catalog': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/cpsf/building-profile': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/software/products': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/software/products': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ name: '歩行製品', kind: 'device' }),
  },
  'GET /api/orgs/{orgId}/software/products/{productId}': { access: 'org', roles: ALL },
  'PATCH /api/orgs/{orgId}/software/products/{productId}': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ vendor: '不正な変更' }),
  },
  'DELETE /api/orgs/{orgId}/software/products/{productId}': { access: 'org', roles: WRITERS },
  'GET /api/orgs/{orgId}/software/products/{productId}/releases': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/software/products/{productId}/releases': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ version: '9.9.9' }),
  },
  'GET /api/orgs/{orgId}/software/releases/{releaseId}': { access: 'org', roles: ALL },
  'DELETE /api/orgs/{orgId}/software/releases/{releaseId}': { access: 'org', roles: WRITERS },
  'POST /api/orgs/{orgId}/software/releases/{releaseId}/sbom': { access: 'org', roles: WRITERS },
  'GET /api/orgs/{orgId}/software/releases/{releaseId}/components': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/software/releases/{releaseId}/findings': { access: 'org', roles: ALL },
  'PUT /api/orgs/{orgId}/software/findings/{findingId}/vex': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ status: 'affected' }),
  },
  'POST /api/orgs/{orgId}/software/releases/{releaseId}/vex': { access: 'org', roles: WRITERS },
  'GET /api/orgs/{orgId}/software/releases/{releaseId}/vex': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/software/releases/{releaseId}/vex/history': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/software/license-policy': { access: 'org', roles: ALL },
  'PUT /api/orgs/{orgId}/software/license-policy': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ allow: [], deny: ['GPL-3.0-only'] }),
  },
  'GET /api/orgs/{orgId}/software/releases/{releaseId}/licenses': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/software/releases/{releaseId}/artifacts': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/software/releases/{releaseId}/artifacts': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ filename: 'walker.bin', sha256: 'c'.repeat(64) }),
  },
  'POST /api/orgs/{orgId}/software/artifacts/verify': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ productName: 'none', releaseVersion: '0', sha256: 'c'.repeat(64) }),
  },
  'GET /api/orgs/{orgId}/software/incidents': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/software/where-used': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/software/shares': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/software/shares': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ releaseId: 'none', withOrgId: 'none' }),
  },
  'DELETE /api/orgs/{orgId}/software/shares/{shareId}': { access: 'org', roles: MANAGERS },
  'GET /api/orgs/{orgId}/software/notifications': { access: 'org', roles: ALL },
  'PUT /api/orgs/{orgId}/software/notifications': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ webhookUrl: null, emailEnabled: false }),
  },
  'GET /api/orgs/{orgId}/software/advisories/status': { access: 'org', roles: ALL },
  /** The instance-wide advisory database: instance administrators only (multipart: walked without a body). */
  'POST /api/orgs/{orgId}/software/advisories/import': {
    access: 'org',
    roles: MANAGERS,
    userOnly: true,
    instanceAdmin: true,
  },
  'GET /api/orgs/{orgId}/software/advisories/{advisoryId}': { access: 'org', roles: ALL },
  /** The scheduled advisory feed: everyone reads its status; instance administrators configure and run it. */
  'GET /api/orgs/{orgId}/software/advisories/feed': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/software/advisories/feed/sources': {
    access: 'org',
    roles: MANAGERS,
    userOnly: true,
    instanceAdmin: true,
    body: () => ({
      name: `walker-${randomUUID()}`,
      kind: 'http',
      location: 'https://osv.example.invalid/PyPI/all.zip',
      ecosystem: 'PyPI',
    }),
  },
  'PATCH /api/orgs/{orgId}/software/advisories/feed/sources/{sourceId}': {
    access: 'org',
    roles: MANAGERS,
    userOnly: true,
    instanceAdmin: true,
    body: () => ({
      name: `walker-${randomUUID()}`,
      kind: 'http',
      location: 'https://osv.example.invalid/PyPI/all.zip',
      ecosystem: 'PyPI',
    }),
  },
  'POST /api/orgs/{orgId}/software/advisories/feed/sources/{sourceId}/run': {
    access: 'org',
    roles: MANAGERS,
    userOnly: true,
    instanceAdmin: true,
  },
  'POST /api/orgs/{orgId}/cpsf/models/building': {
    access: 'org',
    roles: WRITERS,
    body: () => ({
      name: 'ビル',
      input: {
        buildingName: 'ビル',
        ownerName: '所有者',
        devices: [],
        externalConnection: false,
        cloud: false,
      },
    }),
  },
  // Attack-information sharing: bodies for the walker (read: everyone; write: writers; review/manage: managers).
  'PUT /api/orgs/{orgId}/sharing/hub': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ ndaVersion: 'walk' }),
  },
  'POST /api/orgs/{orgId}/sharing/groups': { access: 'org', roles: MANAGERS, body: () => ({ name: '侵入' }) },
  'PUT /api/orgs/{orgId}/sharing/groups/{groupId}/members': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ memberOrgIds: [] }),
  },
  'POST /api/orgs/{orgId}/sharing/hubs/{hubId}/nda': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ version: 'walk', named: true }),
  },
  'PUT /api/orgs/{orgId}/sharing/dictionary': { access: 'org', roles: MANAGERS, body: () => ({ terms: [] }) },
  'POST /api/orgs/{orgId}/sharing/hubs/{hubId}/reports': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ title: '侵入', text: '侵入', lang: 'ja', attackType: 'other', occurredOn: '2026-01-01' }),
  },
  'PUT /api/orgs/{orgId}/sharing/reports/{id}/review': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ revision: 1, publishedTitle: '侵入', redactions: [], indicators: [] }),
  },
  'POST /api/orgs/{orgId}/sharing/reports/{id}/decision': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ revision: 1, approve: true }),
  },
  'POST /api/orgs/{orgId}/sharing/reports/{id}/publish': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ revision: 1, tlp: 'clear' }),
  },
  /** multipart/form-data: walked without a body (authorization comes before reading it). */
  'POST /api/orgs/{orgId}/sharing/reports/{id}/attachments': { access: 'org', roles: WRITERS },
  'GET /api/orgs/{orgId}/sharing/reports/{id}/attachments/{attachmentId}': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/sharing/feed/{id}/comments': {
    access: 'org',
    roles: WRITERS,
    body: () => ({ kind: 'comment', text: '侵入' }),
  },
  'GET /api/orgs/{orgId}/sharing/notifications': { access: 'org', roles: ALL },
  'PUT /api/orgs/{orgId}/sharing/notifications': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({ webhookUrl: null, emailEnabled: false }),
  },
  // Outside intelligence (STIX 2.1 import, TAXII 2.1 client): the organization's own intake.
  /** multipart/form-data: walked without a body (authorization comes before reading it). */
  'POST /api/orgs/{orgId}/sharing/intake/imports': { access: 'org', roles: WRITERS },
  'GET /api/orgs/{orgId}/sharing/intake/imports': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/sharing/intake/objects': { access: 'org', roles: ALL },
  'GET /api/orgs/{orgId}/sharing/intake/sources': { access: 'org', roles: ALL },
  'POST /api/orgs/{orgId}/sharing/intake/sources': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({
      name: 'walk',
      apiRootUrl: 'https://taxii.example.org/api1/',
      collectionId: 'c1',
      authKind: 'none',
      intervalMinutes: 60,
    }),
  },
  'PUT /api/orgs/{orgId}/sharing/intake/sources/{sourceId}': {
    access: 'org',
    roles: MANAGERS,
    body: () => ({
      name: 'walk',
      apiRootUrl: 'https://taxii.example.org/api1/',
      collectionId: 'c1',
      authKind: 'none',
      intervalMinutes: 60,
    }),
  },
  'DELETE /api/orgs/{orgId}/sharing/intake/sources/{sourceId}': { access: 'org', roles: MANAGERS },
  'POST /api/orgs/{orgId}/sharing/intake/sources/{sourceId}/pull': { access: 'org', roles: WRITERS },
};

export interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string; example?: unknown; schema?: { examples?: unknown[] } }[];
  /** The permission an organization route declares (`config.permission` on the server). */
  'x-permission'?: string;
  /** Only a signed-in person, never an API token (`config.userOnly`). */
  'x-user-only'?: boolean;
  /** Only an instance administrator, in person (`config.instanceAdmin`). */
  'x-instance-admin'?: boolean;
}
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  additionalProperties?: boolean;
}
export interface DocumentedRoute {
  method: string;
  path: string;
  key: string;
  operation: OpenApiOperation;
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options']);

/** All (method, path) pairs of GET /api/openapi.json. */
export async function documentedRoutes(app: FastifyInstance): Promise<DocumentedRoute[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json: ${res.statusCode}`);
  const doc = JSON.parse(res.body) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const out: DocumentedRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, operation] of Object.entries(ops)) {
      if (!METHODS.has(m)) continue;
      const method = m.toUpperCase();
      out.push({ method, path, key: `${method} ${path}`, operation });
    }
  }
  return out;
}

/**
 * The rule an organization route declares for itself: the roles its `x-permission` grants, whether tokens
 * are refused (`x-user-only`) and whether only instance administrators pass (`x-instance-admin`).
 */
export function declaredRule(r: DocumentedRoute): RouteRule | undefined {
  const permission = r.operation['x-permission'];
  if (typeof permission !== 'string' || !r.path.startsWith('/api/orgs/{orgId}')) return undefined;
  const roles = ROLES.filter((role) => can(role, permission as ModulePermission));
  return {
    access: 'org',
    roles,
    ...(r.operation['x-user-only'] === true ? { userOnly: true } : {}),
    ...(r.operation['x-instance-admin'] === true ? { instanceAdmin: true } : {}),
  };
}

/** The JSON request-body schema of an operation, if it takes one. */
export function jsonBodySchema(op: OpenApiOperation): JsonSchema | undefined {
  return op.requestBody?.content?.['application/json']?.schema;
}

/** Real ids of one organization's resources, substituted for path parameters. */
export interface OrgResources {
  orgId: string;
  /** A member of the organization (not its only owner). */
  userId: string;
  invitationId: string;
  tokenId: string;
  relationshipId: string;
  jobId: string;
  /** A catalog the organization can see (built-in catalogs are shared by every organization). */
  catalogId: string;
  assessmentId: string;
  /** An item reference inside the catalog. */
  ref: string;
  /** An evidence file of the assessment (a random id when the walker has none). */
  evidenceId: string;
  /** A share made by the organization. */
  shareId: string;
  /** A share another organization made with this one. */
  receivedShareId: string;
  /** A CPSF model of the organization (with an element SENSOR-1). */
  modelId: string;
  /** A software product of the organization and one of its releases. */
  productId: string;
  releaseId: string;
  /** An advisory in the instance-wide advisory database. */
  advisoryId: string;
  /** A supplier in the organization's supplier registry. */
  supplierId: string;
  /** A supply-chain campaign, one of its requests and an evidence file a respondent attached. */
  campaignId: string;
  requestId: string;
  fileId: string;
  /** A request another organization's campaign addressed to this one (its supplier inbox). */
  inboxRequestId: string;
  /** A ★ result the organization recorded (with evidence; also attached to `requestId`). */
  starResultId: string;
  /** A sharing hub the organization is a member of, one of its sector groups, and a report published there. */
  hubId: string;
  sharingGroupId: string;
  sharingReportId: string;
  /** An attachment of that report (the organization is its reporter). */
  sharingAttachmentId: string;
  /** A TAXII source the organization pulls from (sharing intake). */
  intakeSourceId: string;
}

export const randomInvitationToken = () => randomBytes(32).toString('base64url');

export function randomResources(): OrgResources {
  return {
    orgId: randomUUID(),
    userId: randomUUID(),
    invitationId: randomUUID(),
    tokenId: randomUUID(),
    relationshipId: randomUUID(),
    jobId: randomUUID(),
    catalogId: randomUUID(),
    assessmentId: randomUUID(),
    ref: 'no-such-item',
    evidenceId: randomUUID(),
    shareId: randomUUID(),
    receivedShareId: randomUUID(),
    modelId: randomUUID(),
    productId: randomUUID(),
    releaseId: randomUUID(),
    advisoryId: 'GHSA-none-none-none',
    supplierId: randomUUID(),
    campaignId: randomUUID(),
    requestId: randomUUID(),
    fileId: randomUUID(),
    inboxRequestId: randomUUID(),
    starResultId: randomUUID(),
    hubId: randomUUID(),
    sharingGroupId: randomUUID(),
    sharingReportId: randomUUID(),
    sharingAttachmentId: randomUUID(),
    intakeSourceId: randomUUID(),
  };
}

/** Required query strings of routes that take them (path → query built from the resources). */
const QUERIES: Record<string, (r: OrgResources) => string> = {
  '/api/orgs/{orgId}/assessments/compare': (r) => `a=${r.assessmentId}&b=${r.assessmentId}`,
  '/api/orgs/{orgId}/software/where-used': () => `purl=${encodeURIComponent('pkg:npm/flatmap-stream')}`,
  '/api/orgs/{orgId}/directory': () => `q=${encodeURIComponent('商事')}`,
  '/api/orgs/{orgId}/assessments/trend': () =>
    `urn=${encodeURIComponent('urn:shinrai:catalog:ipa-sme-self-check')}`,
};

/** Fills `{param}`s of an OpenAPI path; an unknown parameter name fails, so new routes get classified. */
/**
 * A concrete URL for a documented path. Parameters that name an organization's resources come from
 * `r`; any other parameter takes the example its route declares (e.g. a threat key).
 */
export function fillPath(path: string, r: OrgResources, op?: OpenApiOperation): string {
  const query = QUERIES[path];
  return fillParams(path, r, pathExamples(op)) + (query ? `?${query(r)}` : '');
}

/** Path parameters whose example value the route declares (shared content, not an organization's). */
export function pathExamples(op: OpenApiOperation | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of op?.parameters ?? []) {
    const example = p.schema?.examples?.[0] ?? p.example;
    if (p.in === 'path' && typeof example === 'string') out[p.name] = example;
  }
  return out;
}

function fillParams(path: string, r: OrgResources, examples: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
    const before = path.slice(0, offset);
    switch (name) {
      case 'orgId':
        return r.orgId;
      case 'userId':
        return r.userId;
      case 'jobId':
        return r.jobId;
      case 'catalogId':
        return r.catalogId;
      case 'evidenceId':
        return r.evidenceId;
      case 'attachmentId':
        return r.sharingAttachmentId;
      case 'actionId':
        // A governance action item: the walker has none, so a random id (lookups come after authorization).
        return randomUUID();
      case 'modelId':
        return r.modelId;
      case 'advisoryId':
        return encodeURIComponent(r.advisoryId);
      case 'productId':
        return r.productId;
      case 'releaseId':
        return r.releaseId;
      case 'findingId':
        // A software finding: the walker has none, so a random id (lookups come after authorization).
        return randomUUID();
      case 'campaignId':
        return r.campaignId;
      case 'requestId':
        return before.endsWith('/supplychain/inbox/') ? r.inboxRequestId : r.requestId;
      case 'fileId':
        return r.fileId;
      case 'starResultId':
        return r.starResultId;
      case 'mailId':
        // An outbox mail: the walker has none, so a random id (lookups come after authorization).
        return randomUUID();
      case 'overrideId':
        // A risk-source override: the walker has none, so a random id (lookups come after authorization).
        return randomUUID();
      case 'supplierId':
        return r.supplierId;
      case 'contactId':
        // A supplier's contact: the walker has none, so a random id (lookups come after authorization).
        return randomUUID();
      case 'elementId':
        return 'SENSOR-1';
      case 'apiRoot':
      case 'collectionId':
      case 'statusId':
        // TAXII: a hub, a collection, a status; the walker uses unknown ones (authentication comes first).
        return randomUUID();
      case 'objectId':
        return `indicator--${randomUUID()}`;
      case 'hubId':
        return r.hubId;
      case 'groupId':
        return r.sharingGroupId;
      case 'sourceId':
        return r.intakeSourceId;
      case 'requirementRef':
        return 'RQ-01-1';
      case 'shareId':
        return r.receivedShareId;
      case 'ref':
        return encodeURIComponent(r.ref);
      case 'token':
        return randomInvitationToken();
      case 'id':
        if (before.endsWith('/invitations/')) return r.invitationId;
        if (before.endsWith('/tokens/')) return r.tokenId;
        if (before.endsWith('/relationships/')) return r.relationshipId;
        if (before.endsWith('/assessments/')) return r.assessmentId;
        if (before.endsWith('/shares/')) return r.shareId;
        if (before.endsWith('/sharing/reports/') || before.endsWith('/sharing/feed/'))
          return r.sharingReportId;
        throw new Error(`no resource id known for {id} in ${path}`);
      default:
        if (examples[name] !== undefined) return encodeURIComponent(examples[name]);
        throw new Error(`unknown path parameter {${name}} in ${path}: teach fillPath about it`);
    }
  });
}
