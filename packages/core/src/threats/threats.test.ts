import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { flattenPack, type CatalogPack } from '../catalog/pack.ts';
import { DIRECTIVE_REFS } from '../governance/index.ts';
import {
  BUILTIN_THREAT_DATA,
  checkThreatData,
  confirmationSummary,
  droppedOut,
  isThreatKey,
  MAPPABLE_CPSF_IDS,
  movement,
  rankHistory,
  THREAT_DEFS,
  THREAT_KEYS,
  THREAT_MAPPINGS,
  THREAT_YEARS,
  threatsAnsweredBy,
  threatsOfYear,
  threatYears,
  unconfirmedEntries,
  yearTable,
  type ThreatData,
  type ThreatKey,
  type ThreatYear,
} from './index.ts';

const catalogs = path.resolve(import.meta.dirname, '../../../../catalogs');

function cpsfRequirementIds(): Set<string> {
  const pack = parse(readFileSync(path.join(catalogs, 'packs/meti-cpsf-v1.yaml'), 'utf8')) as CatalogPack;
  return new Set(
    flattenPack(pack.nodes)
      .map((n) => n.ref)
      .filter((ref) => /^CPS\.[A-Z]{2}-\d+$/.test(ref)),
  );
}

function governanceDirectiveRefs(): Set<string> {
  const pack = parse(
    readFileSync(path.join(catalogs, 'packs/meti-cyber-mgmt-guidelines-v3.yaml'), 'utf8'),
  ) as CatalogPack;
  return new Set(flattenPack(pack.nodes).map((n) => n.ref));
}

