import type { SbomProblem } from './problems.ts';

export type SbomFormat = 'cyclonedx' | 'spdx' | 'npm-lock';

/** One component of a BOM, whatever format it came from. */
export interface SbomComponent {
  /** Unique within the BOM: CycloneDX bom-ref, SPDX SPDXID or the package-lock path. */
  bomRef: string;
  name: string;
  version: string | null;
  /** Canonical purl string, or null when absent or invalid. */
  purl: string | null;
  /** The BOM gave a purl that is not valid (already warned about). */
  purlInvalid?: boolean;
  /** CycloneDX component type (library, application, …); `library` for lockfile entries. */
  type: string;
  supplier: string | null;
  /** SPDX license expression, or null when the BOM does not say. */
  licenses: string | null;
  hashes: { alg: string; value: string }[];
  scope: 'required' | 'optional' | 'excluded' | null;
  /** Only needed for development (npm `dev`, SPDX DEV_DEPENDENCY_OF). */
  dev: boolean;
}

export interface SbomDependency {
  from: string;
  to: string[];
}

export interface NormalizedSbom {
  format: SbomFormat;
  /** CycloneDX 1.0–1.7, SPDX 2.2/2.3 or the lockfileVersion. */
  specVersion: string;
  name: string | null;
  version: string | null;
  components: SbomComponent[];
  dependencies: SbomDependency[];
  /** The product the BOM describes (CycloneDX metadata.component, SPDX DESCRIBES, lockfile root). */
  rootRefs: string[];
  /** CycloneDX serialNumber (`urn:uuid:…`) and version: BOM links (`urn:cdx:…`) name them. */
  serialNumber?: string | null;
  bomVersion?: number | null;
  /** The purl of the product the BOM describes (CycloneDX metadata.component), if it has one. */
  rootPurl?: string | null;
}

export interface ParseSbomOptions {
  /** Larger input is refused before parsing; 100 MB by default. */
  maxBytes?: number;
  /** Refuse the file on any schema problem (the behaviour before lenient reading); default false. */
  strict?: boolean;
  /**
   * Filled with milliseconds spent per phase when given (benchmarks): `parse` (bytes to a document),
   * `validate` (JSON Schema), `normalise` (components, purls, conventions). Costs two clock reads per phase.
   */
  timings?: SbomTimings;
}

export interface SbomTimings {
  parse?: number;
  validate?: number;
  normalise?: number;
}

export type ParseSbomResult =
  { ok: true; sbom: NormalizedSbom; warnings: SbomProblem[] } | { ok: false; problems: SbomProblem[] };
