import {
  THREAT_DEFS,
  THREAT_KEYS,
  THREAT_YEARS,
  type RankedThreat,
  type ThreatDef,
  type ThreatKey,
  type ThreatYear,
} from './list.ts';

/**
 * Rank history and year-on-year movement over the IPA organisation ranking. Pure functions over the data in
 * list.ts; each takes an optional `data` argument (default: the built-in data) so the rules can be tested on
 * small fixtures.
 */

export interface ThreatData {
  years: readonly ThreatYear[];
  defs: Readonly<Record<ThreatKey, ThreatDef>>;
}

export const BUILTIN_THREAT_DATA: ThreatData = { years: THREAT_YEARS, defs: THREAT_DEFS };

/**
 * - 'up' / 'down' / 'same': ranked the previous year too (a lower number is higher: 3 → 1 is 'up').
 * - 'returning': not ranked the previous year but ranked before — in an earlier year held here (previousRank and
 *   previousYear say where), or, per IPA's counts, before the first year held here (previousRank null).
 * - 'new': first time in the ranking at all (IPA's 初選出).
 * - 'unknown': the first year held here (no previous year to compare with), or a first appearance where it is not
 *   known whether IPA ranked the threat before our range.
 */
export type Movement = 'new' | 'up' | 'down' | 'same' | 'returning' | 'unknown';

export interface MovementResult {
  movement: Movement;
  /** The rank the comparison is made with: last year's for up/down/same, the last one held for 'returning'. */
  previousRank: number | null;
  previousYear: number | null;
}

export interface RankHistoryPoint {
  year: number;
  rank: number | null;
  /** That year's IPA title (titles change over the years); null when not ranked. */
  titleJa: string | null;
}

export interface YearTableRow extends RankedThreat, MovementResult {
  threat: ThreatDef;
}

/** Years held, ascending. */
export function threatYears(data: ThreatData = BUILTIN_THREAT_DATA): number[] {
  return data.years.map((y) => y.year).sort((a, b) => a - b);
}

function yearOf(data: ThreatData, year: number): ThreatYear | undefined {
  return data.years.find((y) => y.year === year);
}

/** The ranked entries of a year, by rank; empty for a year not held. */
export function threatsOfYear(year: number, data: ThreatData = BUILTIN_THREAT_DATA): RankedThreat[] {
  const y = yearOf(data, year);
  return y ? [...y.entries].sort((a, b) => a.rank - b.rank) : [];
}

function entryOf(data: ThreatData, year: number, key: ThreatKey): RankedThreat | undefined {
  return yearOf(data, year)?.entries.find((e) => e.key === key);
}

/** A threat's rank in every year held (null where it was not in the top 10), ascending by year. */
export function rankHistory(key: ThreatKey, data: ThreatData = BUILTIN_THREAT_DATA): RankHistoryPoint[] {
  return threatYears(data).map((year) => {
    const e = entryOf(data, year, key);
    return { year, rank: e?.rank ?? null, titleJa: e?.titleJa ?? null };
  });
}

/** How a threat moved into its rank of `year`; null when it is not ranked that year (or the year is not held). */
export function movement(
  year: number,
  key: ThreatKey,
  data: ThreatData = BUILTIN_THREAT_DATA,
): MovementResult | null {
  const current = entryOf(data, year, key);
  if (!current) return null;
  const years = threatYears(data);
  const earlier = years.filter((y) => y < year);
  if (earlier.length === 0) return { movement: 'unknown', previousRank: null, previousYear: null };

  const prevYear = year - 1;
  const prev = years.includes(prevYear) ? entryOf(data, prevYear, key) : undefined;
  if (prev) {
    const m: Movement = current.rank < prev.rank ? 'up' : current.rank > prev.rank ? 'down' : 'same';
    return { movement: m, previousRank: prev.rank, previousYear: prevYear };
  }
  // A gap in the years held means last year is unknown: say so rather than guess.
  if (!years.includes(prevYear)) return { movement: 'unknown', previousRank: null, previousYear: null };

  for (const y of [...earlier].reverse()) {
    const e = entryOf(data, y, key);
    if (e) return { movement: 'returning', previousRank: e.rank, previousYear: y };
  }
  const before = data.defs[key].rankedBeforeRange;
  if (before === true) return { movement: 'returning', previousRank: null, previousYear: null };
  if (before === false) return { movement: 'new', previousRank: null, previousYear: null };
  return { movement: 'unknown', previousRank: null, previousYear: null };
}

/** A year's ranking with each entry's movement and threat definition; empty for a year not held. */
export function yearTable(year: number, data: ThreatData = BUILTIN_THREAT_DATA): YearTableRow[] {
  return threatsOfYear(year, data).map((e) => {
    const m = movement(year, e.key, data) ?? {
      movement: 'unknown' as const,
      previousRank: null,
      previousYear: null,
    };
    return { ...e, ...m, threat: data.defs[e.key] };
  });
}

