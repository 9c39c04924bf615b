import { parsePurl, purlKey, versContains, type VexStatus } from '@shinrai/core';
import type { SoftwareFindingView } from '@shinrai/store';
import type { RawStatement, VersionEntry, VexTarget } from './vex-read.ts';

/** What the release's SBOM says about itself: BOM links and product statements are resolved with it. */
export interface VexContext {
  /** The SBOM's serialNumber (`urn:uuid:…`), or null when it had none. */
  serialNumber: string | null;
  /** The SBOM's version (1 when it did not say). */
  bomVersion: number | null;
  /** The product the SBOM describes (CycloneDX metadata.component, SPDX DESCRIBES), with the release version. */
  product: { bomRef: string | null; purl: string | null; name: string | null; version: string | null };
}

export type VexFinding = SoftwareFindingView & { bom_ref?: string };

/** One statement as it applies to one finding. */
export interface VexStatement {
  findingId: string;
  advisoryId: string;
  componentRef: string;
  status: VexStatus;
  justification: RawStatement['justification'];
  detail: string | null;
  response: string[];
  /** 1 product, 2 package family (no version), 3 version range, 4 this version or this component. */
  specificity: number;
  statementAt: string | null;
  pointer: string;
}

export const SPECIFICITY = { product: 1, family: 2, range: 3, exact: 4 } as const;

interface Thing {
  bomRef: string | null;
  purl: string | null;
  altRef: string | null;
  version: string | null;
}

const bare = (v: string): string => v.replace(/^v(?=\d)/u, '');

/** Two spellings of one version (`v1.2.3` and `1.2.3` are one). */
export function sameVersion(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && (a === b || bare(a) === bare(b));
}

function uuidOf(serial: string): string {
  return serial.replace(/^urn:uuid:/iu, '').toLowerCase();
}

