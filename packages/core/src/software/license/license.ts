import parseSpdx from 'spdx-expression-parse';

/** A parsed SPDX license expression. `WITH` exceptions and `+` ("or later") are kept on the leaf. */
export type LicenseNode =
  | { kind: 'license'; id: string; plus: boolean; exception: string | null }
  | { kind: 'and' | 'or'; left: LicenseNode; right: LicenseNode };

export type LicenseParse =
  { ok: true; tree: LicenseNode } | { ok: false; reason: 'empty' | 'invalid_expression'; detail?: string };

type SpdxInfo = parseSpdx.Info;

function fromSpdx(info: SpdxInfo): LicenseNode {
  if ('conjunction' in info)
    return { kind: info.conjunction, left: fromSpdx(info.left), right: fromSpdx(info.right) };
  return { kind: 'license', id: info.license, plus: info.plus === true, exception: info.exception ?? null };
}

/** Parses an SPDX license expression (spdx-expression-parse: known ids, LicenseRef-, DocumentRef-). */
export function parseLicenseExpression(expression: string): LicenseParse {
  const text = expression.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > 2000) return { ok: false, reason: 'invalid_expression', detail: 'too long' };
  try {
    return { ok: true, tree: fromSpdx(parseSpdx(text)) };
  } catch (e) {
    return { ok: false, reason: 'invalid_expression', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** Every license term of an expression as written in policies: `Id`, `Id+` or `Id WITH Exception`. */
export function licenseTerms(tree: LicenseNode): string[] {
  const out: string[] = [];
  const stack = [tree];
  while (stack.length > 0) {
    const n = stack.pop() as LicenseNode;
    if (n.kind === 'license') out.push(termOf(n));
    else stack.push(n.right, n.left);
  }
  return out;
}

function termOf(n: Extract<LicenseNode, { kind: 'license' }>): string {
  return `${n.id}${n.plus ? '+' : ''}${n.exception ? ` WITH ${n.exception}` : ''}`;
}

export interface LicensePolicy {
  allow: readonly string[];
  deny: readonly string[];
}

export type LicenseVerdict =
  | { status: 'allowed' }
  | { status: 'denied'; offending: string[] }
  | { status: 'unknown'; reason: 'no_license' | 'invalid_expression' | 'not_listed'; ids: string[] };

type Leaf =
  { status: 'allowed' } | { status: 'denied'; ids: string[] } | { status: 'unknown'; ids: string[] };

function leafVerdict(
  n: Extract<LicenseNode, { kind: 'license' }>,
  allow: Set<string>,
  deny: Set<string>,
): Leaf {
  const full = termOf(n).toLowerCase();
  const base = n.id.toLowerCase();
  // The most specific listing wins: "GPL-2.0-only WITH Classpath-exception-2.0" before "GPL-2.0-only".
  if (allow.has(full)) return { status: 'allowed' };
  if (deny.has(full) || deny.has(base)) return { status: 'denied', ids: [termOf(n)] };
  if (allow.has(base)) return { status: 'allowed' };
  return { status: 'unknown', ids: [termOf(n)] };
}

function combine(kind: 'and' | 'or', a: Leaf, b: Leaf): Leaf {
  if (kind === 'and') {
    if (a.status === 'denied' || b.status === 'denied') {
      return {
        status: 'denied',
        ids: [...(a.status === 'denied' ? a.ids : []), ...(b.status === 'denied' ? b.ids : [])],
      };
    }
    if (a.status === 'unknown' || b.status === 'unknown') {
      return {
        status: 'unknown',
        ids: [...(a.status === 'unknown' ? a.ids : []), ...(b.status === 'unknown' ? b.ids : [])],
      };
    }
    return { status: 'allowed' };
  }
  if (a.status === 'allowed' || b.status === 'allowed') return { status: 'allowed' };
  if (a.status === 'unknown' || b.status === 'unknown') {
    return {
      status: 'unknown',
      ids: [...(a.status === 'unknown' ? a.ids : []), ...(b.status === 'unknown' ? b.ids : [])],
    };
  }
  return { status: 'denied', ids: [...a.ids, ...b.ids] };
}

/**
 * Evaluates an expression against an allow/deny list (ライセンスポリシー). `OR` needs one acceptable
 * branch, `AND` needs all. A term on neither list makes the answer unknown unless the rest of the
 * expression already decides it. Ids compare case-insensitively, as SPDX ids do.
 */
export function evaluateLicensePolicy(expression: string | null, policy: LicensePolicy): LicenseVerdict {
  if (expression === null || expression.trim() === '' || /^(NOASSERTION|NONE)$/i.test(expression.trim())) {
    return { status: 'unknown', reason: 'no_license', ids: [] };
  }
  const parsed = parseLicenseExpression(expression);
  if (!parsed.ok) return { status: 'unknown', reason: 'invalid_expression', ids: [] };
  const allow = new Set(policy.allow.map((s) => s.trim().toLowerCase()));
  const deny = new Set(policy.deny.map((s) => s.trim().toLowerCase()));
  const evaluate = (n: LicenseNode): Leaf =>
    n.kind === 'license' ? leafVerdict(n, allow, deny) : combine(n.kind, evaluate(n.left), evaluate(n.right));
  const v = evaluate(parsed.tree);
  switch (v.status) {
    case 'allowed':
      return { status: 'allowed' };
    case 'denied':
      return { status: 'denied', offending: [...new Set(v.ids)] };
    case 'unknown':
      return { status: 'unknown', reason: 'not_listed', ids: [...new Set(v.ids)] };
  }
}
