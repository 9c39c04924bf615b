import { detect, type Candidate, type Reason, type ReporterTerms } from './detect.ts';
import { foldWidth } from './normalize.ts';
import { REDACTION_PLACEHOLDER, type IndicatorType, type RedactionCategory } from './vocab.ts';

/** A span to hide, in UTF-16 code units of the text, with why it was proposed. */
export interface Redaction {
  start: number;
  end: number;
  category: RedactionCategory;
  text: string;
  reason: Reason;
}

/** An attacker indicator found in the text; kept and shared. */
export interface FoundIndicator {
  type: IndicatorType;
  value: string;
  start: number;
  end: number;
  reason: Reason;
}

/** A span the morphological analyser tagged (a person name), computed outside core (kuromoji loads files). */
export interface AnalysedSpan {
  start: number;
  end: number;
  category: 'person';
}

export interface SanitizeInput {
  text: string;
  reporter: ReporterTerms;
  analysed?: readonly AnalysedSpan[];
}

export interface Proposal {
  redactions: Redaction[];
  indicators: FoundIndicator[];
}

type Span = { start: number; end: number };
const len = (c: Span) => c.end - c.start;

/** In spans sorted by start and disjoint (so also sorted by end): the index of the first ending after `at`. */
function firstEndingAfter(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).end > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** In sorted numbers: how many are below `bound`. */
function countBelow(sorted: readonly number[], bound: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Proposes redactions and indicators for a report text. Pure: the analyser's person spans come in as input.
 *
 * Rules, in order: (1) indicators (attacker data) are chosen longest first, not overlapping; (2) a redaction
 * wholly inside a kept indicator is dropped (a look-alike domain keeps the reporter's name it imitates), except
 * that a strong redaction (the reporter's own names, domains, numbers, private addresses) overlapping an
 * indicator only in part removes that indicator; (3) overlapping redactions merge into one span, so no
 * dictionary term is ever left half visible.
 */
export function proposeRedactions(input: SanitizeInput): Proposal {
  const f = foldWidth(input.text);
  const all: Candidate[] = detect(f, input.reporter);
  for (const a of input.analysed ?? [])
    all.push({
      kind: 'redaction',
      start: a.start,
      end: a.end,
      category: 'person',
      reason: 'analyser_person',
      strong: false,
    });

  const indicatorCands = all
    .filter((c): c is Extract<Candidate, { kind: 'indicator' }> => c.kind === 'indicator')
    .sort((a, b) => len(b) - len(a) || a.start - b.start);
  const redactionCands = all.filter(
    (c): c is Extract<Candidate, { kind: 'redaction' }> => c.kind === 'redaction',
  );

  // Kept indicators are disjoint; held sorted by start, each question is a binary search (a 1 MB text has
  // thousands of each: comparing every pair took most of this function's time).
  const kept: Extract<Candidate, { kind: 'indicator' }>[] = [];
  for (const i of indicatorCands) {
    const at = firstEndingAfter(kept, i.start);
    if (at < kept.length && (kept[at] as Span).start < i.end) continue;
    kept.splice(at, 0, i);
  }
  // A strong redaction overlapping an indicator in part wins over it: one that starts before the indicator
  // and reaches into it, or one that starts before its end and reaches past it.
  const strong = redactionCands.filter((r) => r.strong).sort((a, b) => a.start - b.start);
  const starts = strong.map((r) => r.start);
  const maxEnd: number[] = [];
  for (const r of strong) maxEnd.push(Math.max(r.end, maxEnd[maxEnd.length - 1] ?? -1));
  const reachBefore = (bound: number) => maxEnd[countBelow(starts, bound) - 1] ?? -1;
  const survivors = kept.filter((k) => !(reachBefore(k.start) > k.start || reachBefore(k.end) > k.end));
  const reds = redactionCands.filter((r) => {
    const at = firstEndingAfter(survivors, r.start);
    return !(at < survivors.length && (survivors[at] as Span).start < r.end);
  });

  reds.sort((a, b) => a.start - b.start || len(b) - len(a) || Number(b.strong) - Number(a.strong));
  const merged: (typeof reds)[number][] = [];
  for (const r of reds) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      // The reporter's own data decides the category; otherwise the longer span does.
      const longer = r.strong !== last.strong ? (r.strong ? r : last) : len(r) > len(last) ? r : last;
      merged[merged.length - 1] = { ...longer, start: last.start, end: Math.max(last.end, r.end) };
    } else merged.push({ ...r });
  }
  return {
    redactions: merged.map((r) => ({
      start: r.start,
      end: r.end,
      category: r.category,
      text: input.text.slice(r.start, r.end),
      reason: r.reason,
    })),
    indicators: survivors
      .sort((a, b) => a.start - b.start)
      .map((i) => ({ type: i.type, value: i.value, start: i.start, end: i.end, reason: i.reason })),
  };
}

/** The text with each redaction replaced by its placeholder. Redactions must not overlap (as proposed). */
export function applyRedactions(
  text: string,
  redactions: readonly Pick<Redaction, 'start' | 'end' | 'category'>[],
  lang: 'ja' | 'en',
): string {
  const sorted = [...redactions].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) continue;
    out += text.slice(at, r.start) + REDACTION_PLACEHOLDER[r.category][lang];
    at = r.end;
  }
  return out + text.slice(at);
}

/** Checks analyst-edited redactions: within the text, not overlapping, end after start. */
export function redactionProblem(
  text: string,
  redactions: readonly { start: number; end: number }[],
): number | null {
  const sorted = redactions.map((r, i) => ({ ...r, i })).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const r of sorted) {
    if (
      !Number.isInteger(r.start) ||
      !Number.isInteger(r.end) ||
      r.start < at ||
      r.end <= r.start ||
      r.end > text.length
    )
      return r.i;
    at = r.end;
  }
  return null;
}
