import {
  vexJustificationToCycloneDx,
  vexToCycloneDxState,
  type VexJustification,
  type VexStatus,
} from '@shinrai/core';
import type { SoftwareFindingView } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { isObj, parseJsonText, type SbomProblem } from '@shinrai/formats/sbom';
import { readCycloneDxVex, readOpenVex, type RawStatement } from './vex-read.ts';
import { resolveStatements, type VexContext, type VexFinding, type VexStatement } from './vex-resolve.ts';

export type { VexContext, VexStatement } from './vex-resolve.ts';

export type VexReadResult =
  | {
      ok: true;
      format: 'cyclonedx' | 'openvex';
      statements: VexStatement[];
      /** Statements that fit a finding but did not stand (a more specific or later one did). */
      superseded: VexStatement[];
      unmatched: string[];
    }
  | { ok: false; problems: SbomProblem[] };

const NO_CONTEXT: VexContext = {
  serialNumber: null,
  bomVersion: null,
  product: { bomRef: null, purl: null, name: null, version: null },
};

/**
 * Reads a CycloneDX VEX (validated with the bundled CycloneDX schema) or an OpenVEX document and
 * applies its statements to the release's findings: a statement names a vulnerability (the advisory
 * id or one of its aliases) and what it is about — a component (purl, bom-ref, BOM link of this SBOM;
 * limited to the versions it lists) or the product the SBOM describes (with subcomponents, or all of
 * it). Conflicts resolve to the most specific, then the latest statement; statements that fit no
 * finding are listed.
 */
export function readVex(
  bytes: Buffer,
  findings: readonly VexFinding[],
  ctx: VexContext = NO_CONTEXT,
): VexReadResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ code: 'not_utf8' }] };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const doc = parsed.value;
  if (!isObj(doc)) return { ok: false, problems: [{ code: 'unknown_format', pointer: '' }] };
  const isOpenVex = typeof doc['@context'] === 'string' && doc['@context'].includes('openvex');
  const isCdx = doc.bomFormat === 'CycloneDX';
  if (!isOpenVex && !isCdx) return { ok: false, problems: [{ code: 'unknown_format', pointer: '' }] };
  const raw = isOpenVex ? readOpenVex(doc) : readCycloneDxVex(doc);
  if (!Array.isArray(raw)) return { ok: false, problems: [raw] };
  if (raw.length > 0 && 'code' in raw[0]!) return { ok: false, problems: raw as SbomProblem[] };
  const statements = raw as RawStatement[];
  const problems: SbomProblem[] = statements
    .filter((s) => s.status === undefined && s.targets.every((t) => t.versions.length === 0))
    .map((s) => ({ code: 'schema_enum', pointer: `${s.pointer}/status`, params: { value: '' } }));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    format: isOpenVex ? 'openvex' : 'cyclonedx',
    ...resolveStatements(statements, findings, ctx),
  };
}

type ExportFinding = SoftwareFindingView & { bom_ref: string };

function responseOf(f: SoftwareFindingView): string[] {
  if (f.vex_response === null) return [];
  const v = JSON.parse(f.vex_response) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The release's VEX statements as a CycloneDX 1.6 document (one vulnerability per finding with a statement). */
export function cycloneDxVex(
  findings: readonly ExportFinding[],
  meta: { product: string; version: string; now: Date },
): Record<string, unknown> {
  const withVex = findings.filter((f) => f.vex_status !== null);
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: meta.now.toISOString(),
      component: { type: 'application', name: meta.product, version: meta.version, 'bom-ref': 'product' },
    },
    components: [...new Map(withVex.map((f) => [f.bom_ref, f])).values()].map((f) => ({
      type: 'library',
      'bom-ref': f.bom_ref,
      name: f.component_name,
      ...(f.component_version !== null ? { version: f.component_version } : {}),
      ...(f.component_purl !== null ? { purl: f.component_purl } : {}),
    })),
    vulnerabilities: withVex.map((f) => {
      const status = f.vex_status as VexStatus;
      const j = f.vex_justification as VexJustification | null;
      return {
        id: f.advisory_id,
        analysis: {
          state: vexToCycloneDxState(status),
          ...(j !== null ? { justification: vexJustificationToCycloneDx(j) } : {}),
          ...(responseOf(f).length > 0 ? { response: responseOf(f) } : {}),
          ...(f.vex_detail !== null ? { detail: f.vex_detail } : {}),
        },
        affects: [{ ref: f.bom_ref }],
      };
    }),
  };
}

/**
 * The release's VEX statements as an OpenVEX v0.2.0 document: each names the product (the SBOM's
 * product purl, or the product name and release version) with the component as its subcomponent.
 */
export function openVex(
  findings: readonly ExportFinding[],
  meta: { releaseId: string; author: string; now: Date; baseUrl: string; product: string },
): Record<string, unknown> {
  return {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': `${meta.baseUrl}/vex/${meta.releaseId}/${meta.now.getTime()}`,
    author: meta.author,
    timestamp: meta.now.toISOString(),
    version: 1,
    statements: findings
      .filter((f) => f.vex_status !== null)
      .map((f) => {
        const status = f.vex_status as VexStatus;
        const detail = f.vex_detail;
        return {
          vulnerability: { name: f.advisory_id, aliases: JSON.parse(f.aliases) as string[] },
          products: [
            { '@id': meta.product, subcomponents: [{ '@id': f.component_purl ?? f.component_ref }] },
          ],
          status,
          ...(f.vex_justification !== null ? { justification: f.vex_justification } : {}),
          ...(status === 'not_affected' && detail !== null ? { impact_statement: detail } : {}),
          ...(status === 'affected'
            ? {
                action_statement:
                  detail ??
                  (responseOf(f).length > 0 ? `Response: ${responseOf(f).join(', ')}` : null) ??
                  (f.fixed_version ? `Update to ${f.fixed_version}` : 'No fixed version is known yet'),
              }
            : {}),
          ...(status !== 'not_affected' && status !== 'affected' && detail !== null
            ? { status_notes: detail }
            : {}),
          timestamp: f.vex_updated_at,
        };
      }),
  };
}
