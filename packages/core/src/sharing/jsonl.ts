import type { ReporterTerms } from './detect.ts';
import { proposeRedactions, type AnalysedSpan } from './sanitize.ts';

/** Longest line the batch command accepts (a report text of 1 MB plus its dictionary). */
export const MAX_JSONL_LINE = 4 * 1024 * 1024;

export interface JsonlInput {
  id: string | number;
  lang: 'ja' | 'en';
  dictionary: string[];
  text: string;
}

/** A dictionary as the batch input gives it: domain-like entries are domains, the rest are names. */
export function termsFromDictionary(dictionary: readonly string[]): ReporterTerms {
  const domains = dictionary.filter((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d.trim()));
  return { names: dictionary.filter((d) => !domains.includes(d)), domains, customers: [] };
}

/** Reads one input line; a located problem (`/text`, `/dictionary/2`) instead of a throw. */
export function parseJsonlLine(
  line: string,
): { ok: true; value: JsonlInput } | { ok: false; pointer: string; message: string } {
  if (line.length > MAX_JSONL_LINE) return { ok: false, pointer: '', message: 'line too long' };
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { ok: false, pointer: '', message: 'not JSON' };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { ok: false, pointer: '', message: 'not an object' };
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' && typeof o.id !== 'number')
    return { ok: false, pointer: '/id', message: 'id missing' };
  if (typeof o.text !== 'string') return { ok: false, pointer: '/text', message: 'text must be a string' };
  const dict = o.dictionary ?? [];
  if (!Array.isArray(dict))
    return { ok: false, pointer: '/dictionary', message: 'dictionary must be an array' };
  const bad = dict.findIndex((d) => typeof d !== 'string');
  if (bad >= 0) return { ok: false, pointer: `/dictionary/${bad}`, message: 'entry must be a string' };
  const lang = o.lang === 'en' ? 'en' : 'ja';
  return { ok: true, value: { id: o.id, lang, dictionary: dict as string[], text: o.text } };
}

/** One output line of `shinrai sharing sanitize --jsonl`: offsets in UTF-16 code units of `text`. */
export function sanitizeJsonl(input: JsonlInput, analysed: readonly AnalysedSpan[]) {
  const p = proposeRedactions({
    text: input.text,
    reporter: termsFromDictionary(input.dictionary),
    analysed,
  });
  return {
    id: input.id,
    redactions: p.redactions.map((r) => ({ start: r.start, end: r.end, category: r.category, text: r.text })),
    indicators: p.indicators.map((i) => ({ type: i.type, value: i.value, start: i.start, end: i.end })),
  };
}