describe('the data', () => {
  it('holds every year 2020–2026', () => {
    expect(threatYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('passes its own invariant check', () => {
    expect(checkThreatData()).toEqual([]);
  });

  it('has ranks 1..10 exactly once and one entry per threat in every year (IPA ranked organisations every year)', () => {
    for (const y of THREAT_YEARS) {
      expect(y.ranked).toBe(true);
      expect(y.entries.map((e) => e.rank).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(new Set(y.entries.map((e) => e.key)).size).toBe(10);
      for (const e of y.entries) expect(isThreatKey(e.key)).toBe(true);
    }
  });

  it('uses every defined key somewhere, and each definition carries its own key and both languages', () => {
    const used = new Set(THREAT_YEARS.flatMap((y) => y.entries.map((e) => e.key)));
    expect([...used].sort()).toEqual([...THREAT_KEYS].sort());
    for (const k of THREAT_KEYS) {
      const d = THREAT_DEFS[k];
      expect(d.key).toBe(k);
      expect(d.description.ja.length).toBeGreaterThan(10);
      expect(d.description.en.length).toBeGreaterThan(10);
    }
  });

  it('records the facts known for 2026', () => {
    const t = threatsOfYear(2026);
    const at = (rank: number) => t.find((e) => e.rank === rank)!;
    expect(at(1)).toMatchObject({ key: 'ransomware', titleJa: 'ランサム攻撃による被害' });
    expect(at(2)).toMatchObject({ key: 'supply-chain', titleJa: 'サプライチェーンや委託先を狙った攻撃' });
    expect(at(3)).toMatchObject({
      key: 'ai-risk',
      titleJa: 'AIの利用をめぐるサイバーリスク',
      ipaRecord: '初選出',
    });
    expect(at(6).key).toBe('geopolitical');
    expect(at(6).titleJa.startsWith('地政学的リスクに起因するサイバー攻撃')).toBe(true);
    expect(at(10)).toMatchObject({ key: 'bec', titleJa: 'ビジネスメール詐欺' });
  });

  it('checks the 2020 list against the METI deck (ranks 2–10 by title)', () => {
    expect(threatsOfYear(2020).map((e) => e.key)).toEqual([
      'targeted-attack',
      'insider',
      'bec',
      'supply-chain',
      'ransomware',
      'it-outage',
      'careless-leak',
      'personal-data-theft',
      'iot-misuse',
      'ddos',
    ]);
  });
});

describe('confirmation', () => {
  it('flags every unconfirmed entry, and each says why', () => {
    const all = THREAT_YEARS.flatMap((y) => y.entries.map((entry) => ({ year: y.year, entry })));
    const flagged = unconfirmedEntries();
    expect(flagged).toEqual(
      all.filter((x) => !x.entry.confirmed).sort((a, b) => a.year - b.year || a.entry.rank - b.entry.rank),
    );
    for (const { entry } of flagged) expect(entry.note?.trim()).toBeTruthy();
  });

  it('treats an unconfirmed entry without a note, or a confirmed one without a listed source, as a problem', () => {
    const y2026 = THREAT_YEARS.find((y) => y.year === 2026)!;
    const broken: ThreatYear = {
      ...y2026,
      entries: y2026.entries.map((e, i) =>
        i === 0
          ? { ...e, confirmed: false, note: undefined }
          : i === 1
            ? { ...e, source: 'https://example.invalid/x' }
            : e,
      ),
    };
    const problems = checkThreatData({ ...BUILTIN_THREAT_DATA, years: [broken] });
    expect(problems.map((p) => p.problem).sort()).toEqual(['source_not_listed', 'unconfirmed_without_note']);
  });

  it('matches the per-year confirmed/unconfirmed counts stated in SOURCES.md', () => {
    const md = readFileSync(path.join(import.meta.dirname, 'SOURCES.md'), 'utf8');
    for (const s of confirmationSummary()) {
      const row = new RegExp(`^\\|\\s*${s.year}\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|`, 'm').exec(md);
      expect(row, `SOURCES.md row for ${s.year}`).not.toBeNull();
      expect([Number(row![1]), Number(row![2])]).toEqual([s.confirmed, s.unconfirmed]);
    }
  });

  it('cites, in SOURCES.md, every source URL the data uses', () => {
    const md = readFileSync(path.join(import.meta.dirname, 'SOURCES.md'), 'utf8');
    for (const y of THREAT_YEARS) for (const url of y.sources) expect(md, url).toContain(url);
  });
});

describe('mapping', () => {
  it('maps every threat to at least one CPSF requirement and one directive', () => {
    for (const k of THREAT_KEYS) {
      expect(THREAT_MAPPINGS[k].cpsf.length).toBeGreaterThan(0);
      expect(THREAT_MAPPINGS[k].directives.length).toBeGreaterThan(0);
    }
  });

  it('uses only CPSF requirement IDs present in the built-in CPSF pack', () => {
    const ids = cpsfRequirementIds();
    expect(ids.size).toBe(15);
    expect([...MAPPABLE_CPSF_IDS].sort()).toEqual([...ids].sort());
    for (const k of THREAT_KEYS)
      for (const c of THREAT_MAPPINGS[k].cpsf) expect(ids, `${k} → ${c.id}`).toContain(c.id);
  });

  it('uses only directive refs of the governance module and the guidelines pack', () => {
    const packRefs = governanceDirectiveRefs();
    for (const k of THREAT_KEYS)
      for (const d of THREAT_MAPPINGS[k].directives) {
        expect(DIRECTIVE_REFS as readonly string[], `${k} → ${d.ref}`).toContain(d.ref);
        expect(packRefs, `${k} → ${d.ref}`).toContain(d.ref);
      }
  });

  it('gives a reason in both languages, and no duplicate links', () => {
    for (const k of THREAT_KEYS) {
      const m = THREAT_MAPPINGS[k];
      for (const l of [...m.cpsf, ...m.directives]) {
        expect(l.reason.ja.trim()).not.toBe('');
        expect(l.reason.en.trim()).not.toBe('');
      }
      expect(new Set(m.cpsf.map((c) => c.id)).size).toBe(m.cpsf.length);
      expect(new Set(m.directives.map((d) => d.ref)).size).toBe(m.directives.length);
    }
  });

  it('finds threats by requirement', () => {
    expect(threatsAnsweredBy('CPS.IP-9')).toEqual(['insider']);
    expect(threatsAnsweredBy('directive-9')).toEqual(
      expect.arrayContaining(['supply-chain', 'bec', 'it-outage']),
    );
    expect(threatsAnsweredBy('CPS.XX-1')).toEqual([]);
  });
});

describe('history', () => {
  it('gives the rank per year, null when not ranked', () => {
    expect(rankHistory('ai-risk').map((p) => p.rank)).toEqual([null, null, null, null, null, null, 3]);
    expect(rankHistory('ransomware').map((p) => p.rank)).toEqual([5, 1, 1, 1, 1, 1, 1]);
    expect(rankHistory('zero-day').map((p) => p.rank)).toEqual([null, null, 7, 6, 5, null, null]);
    expect(rankHistory('ddos').map((p) => p.rank)).toEqual([10, null, null, null, null, 8, 9]);
    expect(rankHistory('targeted-attack').map((p) => p.titleJa)).toEqual([
      '標的型攻撃による機密情報の窃取',
      '標的型攻撃による機密情報の窃取',
      '標的型攻撃による機密情報の窃取',
      '標的型攻撃による機密情報の窃取',
      '標的型攻撃による機密情報の窃取',
      '機密情報等を狙った標的型攻撃',
      '機密情報を狙った標的型攻撃',
    ]);
  });

  it('computes movement for hand-checked cases', () => {
    expect(movement(2026, 'ai-risk')).toEqual({ movement: 'new', previousRank: null, previousYear: null });
    expect(movement(2025, 'geopolitical')).toEqual({
      movement: 'new',
      previousRank: null,
      previousYear: null,
    });
    expect(movement(2026, 'geopolitical')).toEqual({ movement: 'up', previousRank: 7, previousYear: 2025 });
    expect(movement(2021, 'ransomware')).toEqual({ movement: 'up', previousRank: 5, previousYear: 2020 });
    expect(movement(2021, 'targeted-attack')).toEqual({
      movement: 'down',
      previousRank: 1,
      previousYear: 2020,
    });
    expect(movement(2026, 'ransomware')).toEqual({ movement: 'same', previousRank: 1, previousYear: 2025 });
    // DDoS: 10th in 2020, out 2021–2024, back in 2025 (IPA: 5年ぶり).
    expect(movement(2025, 'ddos')).toEqual({ movement: 'returning', previousRank: 10, previousYear: 2020 });
    // Vulnerability exploitation: 7th in 2024 under the old title, 3rd in 2025 under the new one.
    expect(movement(2025, 'vuln-exploit')).toEqual({ movement: 'up', previousRank: 7, previousYear: 2024 });
    // First appearance within our range, but IPA ranked it before 2020.
    expect(movement(2021, 'vuln-exploit')).toEqual({
      movement: 'returning',
      previousRank: null,
      previousYear: null,
    });
    expect(movement(2023, 'crime-as-a-service')).toEqual({
      movement: 'returning',
      previousRank: null,
      previousYear: null,
    });
    expect(movement(2021, 'remote-work')?.movement).toBe('new');
    expect(movement(2022, 'zero-day')?.movement).toBe('new');
    // Not known whether it was ranked before 2020.
    expect(movement(2021, 'unauthorized-login')?.movement).toBe('unknown');
    // No year before 2020 is held.
    expect(movement(2020, 'targeted-attack')).toEqual({
      movement: 'unknown',
      previousRank: null,
      previousYear: null,
    });
    // Not ranked that year / year not held.
    expect(movement(2025, 'zero-day')).toBeNull();
    expect(movement(2019, 'ransomware')).toBeNull();
  });

  it('agrees with the streaks IPA states ("N年連続", "N年ぶり", "初選出") for 2024–2026', () => {
    let checked = 0;
    for (const y of THREAT_YEARS)
      for (const e of y.entries) {
        if (!e.ipaRecord) continue;
        checked++;
        const m = movement(y.year, e.key)!;
        const history = rankHistory(e.key);
        const rankIn = (year: number) => history.find((p) => p.year === year)?.rank ?? null;
        const streak = /^(\d+)年連続/.exec(e.ipaRecord);
        const gap = /^(\d+)年ぶり/.exec(e.ipaRecord);
        if (e.ipaRecord === '初選出') {
          expect(m.movement, `${y.year} ${e.key}`).toBe('new');
        } else if (streak) {
          const n = Number(streak[1]);
          for (let yr = y.year - n + 1; yr <= y.year; yr++)
            if (yr >= 2020) expect(rankIn(yr), `${e.key} in ${yr}`).not.toBeNull();
          if (y.year - n >= 2020) expect(rankIn(y.year - n), `${e.key} in ${y.year - n}`).toBeNull();
        } else if (gap) {
          expect(m.movement).toBe('returning');
          expect(m.previousYear).toBe(y.year - Number(gap[1]));
        } else {
          throw new Error(`unparsed ipaRecord ${e.ipaRecord}`);
        }
      }
    expect(checked).toBe(30);
  });

  it('builds a year table with movement and definitions, in rank order', () => {
    const t = yearTable(2026);
    expect(t.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(t.map((r) => r.movement)).toEqual([
      'same',
      'same',
      'new',
      'down',
      'same',
      'up',
      'down',
      'down',
      'down',
      'down',
    ]);
    expect(t[2]!.threat.key).toBe('ai-risk');
    expect(yearTable(2019)).toEqual([]);
  });

  it('lists what dropped out', () => {
    expect(droppedOut(2026)).toEqual([{ key: 'careless-leak', previousRank: 10 }]);
    expect(
      droppedOut(2025)
        .map((d) => d.key)
        .sort(),
    ).toEqual(['crime-as-a-service', 'zero-day']);
    expect(droppedOut(2020)).toEqual([]);
  });

  it('applies the rules to a small fixture', () => {
    const entry = (rank: number, key: ThreatKey) => ({
      rank,
      key,
      titleJa: key,
      titleEn: key,
      confirmed: true,
      source: 'https://example.invalid/',
    });
    const fill = (keys: ThreatKey[]) => keys.map((k, i) => entry(i + 1, k));
    const pad: ThreatKey[] = [
      'bec',
      'careless-leak',
      'zero-day',
      'remote-work',
      'geopolitical',
      'crime-as-a-service',
      'it-outage',
    ];
    const data: ThreatData = {
      defs: THREAT_DEFS,
      years: [
        {
          year: 2030,
          announced: '',
          ipaUrl: '',
          ranked: true,
          sources: [],
          entries: fill(['ransomware', 'insider', 'ddos', ...pad]),
        },
        {
          year: 2031,
          announced: '',
          ipaUrl: '',
          ranked: true,
          sources: [],
          entries: fill(['insider', 'ransomware', 'ai-risk', ...pad]),
        },
        {
          year: 2032,
          announced: '',
          ipaUrl: '',
          ranked: true,
          sources: [],
          entries: fill(['insider', 'ddos', 'ransomware', ...pad]),
        },
      ],
    };
    expect(movement(2031, 'insider', data)?.movement).toBe('up');
    expect(movement(2031, 'ransomware', data)?.movement).toBe('down');
    expect(movement(2031, 'ai-risk', data)?.movement).toBe('new');
    expect(movement(2032, 'insider', data)?.movement).toBe('same');
    expect(movement(2032, 'ddos', data)).toEqual({
      movement: 'returning',
      previousRank: 3,
      previousYear: 2030,
    });
    expect(droppedOut(2032, data)).toEqual([{ key: 'ai-risk', previousRank: 3 }]);
    // A gap in the years held: the previous year is unknown, so is the movement.
    const gapped: ThreatData = { ...data, years: [data.years[0]!, data.years[2]!] };
    expect(movement(2032, 'insider', gapped)?.movement).toBe('unknown');
    expect(checkThreatData(gapped).map((p) => p.problem)).toContain('year_gap');
  });
});
