// Software supply chain (ソフトウェアサプライチェーン): products, releases, SBOMs, findings with VEX,
// components, licenses, artifacts, where-used and the advisory database. Types are derived from the
// server's OpenAPI description (schema.gen.ts).
import { href, http, multipart, send, sendVoid } from './client';
import { allOf, type BodyOf, type Item, type Narrow, type QueryOf, type ResponseOf } from './schema';

type SoftwareRoute<P extends string> = `/api/orgs/{orgId}/software${P}`;

export type Product = Item<ResponseOf<SoftwareRoute<'/products'>, 'get'>['items']>;
export type ProductInput = BodyOf<SoftwareRoute<'/products'>, 'post'>;
export type ProductKind = Product['kind'];
export const PRODUCT_KINDS = allOf<ProductKind>()(['device', 'application', 'library', 'service']);
export type Risk = Product['risk'];

export type Release = Item<ResponseOf<SoftwareRoute<'/products/{productId}/releases'>, 'get'>['items']>;
export type ReleaseInput = BodyOf<SoftwareRoute<'/products/{productId}/releases'>, 'post'>;
export type SbomInfo = NonNullable<Release['sbom']>;

export type Component = Item<ResponseOf<SoftwareRoute<'/releases/{releaseId}/components'>, 'get'>['items']>;

export type VexInput = BodyOf<SoftwareRoute<'/findings/{findingId}/vex'>, 'put'>;
export type VexStatus = VexInput['status'];
export const VEX_STATUSES = allOf<VexStatus>()(['under_investigation', 'affected', 'not_affected', 'fixed']);
/** CycloneDX / OpenVEX justifications for `not_affected` (the values both formats share). */
export type VexJustification = NonNullable<VexInput['justification']>;
export const VEX_JUSTIFICATIONS = allOf<VexJustification>()([
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
]);
export type VexHistoryEntry = Item<
  ResponseOf<SoftwareRoute<'/releases/{releaseId}/vex/history'>, 'get'>['items']
>;
export type VexFormat = NonNullable<QueryOf<SoftwareRoute<'/releases/{releaseId}/vex'>, 'get'>['format']>;
export const VEX_FORMATS = allOf<VexFormat>()(['cyclonedx', 'openvex']);

/** narrowed: the findings and advisory routes describe `severity` as a string. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

type FindingJson = Item<ResponseOf<SoftwareRoute<'/releases/{releaseId}/findings'>, 'get'>['items']>;
/** narrowed: GET …/releases/{releaseId}/findings describes `vex.status` as a string. */
export type Vex = Narrow<NonNullable<FindingJson['vex']>, { status: VexStatus }>;
/** narrowed: `severity` and `vex.status` (see Severity, Vex). */
export type Finding = Narrow<FindingJson, { severity: Severity; vex: Vex | null }>;

export type LicensePolicy = ResponseOf<SoftwareRoute<'/license-policy'>, 'get'>;
export type WhereUsedEcosystem = NonNullable<QueryOf<SoftwareRoute<'/where-used'>, 'get'>['ecosystem']>;
export type LicenseReport = ResponseOf<SoftwareRoute<'/releases/{releaseId}/licenses'>, 'get'>;
/** One component of a release whose license the policy denies or cannot decide. */
export type LicenseViolation = Item<LicenseReport['items']>;

export type ArtifactInput = BodyOf<SoftwareRoute<'/releases/{releaseId}/artifacts'>, 'post'>;
/** Signature metadata registered with an artifact (all optional). */
export type ArtifactSignature = NonNullable<ArtifactInput['signature']>;
export type Artifact = Item<ResponseOf<SoftwareRoute<'/releases/{releaseId}/artifacts'>, 'get'>['items']>;
export type VerifyInput = BodyOf<SoftwareRoute<'/artifacts/verify'>, 'post'>;
export type VerifyResult = ResponseOf<SoftwareRoute<'/artifacts/verify'>, 'post'>['result'];

