import { tokyoDate, vexSuppresses } from '@shinrai/core';
import {
  softwareRisk,
  type Executor,
  type SoftwareComponentRow,
  type SoftwareFindingView,
  type SoftwareProductRow,
  type SoftwareReleaseSummaryRow,
} from '@shinrai/store';

export interface Risk {
  critical: number;
  high: number;
  medium: number;
  low: number;
  malicious: number;
}

const emptyRisk = (): Risk => ({ critical: 0, high: 0, medium: 0, low: 0, malicious: 0 });

/** Open (not VEX-suppressed) findings per release: of the whole organization, or only of `releaseIds`. */
export async function riskByRelease(
  ex: Executor,
  orgId: string,
  releaseIds?: readonly string[],
): Promise<Map<string, Risk>> {
  const out = new Map<string, Risk>();
  for (const r of await softwareRisk(ex, orgId, releaseIds)) {
    let risk = out.get(r.release_id);
    if (!risk) out.set(r.release_id, (risk = emptyRisk()));
    if (r.malicious === 1) risk.malicious += r.n;
    if (r.severity === 'critical' || r.severity === 'high' || r.severity === 'medium' || r.severity === 'low')
      risk[r.severity] += r.n;
  }
  return out;
}

export function sumRisk(risks: Iterable<Risk | undefined>): Risk {
  const total = emptyRisk();
  for (const r of risks) {
    if (!r) continue;
    total.critical += r.critical;
    total.high += r.high;
    total.medium += r.medium;
    total.low += r.low;
    total.malicious += r.malicious;
  }
  return total;
}

/** Past its end of support (保守・サポート期間の終了) on `today` (YYYY-MM-DD, Tokyo). */
export function pastSupport(ends: string | null, today: string): boolean {
  return ends !== null && ends < today;
}

export function today(now: Date): string {
  return tokyoDate(now);
}

export function productView(p: SoftwareProductRow, releaseCount: number, risk: Risk, now: Date) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind as 'device' | 'application' | 'library' | 'service',
    vendor: p.vendor,
    supportEnds: p.support_ends,
    supportEnded: pastSupport(p.support_ends, today(now)),
    releaseCount,
    risk,
  };
}

export function releaseView(
  r: SoftwareReleaseSummaryRow,
  product: Pick<SoftwareProductRow, 'support_ends'>,
  risk: Risk,
  now: Date,
) {
  const ends = r.support_ends ?? product.support_ends;
  return {
    id: r.id,
    productId: r.product_id,
    version: r.version,
    releasedOn: r.released_on,
    supportEnds: r.support_ends,
    supportEnded: pastSupport(ends, today(now)),
    sbom:
      r.sbom_uploaded_at === null
        ? null
        : {
            format: r.sbom_format ?? '',
            specVersion: r.sbom_spec_version ?? '',
            componentCount: r.component_count,
            uploadedAt: r.sbom_uploaded_at,
          },
    risk,
  };
}

export function componentView(c: SoftwareComponentRow, now: Date) {
  return {
    id: c.id,
    bomRef: c.bom_ref,
    name: c.name,
    version: c.version,
    purl: c.purl,
    ecosystem: c.ecosystem,
    licenses: c.licenses,
    hashes: JSON.parse(c.hashes) as { alg: string; value: string }[],
    supplier: c.supplier,
    dev: c.dev === 1,
    supportEnds: c.support_ends,
    supportEnded: pastSupport(c.support_ends, today(now)),
    matchable: c.ecosystem !== null,
  };
}

export function findingView(f: SoftwareFindingView) {
  return {
    id: f.id,
    advisoryId: f.advisory_id,
    aliases: JSON.parse(f.aliases) as string[],
    summary: f.summary,
    severity: f.severity,
    score: f.score,
    malicious: f.malicious === 1,
    component: {
      id: f.component_id,
      name: f.component_name,
      version: f.component_version,
      purl: f.component_purl,
    },
    fixedVersion: f.fixed_version,
    path: JSON.parse(f.path) as string[],
    vex:
      f.vex_status === null
        ? null
        : {
            status: f.vex_status,
            justification: f.vex_justification,
            detail: f.vex_detail,
            response: f.vex_response === null ? [] : (JSON.parse(f.vex_response) as string[]),
            source: f.vex_source,
            updatedAt: f.vex_updated_at ?? '',
          },
    suppressed: vexSuppresses(f.vex_status),
  };
}
