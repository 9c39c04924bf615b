import {
  VEX_JUSTIFICATIONS,
  VEX_STATUSES,
  vexFromCycloneDxState,
  vexJustificationFromCycloneDx,
  vexJustificationToCycloneDx,
  vexToCycloneDxState,
  type VexJustification,
  type VexStatus,
} from '@shinrai/core';
import type { SoftwareFindingView } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { CYCLONEDX_VERSIONS, type SbomProblem } from '@shinrai/formats/sbom';
import { isObj, type Obj } from '@shinrai/formats/sbom';
import { parseJsonText } from '@shinrai/formats/sbom';
import { schemaProblems, validatorFor, type SchemaId } from '@shinrai/formats/sbom';

/** One VEX statement read from a file, as it applies to one finding. */
export interface VexStatement {
  findingId: string;
  advisoryId: string;
  componentRef: string;
  status: VexStatus;
  justification: VexJustification | null;
  detail: string | null;
}

export type VexReadResult =
  | { ok: true; format: 'cyclonedx' | 'openvex'; statements: VexStatement[]; unmatched: string[] }
  | { ok: false; problems: SbomProblem[] };

interface RawStatement {
  pointer: string;
  vulnerability: string;
  products: string[];
  status: VexStatus | undefined;
  justification: VexJustification | null;
  detail: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function readOpenVex(doc: Obj): RawStatement[] | SbomProblem {
  if (!Array.isArray(doc.statements))
    return { code: 'schema_required', pointer: '', params: { property: 'statements' } };
  return doc.statements.map((s: unknown, i): RawStatement => {
    const o = isObj(s) ? s : {};
    const v = o.vulnerability;
    const vulnerability = (isObj(v) ? str(v.name) : str(v)) ?? '';
    const products = (Array.isArray(o.products) ? o.products : [])
      .map((p: unknown) => (isObj(p) ? str(p['@id']) : str(p)))
      .filter((p): p is string => p !== null);
    const status = (VEX_STATUSES as readonly string[]).includes(String(o.status))
      ? (o.status as VexStatus)
      : undefined;
    const j = str(o.justification);
    return {
      pointer: `/statements/${i}`,
      vulnerability,
      products,
      status,
      justification:
        j && (VEX_JUSTIFICATIONS as readonly string[]).includes(j) ? (j as VexJustification) : null,
      detail: str(o.impact_statement) ?? str(o.status_notes) ?? str(o.action_statement),
    };
  });
}

function readCycloneDxVex(doc: Obj): RawStatement[] | SbomProblem[] {
  const version = typeof doc.specVersion === 'string' ? doc.specVersion : '';
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(version))
    return [
      {
        code: 'unsupported_version',
        pointer: '/specVersion',
        params: { value: version, supported: CYCLONEDX_VERSIONS.join(', ') },
      },
    ];
  const validate = validatorFor(`cyclonedx-${version}` as SchemaId);
  if (!validate(doc)) return schemaProblems(validate.errors ?? [], 100, doc);
  const vulns = Array.isArray(doc.vulnerabilities) ? doc.vulnerabilities : [];
  return vulns.map((v: unknown, i): RawStatement => {
    const o = isObj(v) ? v : {};
    const analysis = isObj(o.analysis) ? o.analysis : {};
    const state = str(analysis.state);
    const j = str(analysis.justification);
    return {
      pointer: `/vulnerabilities/${i}`,
      vulnerability: str(o.id) ?? '',
      products: (Array.isArray(o.affects) ? o.affects : [])
        .map((a: unknown) => (isObj(a) ? str(a.ref) : null))
        .filter((r): r is string => r !== null),
      status: state ? vexFromCycloneDxState(state) : undefined,
      justification: j ? (vexJustificationFromCycloneDx(j) ?? null) : null,
      detail: str(analysis.detail),
    };
  });
}

/** A product reference names a component when it is its purl (qualifiers ignored), its bom-ref, or a bom-link ending in it. */
function refMatches(
  ref: string,
  f: Pick<SoftwareFindingView, 'component_purl' | 'component_ref'> & { bom_ref?: string },
): boolean {
  const purl = f.component_purl;
  if (purl !== null && (ref === purl || ref.split('?')[0] === purl.split('?')[0])) return true;
  if (f.bom_ref !== undefined && (ref === f.bom_ref || ref.endsWith(`#${f.bom_ref}`))) return true;
  return ref === f.component_ref;
}

/**
 * Reads a CycloneDX VEX (validated with the bundled CycloneDX schema) or an OpenVEX document and
 * applies its statements to the release's findings: a statement names a vulnerability (the advisory
 * id or one of its aliases) and products (purl or bom-ref). Statements that fit no finding are listed.
 */
export function readVex(
  bytes: Buffer,
  findings: readonly (SoftwareFindingView & { bom_ref?: string })[],
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
  const problems: SbomProblem[] = [];
  const statements: VexStatement[] = [];
  const unmatched: string[] = [];
  for (const s of raw as RawStatement[]) {
    if (s.status === undefined) {
      problems.push({ code: 'schema_enum', pointer: `${s.pointer}/status`, params: { value: '' } });
      continue;
    }
    const hits = findings.filter(
      (f) =>
        (f.advisory_id === s.vulnerability ||
          (JSON.parse(f.aliases) as string[]).includes(s.vulnerability)) &&
        s.products.some((p) => refMatches(p, f)),
    );
    if (hits.length === 0) unmatched.push(s.pointer);
    for (const f of hits)
      statements.push({
        findingId: f.id,
        advisoryId: f.advisory_id,
        componentRef: f.component_ref,
        status: s.status,
        justification: s.justification,
        detail: s.detail,
      });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, format: isOpenVex ? 'openvex' : 'cyclonedx', statements, unmatched };
}

type ExportFinding = SoftwareFindingView & { bom_ref: string };

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
          ...(f.vex_detail !== null ? { detail: f.vex_detail } : {}),
        },
        affects: [{ ref: f.bom_ref }],
      };
    }),
  };
}

/** The release's VEX statements as an OpenVEX v0.2.0 document. */
export function openVex(
  findings: readonly ExportFinding[],
  meta: { releaseId: string; author: string; now: Date; baseUrl: string },
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
          products: [{ '@id': f.component_purl ?? f.component_ref }],
          status,
          ...(f.vex_justification !== null ? { justification: f.vex_justification } : {}),
          ...(status === 'not_affected' && detail !== null ? { impact_statement: detail } : {}),
          ...(status === 'affected'
            ? {
                action_statement:
                  detail ??
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