export type WhereUsedItem = Item<ResponseOf<SoftwareRoute<'/where-used'>, 'get'>['items']>;

export type AdvisoryStatus = ResponseOf<SoftwareRoute<'/advisories/status'>, 'get'>;
export type ImportRow = NonNullable<AdvisoryStatus['lastImport']>;
/** narrowed: `severity` (see Severity). */
export type Advisory = Narrow<
  ResponseOf<SoftwareRoute<'/advisories/{advisoryId}'>, 'get'>['advisory'],
  { severity: Severity }
>;

/** A release share as the supplier sees it; `state` says whether the buyer still sees the release. */
export type SoftwareShare = Item<ResponseOf<SoftwareRoute<'/shares'>, 'get'>['items']>;
export type NotificationSettings = ResponseOf<SoftwareRoute<'/notifications'>, 'get'>;
export type Incident = Item<ResponseOf<SoftwareRoute<'/incidents'>, 'get'>['items']>;

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

const org = (orgId: string) => ({ path: { orgId } });
const release = (orgId: string, releaseId: string) => ({ path: { orgId, releaseId } });

export const softwareApi = {
  products: (orgId: string) => send(http.GET('/api/orgs/{orgId}/software/products', { params: org(orgId) })),
  product: (orgId: string, productId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/software/products/{productId}', { params: { path: { orgId, productId } } }),
    ),
  createProduct: (orgId: string, body: ProductInput) =>
    send(http.POST('/api/orgs/{orgId}/software/products', { params: org(orgId), body })),
  updateProduct: (orgId: string, productId: string, body: Partial<ProductInput>) =>
    send(
      http.PATCH('/api/orgs/{orgId}/software/products/{productId}', {
        params: { path: { orgId, productId } },
        body,
      }),
    ),
  deleteProduct: (orgId: string, productId: string) =>
    sendVoid(
      http.DELETE('/api/orgs/{orgId}/software/products/{productId}', {
        params: { path: { orgId, productId } },
      }),
    ),

  releases: (orgId: string, productId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/software/products/{productId}/releases', {
        params: { path: { orgId, productId } },
      }),
    ),
  createRelease: (orgId: string, productId: string, body: ReleaseInput) =>
    send(
      http.POST('/api/orgs/{orgId}/software/products/{productId}/releases', {
        params: { path: { orgId, productId } },
        body,
      }),
    ),
  release: (orgId: string, releaseId: string) =>
    send(http.GET('/api/orgs/{orgId}/software/releases/{releaseId}', { params: release(orgId, releaseId) })),
  deleteRelease: (orgId: string, releaseId: string) =>
    sendVoid(
      http.DELETE('/api/orgs/{orgId}/software/releases/{releaseId}', { params: release(orgId, releaseId) }),
    ),
  // The multipart bodies (`file`) of the SBOM, VEX and advisory uploads are not described by the server's
  // OpenAPI; their answers are.
  uploadSbom: (orgId: string, releaseId: string, file: File) =>
    send(
      http.POST('/api/orgs/{orgId}/software/releases/{releaseId}/sbom', {
        params: release(orgId, releaseId),
        body: multipart(fileForm(file)),
      }),
    ),

  components: (orgId: string, releaseId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/software/releases/{releaseId}/components', {
        params: release(orgId, releaseId),
      }),
    ),
  findings: (orgId: string, releaseId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/software/releases/{releaseId}/findings', {
        params: release(orgId, releaseId),
      }),
    ) as Promise<{ items: Finding[] }>,
  setVex: (orgId: string, findingId: string, body: VexInput) =>
    send(
      http.PUT('/api/orgs/{orgId}/software/findings/{findingId}/vex', {
        params: { path: { orgId, findingId } },
        body,
      }),
    ) as Promise<{ finding: Finding }>,
  importVex: (orgId: string, releaseId: string, file: File) =>
    send(
      http.POST('/api/orgs/{orgId}/software/releases/{releaseId}/vex', {
        params: release(orgId, releaseId),
        body: multipart(fileForm(file)),
      }),
    ),
  vexHistory: (orgId: string, releaseId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/software/releases/{releaseId}/vex/history', {
        params: release(orgId, releaseId),
      }),
    ),
  vexUrl: (orgId: string, releaseId: string, format: VexFormat) =>
    href('/api/orgs/{orgId}/software/releases/{releaseId}/vex', { orgId, releaseId }, { format }),

  licensePolicy: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/software/license-policy', { params: org(orgId) })),
  setLicensePolicy: (orgId: string, body: LicensePolicy) =>
    send(http.PUT('/api/orgs/{orgId}/software/license-policy', { params: org(orgId), body })),
  licenses: (orgId: string, releaseId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/software/releases/{releaseId}/licenses', {
        params: release(orgId, releaseId),
      }),
    ),

  artifacts: (orgId: string, releaseId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/software/releases/{releaseId}/artifacts', {
        params: release(orgId, releaseId),
      }),
    ),
  registerArtifact: (orgId: string, releaseId: string, body: ArtifactInput) =>
    send(
      http.POST('/api/orgs/{orgId}/software/releases/{releaseId}/artifacts', {
        params: release(orgId, releaseId),
        body,
      }),
    ),
  verifyArtifact: (orgId: string, body: VerifyInput) =>
    send(http.POST('/api/orgs/{orgId}/software/artifacts/verify', { params: org(orgId), body })),

  /** `purl`, or a package `name` with its `ecosystem` (a purl type); `range` in vers or plain notation. */
  whereUsed: (
    orgId: string,
    query: {
      purl?: string;
      name?: string;
      ecosystem?: WhereUsedEcosystem;
      range?: string;
      includeShared?: boolean;
    },
  ) =>
    send(
      http.GET('/api/orgs/{orgId}/software/where-used', {
        params: {
          path: { orgId },
          query: {
            ...(query.purl ? { purl: query.purl } : {}),
            ...(query.name ? { name: query.name } : {}),
            ...(query.ecosystem ? { ecosystem: query.ecosystem } : {}),
            ...(query.range ? { range: query.range } : {}),
            includeShared: query.includeShared ? 'true' : 'false',
          },
        },
      }),
    ),

  shares: (orgId: string, releaseId?: string) =>
    send(
      http.GET('/api/orgs/{orgId}/software/shares', {
        params: { path: { orgId }, query: releaseId ? { releaseId } : {} },
      }),
    ),
  createShare: (orgId: string, body: BodyOf<SoftwareRoute<'/shares'>, 'post'>) =>
    send(http.POST('/api/orgs/{orgId}/software/shares', { params: org(orgId), body })),
  revokeShare: (orgId: string, shareId: string) =>
    sendVoid(
      http.DELETE('/api/orgs/{orgId}/software/shares/{shareId}', { params: { path: { orgId, shareId } } }),
    ),

  notifications: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/software/notifications', { params: org(orgId) })),
  setNotifications: (orgId: string, body: BodyOf<SoftwareRoute<'/notifications'>, 'put'>) =>
    send(http.PUT('/api/orgs/{orgId}/software/notifications', { params: org(orgId), body })),

  incidents: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/software/incidents', { params: org(orgId) })),

  advisoryStatus: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/software/advisories/status', { params: org(orgId) })),
  importAdvisories: (orgId: string, file: File) =>
    send(
      http.POST('/api/orgs/{orgId}/software/advisories/import', {
        params: org(orgId),
        body: multipart(fileForm(file)),
      }),
    ),
  advisory: (orgId: string, advisoryId: string) =>
    send(
      http.GET('/api/orgs/{orgId}/software/advisories/{advisoryId}', {
        params: { path: { orgId, advisoryId } },
      }),
    ) as Promise<{ advisory: Advisory }>,
};
