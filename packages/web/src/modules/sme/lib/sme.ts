// Pure helpers of the SME guided flow (SECURITY ACTION ★ / ★★), the shared results and governance views.
import type {
  AnswerValue,
  CatalogPack,
  CatalogSummary,
  Locale,
  PackNode,
  PolicyDocument,
  Relationship,
  RelationshipParty,
  SmeDeclaration,
  SmeStatus,
} from '../../../api/types';
import { flattenNodes, nodeKind } from '../../../lib/catalog';

export const FIVE_RULES_URN = 'urn:shinrai:catalog:ipa-five-rules';
export const SELF_CHECK_URN = 'urn:shinrai:catalog:ipa-sme-self-check';
export const GOVERNANCE_URN = 'urn:shinrai:catalog:meti-cyber-mgmt-guidelines';

export const SME_STEPS = ['rules', 'check', 'score', 'policy', 'action'] as const;
export type SmeStep = (typeof SME_STEPS)[number];

/** Compares dotted version strings numerically part by part ("1.10.0" > "1.9.2"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const d = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}

/** The newest version of a catalog (by URN) among those the organization can use. */
export function latestCatalog(catalogs: readonly CatalogSummary[], urn: string): CatalogSummary | null {
  let best: CatalogSummary | null = null;
  for (const c of catalogs) {
    if (c.urn !== urn) continue;
    if (!best || compareVersions(c.version, best.version) > 0) best = c;
  }
  return best;
}

export interface GuidedItem {
  ref: string;
  node: PackNode;
  /** The group the item belongs to (a part of the self-check), if any. */
  group: PackNode | null;
  index: number;
}

/** The answerable items of a pack in document order, each with its group. */
export function guidedItems(pack: CatalogPack): GuidedItem[] {
  const flat = flattenNodes(pack.nodes);
  const byRef = new Map(flat.map((f) => [f.ref, f.node]));
  return flat
    .filter((f) => nodeKind(f.node) === 'item')
    .map((f, index) => ({
      ref: f.ref,
      node: f.node,
      group: f.parentRef === null ? null : (byRef.get(f.parentRef) ?? null),
      index,
    }));
}

/** Index of the first unanswered item (0 when all are answered). */
export function firstUnanswered(
  items: readonly GuidedItem[],
  answers: ReadonlyMap<string, AnswerValue | null>,
): number {
  const i = items.findIndex((item) => !answers.get(item.ref));
  return i < 0 ? 0 : i;
}

/** What each step of the guided flow has reached. */
export function stepsDone(status: SmeStatus): Record<SmeStep, boolean> {
  const checkDone = status.selfCheck.total > 0 && status.selfCheck.answered >= status.selfCheck.total;
  return {
    rules: status.fiveRules.total > 0 && status.fiveRules.declared >= status.fiveRules.total,
    check: checkDone,
    score: checkDone,
    policy: status.policy.set && status.policy.published,
    action: status.declarations.length > 0,
  };
}

/** The step to open first: the first one not done yet (the last one when all are done). */
export function firstOpenStep(status: SmeStatus): SmeStep {
  const done = stepsDone(status);
  return SME_STEPS.find((s) => !done[s]) ?? 'action';
}

/** A declaration ID as IPA issues it: digits only (6–15). */
export function isDeclarationId(value: string): boolean {
  return /^\d{6,15}$/.test(value.trim());
}

/** The same calendar date a year later (YYYY-MM-DD); 29 February becomes 28 February. */
export function aYearLater(isoDate: string): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const day = Math.min(d, new Date(Date.UTC(y + 1, m, 0)).getUTCDate());
  return `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const LEVEL_RANK = { star1: 1, star2: 2 } as const;

/** What the organization declared: its best recorded declaration, and what to do next. */
export interface DeclaredState {
  declaration: SmeDeclaration;
  /** A year after the declaration: redo the self-check and review the policy. */
  reviewOn: string;
  /** Only ★ was declared while ★★ is now within reach. */
  canUpgrade: boolean;
}

/** The highest level declared (the latest declaration of that level), or null when none is recorded. */
export function declaredState(status: SmeStatus): DeclaredState | null {
  let best: SmeDeclaration | null = null;
  for (const d of status.declarations) {
    if (
      !best ||
      LEVEL_RANK[d.level] > LEVEL_RANK[best.level] ||
      (d.level === best.level && d.declaredOn > best.declaredOn)
    )
      best = d;
  }
  if (!best) return null;
  return {
    declaration: best,
    reviewOn: aYearLater(best.declaredOn),
    canUpgrade: best.level === 'star1' && status.eligibility.star2,
  };
}

/** The buyers this organization supplies: active buyer → supplier relationships where it is the supplier. */
export function activeBuyers(relationships: readonly Relationship[], orgId: string): RelationshipParty[] {
  const out = new Map<string, RelationshipParty>();
  for (const r of relationships) {
    if (r.type === 'buyer_supplier' && r.status === 'active' && r.to.id === orgId) out.set(r.from.id, r.from);
  }
  return [...out.values()];
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A standalone printable HTML page of the policy (opened in a new window and printed). */
export function policyPrintHtml(doc: PolicyDocument, lang: Locale): string {
  const sections = doc.sections
    .map((s) => `<h2>${escapeHtml(s.heading)}</h2><p>${escapeHtml(s.body)}</p>`)
    .join('');
  const signature = doc.signature.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const note = doc.entriesNote ? `<p class="entries">${escapeHtml(doc.entriesNote)}</p>` : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>
body{font-family:"Hiragino Mincho ProN","Yu Mincho","Noto Serif JP",serif;max-width:42em;margin:3em auto;padding:0 1.5em;line-height:1.8;color:#111}
h1{text-align:center;font-size:1.6em;margin-bottom:1.5em}h2{font-size:1.05em;margin:1.4em 0 .3em}
.signature{margin-top:3em;text-align:right}.signature p{margin:.2em 0}.entries{font-size:.85em;color:#555}
</style></head><body><h1>${escapeHtml(doc.title)}</h1>${note}<p>${escapeHtml(doc.preamble)}</p>${sections}<div class="signature">${signature}</div></body></html>`;
}

/** The catalog among `catalogs` whose title (both languages) matches, newest version first. */
export function catalogByTitle(
  catalogs: readonly CatalogSummary[],
  title: { ja: string; en: string },
): CatalogSummary[] {
  return catalogs
    .filter((c) => c.title.ja === title.ja && c.title.en === title.en)
    .sort((a, b) => compareVersions(b.version, a.version));
}
