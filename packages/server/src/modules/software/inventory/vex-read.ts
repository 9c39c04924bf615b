import {
  VEX_JUSTIFICATIONS,
  VEX_STATUSES,
  vexFromCycloneDxState,
  vexJustificationFromCycloneDx,
  type VexJustification,
  type VexStatus,
} from '@shinrai/core';
import {
  CYCLONEDX_VERSIONS,
  isObj,
  schemaProblems,
  validatorFor,
  type Obj,
  type SbomProblem,
  type SchemaId,
} from '@shinrai/formats/sbom';

/** A CycloneDX `affects[].versions[]` entry: one version or a vers range, and its status. */
export interface VersionEntry {
  version: string | null;
  range: string | null;
  status: 'affected' | 'unaffected' | 'unknown';
}

/** What a statement is about: a product (with subcomponents, or all of it) or a component (with versions). */
export interface VexTarget {
  ref: string;
  /** OpenVEX subcomponents of a product; empty: the whole product. */
  subcomponents: string[];
  /** CycloneDX affects[].versions; empty: every version the ref names. */
  versions: VersionEntry[];
}

/** One statement as the document says it, before it is applied to findings. */
export interface RawStatement {
  pointer: string;
  index: number;
  vulnerability: string;
  aliases: string[];
  targets: VexTarget[];
  /** undefined: the document gives no status we know (only versions may say). */
  status: VexStatus | undefined;
  justification: VexJustification | null;
  detail: string | null;
  /** CycloneDX analysis.response (update, will_not_fix, workaround_available, rollback, can_not_fix). */
  response: string[];
  /** When the statement was made: its own timestamp, else its document's. */
  timestamp: string | null;
}

export const CDX_RESPONSES = [
  'can_not_fix',
  'will_not_fix',
  'update',
  'rollback',
  'workaround_available',
] as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : []).map(str).filter((s): s is string => s !== null);

/** An OpenVEX product or subcomponent: its @id, or one of its identifiers (purl first). */
function openVexId(p: unknown): string | null {
  if (!isObj(p)) return str(p);
  const ids = isObj(p.identifiers) ? p.identifiers : {};
  return str(p['@id']) ?? str(ids.purl) ?? str(ids.cpe23) ?? str(ids.cpe22);
}

export function readOpenVex(doc: Obj): RawStatement[] | SbomProblem {
  if (!Array.isArray(doc.statements))
    return { code: 'schema_required', pointer: '', params: { property: 'statements' } };
  const docTime = str(doc.last_updated) ?? str(doc.timestamp);
  return doc.statements.map((s: unknown, i): RawStatement => {
    const o = isObj(s) ? s : {};
    const v = o.vulnerability;
    const vulnerability = (isObj(v) ? (str(v.name) ?? str(v['@id'])) : str(v)) ?? '';
    const targets = (Array.isArray(o.products) ? o.products : []).flatMap((p: unknown): VexTarget[] => {
      const ref = openVexId(p);
      if (ref === null) return [];
      const subs = isObj(p) && Array.isArray(p.subcomponents) ? p.subcomponents : [];
      const subcomponents = subs.map(openVexId).filter((x): x is string => x !== null);
      return [{ ref, subcomponents, versions: [] }];
    });
    const status = (VEX_STATUSES as readonly string[]).includes(String(o.status))
      ? (o.status as VexStatus)
      : undefined;
    const j = str(o.justification);
    return {
      pointer: `/statements/${i}`,
      index: i,
      vulnerability,
      aliases: isObj(v) ? strings(v.aliases) : [],
      targets,
      status,
      justification:
        j && (VEX_JUSTIFICATIONS as readonly string[]).includes(j) ? (j as VexJustification) : null,
      detail: str(o.impact_statement) ?? str(o.status_notes) ?? str(o.action_statement),
      response: [],
      timestamp: str(o.last_updated) ?? str(o.timestamp) ?? docTime,
    };
  });
}

function versionEntries(v: unknown): VersionEntry[] {
  return (Array.isArray(v) ? v : []).flatMap((e: unknown): VersionEntry[] => {
    if (!isObj(e)) return [];
    const version = str(e.version);
    const range = str(e.range);
    if (version === null && range === null) return [];
    const s = str(e.status);
    return [{ version, range, status: s === 'unaffected' || s === 'unknown' ? s : 'affected' }];
  });
}

export function readCycloneDxVex(doc: Obj): RawStatement[] | SbomProblem[] {
  const version = typeof doc.specVersion === 'string' ? doc.specVersion : '';
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(version) || version < '1.4')
    return [
      {
        code: 'unsupported_version',
        pointer: '/specVersion',
        params: { value: version, supported: CYCLONEDX_VERSIONS.filter((v) => v >= '1.4').join(', ') },
      },
    ];
  const validate = validatorFor(`cyclonedx-${version}` as SchemaId);
  if (!validate(doc)) return schemaProblems(validate.errors ?? [], 100, doc);
  const metadata = isObj(doc.metadata) ? doc.metadata : {};
  const docTime = str(metadata.timestamp);
  const vulns = Array.isArray(doc.vulnerabilities) ? doc.vulnerabilities : [];
  return vulns.map((v: unknown, i): RawStatement => {
    const o = isObj(v) ? v : {};
    const analysis = isObj(o.analysis) ? o.analysis : {};
    const state = str(analysis.state);
    const j = str(analysis.justification);
    return {
      pointer: `/vulnerabilities/${i}`,
      index: i,
      vulnerability: str(o.id) ?? '',
      aliases: (Array.isArray(o.references) ? o.references : [])
        .map((r: unknown) => (isObj(r) ? str(r.id) : null))
        .filter((r): r is string => r !== null),
      targets: (Array.isArray(o.affects) ? o.affects : []).flatMap((a: unknown): VexTarget[] => {
        const ref = isObj(a) ? str(a.ref) : null;
        return ref === null || !isObj(a)
          ? []
          : [{ ref, subcomponents: [], versions: versionEntries(a.versions) }];
      }),
      status: state ? vexFromCycloneDxState(state) : undefined,
      justification: j ? (vexJustificationFromCycloneDx(j) ?? null) : null,
      detail: str(analysis.detail),
      response: strings(analysis.response).filter((r) => (CDX_RESPONSES as readonly string[]).includes(r)),
      timestamp:
        str(analysis.lastUpdated) ??
        str(o.updated) ??
        str(analysis.firstIssued) ??
        str(o.published) ??
        docTime,
    };
  });
}