/** How specifically `ref` names `thing`: 0 not at all, 2 as its package family, 4 exactly. */
function refNames(ref: string, thing: Thing, ctx: VexContext): number {
  if (ref.startsWith('urn:cdx:')) {
    // A BOM link names a component of one version of one BOM: urn:cdx:<serial>/<version>#<bom-ref>.
    const m = /^urn:cdx:([^/#]+)\/(\d+)#(.+)$/u.exec(ref);
    if (!m || ctx.serialNumber === null || uuidOf(ctx.serialNumber) !== m[1]!.toLowerCase()) return 0;
    if (Number(m[2]) !== (ctx.bomVersion ?? 1)) return 0;
    let target = m[3]!;
    try {
      target = decodeURIComponent(target);
    } catch {
      // kept as written
    }
    return thing.bomRef !== null && target === thing.bomRef ? SPECIFICITY.exact : 0;
  }
  if (thing.bomRef !== null && ref === thing.bomRef) return SPECIFICITY.exact;
  if (thing.altRef !== null && ref === thing.altRef) return SPECIFICITY.exact;
  if (ref.startsWith('pkg:') && thing.purl !== null) {
    const a = parsePurl(ref);
    const b = parsePurl(thing.purl);
    if (a.ok && b.ok && purlKey(a.purl) === purlKey(b.purl)) {
      if (a.purl.version === null) return SPECIFICITY.family;
      return sameVersion(a.purl.version, b.purl.version ?? thing.version) ? SPECIFICITY.exact : 0;
    }
  }
  return 0;
}

/** The entry of a versions list that covers `version`, if any. */
function entryFor(entries: readonly VersionEntry[], version: string | null): VersionEntry | undefined {
  if (version === null) return undefined;
  return entries.find((e) => {
    if (e.version !== null) return sameVersion(e.version, version);
    if (e.range === null) return false;
    const c = versContains(e.range, version);
    if (c.ok) return c.contains;
    const v = bare(version);
    if (v === version) return false;
    const again = versContains(e.range, v);
    return again.ok && again.contains;
  });
}

/** The status a statement gives a version its versions list covers: that version's own status decides. */
function statusFor(status: VexStatus | undefined, entry: VersionEntry | undefined): VexStatus | undefined {
  if (!entry) return status;
  if (entry.status === 'unknown') return 'under_investigation';
  if (entry.status === 'unaffected') return status === 'fixed' ? 'fixed' : 'not_affected';
  return status === undefined || status === 'not_affected' ? 'affected' : status;
}

const componentThing = (f: VexFinding): Thing => ({
  bomRef: f.bom_ref ?? null,
  purl: f.component_purl,
  altRef: f.component_ref,
  version: f.component_version,
});

/** How a target applies to a finding: its specificity and the versions entry that decided, or null. */
function applies(
  t: VexTarget,
  f: VexFinding,
  ctx: VexContext,
): { spec: number; entry: VersionEntry | undefined } | null {
  const p = ctx.product;
  const product: Thing = { bomRef: p.bomRef, purl: p.purl, altRef: p.name, version: p.version };
  if (refNames(t.ref, product, ctx) > 0) {
    const entry = t.versions.length > 0 ? entryFor(t.versions, p.version) : undefined;
    if (t.versions.length > 0 && !entry) return null;
    if (t.subcomponents.length === 0) return { spec: SPECIFICITY.product, entry };
    const spec = Math.max(0, ...t.subcomponents.map((s) => refNames(s, componentThing(f), ctx)));
    return spec > 0 ? { spec, entry } : null;
  }
  if (t.subcomponents.length > 0) return null;
  const spec = refNames(t.ref, componentThing(f), ctx);
  if (spec === 0) return null;
  if (t.versions.length === 0) return { spec, entry: undefined };
  const entry = entryFor(t.versions, f.component_version);
  if (!entry) return null;
  return { spec: entry.version !== null ? SPECIFICITY.exact : SPECIFICITY.range, entry };
}

function aboutFinding(s: RawStatement, f: VexFinding): boolean {
  const aliases = JSON.parse(f.aliases) as string[];
  const names = [s.vulnerability, ...s.aliases];
  return names.some((n) => n !== '' && (n === f.advisory_id || aliases.includes(n)));
}

/** Later statements first: a statement without a time is older than any with one; then file order. */
export function newer(a: Pick<VexStatement, 'statementAt'>, b: Pick<VexStatement, 'statementAt'>): number {
  const time = (t: string | null) => {
    const n = t === null ? Number.NaN : Date.parse(t);
    return Number.isNaN(n) ? Number.NEGATIVE_INFINITY : n;
  };
  const ta = time(a.statementAt);
  const tb = time(b.statementAt);
  return ta === tb ? 0 : ta > tb ? 1 : -1;
}

/**
 * Applies statements to findings. Each finding takes the most specific statement about it (this
 * component or version, then a version range, then the package family, then the whole product);
 * among equally specific ones the latest, then the last in the file. The others are `superseded`.
 */
export function resolveStatements(
  raw: readonly RawStatement[],
  findings: readonly VexFinding[],
  ctx: VexContext,
): { statements: VexStatement[]; superseded: VexStatement[]; unmatched: string[] } {
  const byFinding = new Map<string, VexStatement[]>();
  const unmatched: string[] = [];
  for (const s of raw) {
    let hit = false;
    for (const f of findings) {
      if (!aboutFinding(s, f)) continue;
      let best: { spec: number; entry: VersionEntry | undefined } | null = null;
      for (const t of s.targets) {
        const a = applies(t, f, ctx);
        if (a && (!best || a.spec > best.spec)) best = a;
      }
      const status = best ? statusFor(s.status, best.entry) : undefined;
      if (!best || status === undefined) continue;
      hit = true;
      const list = byFinding.get(f.id) ?? [];
      list.push({
        findingId: f.id,
        advisoryId: f.advisory_id,
        componentRef: f.component_ref,
        status,
        justification: status === 'not_affected' ? s.justification : null,
        detail: s.detail,
        response: s.response,
        specificity: best.spec,
        statementAt: s.timestamp,
        pointer: s.pointer,
      });
      byFinding.set(f.id, list);
    }
    if (!hit) unmatched.push(s.pointer);
  }
  const statements: VexStatement[] = [];
  const superseded: VexStatement[] = [];
  for (const list of byFinding.values()) {
    const order = list.map((st, i) => ({ st, i }));
    order.sort((a, b) => b.st.specificity - a.st.specificity || newer(b.st, a.st) || b.i - a.i);
    statements.push(order[0]!.st);
    superseded.push(...order.slice(1).map((o) => o.st));
  }
  return { statements, superseded, unmatched };
}