/** Threats ranked the year before `year` but not in `year`, by their previous rank. */
export function droppedOut(
  year: number,
  data: ThreatData = BUILTIN_THREAT_DATA,
): { key: ThreatKey; previousRank: number }[] {
  const current = new Set(threatsOfYear(year, data).map((e) => e.key));
  if (!yearOf(data, year)) return [];
  return threatsOfYear(year - 1, data)
    .filter((e) => !current.has(e.key))
    .map((e) => ({ key: e.key, previousRank: e.rank }));
}

/** Every entry not confirmed by a cited source, with its year. */
export function unconfirmedEntries(
  data: ThreatData = BUILTIN_THREAT_DATA,
): { year: number; entry: RankedThreat }[] {
  return threatYears(data).flatMap((year) =>
    threatsOfYear(year, data)
      .filter((e) => !e.confirmed)
      .map((entry) => ({ year, entry })),
  );
}

/** Counts per year: how many entries are confirmed and how many are not. */
export function confirmationSummary(
  data: ThreatData = BUILTIN_THREAT_DATA,
): { year: number; confirmed: number; unconfirmed: number }[] {
  return threatYears(data).map((year) => {
    const entries = threatsOfYear(year, data);
    const confirmed = entries.filter((e) => e.confirmed).length;
    return { year, confirmed, unconfirmed: entries.length - confirmed };
  });
}

export interface ThreatDataProblem {
  year: number | null;
  key: string | null;
  problem:
    | 'duplicate_year'
    | 'year_gap'
    | 'ranks_not_1_to_10'
    | 'duplicate_key'
    | 'unknown_key'
    | 'def_key_mismatch'
    | 'missing_source'
    | 'source_not_listed'
    | 'unconfirmed_without_note'
    | 'empty_title';
  value: string;
}

const isHttpUrl = (s: string): boolean => /^https?:\/\/\S+$/.test(s);

/**
 * Checks the data's invariants: consecutive unique years; ranks 1..10 exactly once per ranked year; one entry per
 * threat per year; known keys; every confirmed entry cites an http(s) source listed among the year's sources;
 * every unconfirmed entry says why.
 */
export function checkThreatData(data: ThreatData = BUILTIN_THREAT_DATA): ThreatDataProblem[] {
  const problems: ThreatDataProblem[] = [];
  const seenYears = new Set<number>();
  for (const y of data.years) {
    if (seenYears.has(y.year))
      problems.push({ year: y.year, key: null, problem: 'duplicate_year', value: String(y.year) });
    seenYears.add(y.year);
  }
  const years = [...seenYears].sort((a, b) => a - b);
  for (let i = 1; i < years.length; i++)
    if (years[i]! !== years[i - 1]! + 1)
      problems.push({
        year: years[i]!,
        key: null,
        problem: 'year_gap',
        value: `${years[i - 1]}→${years[i]}`,
      });

  for (const k of THREAT_KEYS)
    if (data.defs[k]?.key !== k)
      problems.push({ year: null, key: k, problem: 'def_key_mismatch', value: String(data.defs[k]?.key) });

  for (const y of data.years) {
    if (y.ranked) {
      const ranks = y.entries.map((e) => e.rank).sort((a, b) => a - b);
      const expected = Array.from({ length: 10 }, (_, i) => i + 1);
      if (ranks.join(',') !== expected.join(','))
        problems.push({ year: y.year, key: null, problem: 'ranks_not_1_to_10', value: ranks.join(',') });
    }
    const keys = new Set<string>();
    for (const e of y.entries) {
      if (keys.has(e.key))
        problems.push({ year: y.year, key: e.key, problem: 'duplicate_key', value: e.key });
      keys.add(e.key);
      if (!(THREAT_KEYS as readonly string[]).includes(e.key))
        problems.push({ year: y.year, key: e.key, problem: 'unknown_key', value: e.key });
      if (!e.titleJa.trim() || !e.titleEn.trim())
        problems.push({ year: y.year, key: e.key, problem: 'empty_title', value: `${e.rank}` });
      if (e.confirmed) {
        if (!isHttpUrl(e.source))
          problems.push({ year: y.year, key: e.key, problem: 'missing_source', value: e.source });
        else if (!y.sources.includes(e.source))
          problems.push({ year: y.year, key: e.key, problem: 'source_not_listed', value: e.source });
      } else if (!e.note?.trim()) {
        problems.push({ year: y.year, key: e.key, problem: 'unconfirmed_without_note', value: `${e.rank}` });
      }
    }
  }
  return problems;
}
