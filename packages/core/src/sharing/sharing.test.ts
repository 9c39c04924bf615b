import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRedactions,
  detect,
  foldWidth,
  isValidMyNumber,
  parseJsonlLine,
  proposeRedactions,
  sanitizeJsonl,
  type Candidate,
  type ReporterTerms,
} from './index.ts';

const reporter: ReporterTerms = {
  names: ['サンプル電機', 'Sample Denki', 'sample-denki'],
  domains: ['sample-denki.co.jp'],
  customers: ['ミナト商事'],
};
const cats = (text: string, r = reporter) => {
  const p = proposeRedactions({ text, reporter: r });
  return {
    red: p.redactions.map((x) => [x.category, x.text]),
    ind: p.indicators.map((x) => [x.type, x.value, x.reason]),
  };
};

describe('sanitization proposal', () => {
  it('redacts what identifies the reporter and keeps what describes the attacker', () => {
    const t =
      '弊社（サンプル電機株式会社）の山田太郎さん宛に billing@sample-denki-invoice.com から。C2 は 203.0.113.45、' +
      '端末 PC-KEIRI-023（192.168.10.23）。連絡先 ０３－１２３４－５６７８ 内線 4021、yamada@sample-denki.co.jp。';
    const { red, ind } = cats(t);
    expect(red).toEqual([
      ['org', 'サンプル電機株式会社'],
      ['person', '山田太郎'],
      ['hostname', 'PC-KEIRI-023'],
      ['private_ip', '192.168.10.23'],
      ['phone', '０３－１２３４－５６７８ 内線 4021'],
      ['email', 'yamada@sample-denki.co.jp'],
    ]);
    expect(ind).toEqual([
      ['email', 'billing@sample-denki-invoice.com', 'lookalike_domain'],
      ['ipv4', '203.0.113.45', 'public_ip'],
    ]);
  });

  it('finds 法人番号 and マイナンバー only with a right check digit', () => {
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('123456789012')).toBe(false);
    expect(cats('番号 123456789018 と 123456789012').red).toEqual([['my_number', '123456789018']]);
    expect(cats('法人番号 7010001008844、誤り 7010001008845').red).toEqual([
      ['corporate_number', '7010001008844'],
    ]);
  });

  it('keeps defanged URLs, hashes, CVE and bitcoin addresses as refanged indicators', () => {
    const { ind, red } = cats(
      'hxxps://evil[.]example/a.php 44d88612fea8a8f36de82e1278abb02f CVE-2024-3400 bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    );
    expect(red).toEqual([]);
    expect(ind.map((i) => i[0])).toEqual(['url', 'md5', 'cve', 'btc']);
    expect(ind[0]?.[1]).toBe('https://evil.example/a.php');
  });

  it('redacts addresses, employee ids, internal hosts and Latin names in English', () => {
    const { red } = cats(
      'Ms. Hanako Sato (employee ID: E-20931) at 1-2-3 Kasumigaseki, Chiyoda-ku, Tokyo 100-0013 logged on to fs01.corp.local ' +
        'from 10.0.4.7; call +81-3-1234-5678.',
    );
    expect(red.map((r) => r[0])).toEqual([
      'person',
      'employee_id',
      'address',
      'hostname',
      'private_ip',
      'phone',
    ]);
  });

  it('keeps offsets in UTF-16 code units (emoji and full-width text before a redaction)', () => {
    const text = '😀ＡＢ山田太郎さん';
    const r = proposeRedactions({
      text,
      reporter,
      analysed: [{ start: 4, end: 8, category: 'person' }],
    }).redactions;
    expect(r).toEqual([{ start: 4, end: 8, category: 'person', text: '山田太郎', reason: 'honorific' }]);
    expect(foldWidth(text).length).toBe(text.length);
  });

  it('a published text never contains a dictionary term outside a kept indicator (property)', () => {
    const noise = fc.constantFrom(
      '、',
      '。',
      ' ',
      'の',
      'メール',
      'から',
      'invoice',
      '\n',
      'ー',
      'Ｓ',
      '1',
      '-',
      '.',
      '株式会社',
    );
    const term = fc.constantFrom(
      ...reporter.names,
      'SAMPLE DENKI',
      'ｓａｍｐｌｅ－ｄｅｎｋｉ',
      'サンプル電機株式会社',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(noise, term), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const p = proposeRedactions({ text, reporter });
        const published = applyRedactions(text, p.redactions, 'ja');
        let rest = foldWidth(published).toLowerCase();
        for (const i of p.indicators)
          rest = rest.split(foldWidth(text.slice(i.start, i.end)).toLowerCase()).join('|');
        for (const n of reporter.names) expect(rest).not.toContain(n.toLowerCase());
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });
});

describe('overlap rules by binary search', () => {
  type Span = { start: number; end: number };
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;
  /** The rules as first written, comparing every pair (too slow on 1 MB, kept here as the reference). */
  function pairwise(text: string, analysed: Span[]) {
    const all: Candidate[] = detect(foldWidth(text), reporter);
    for (const a of analysed)
      all.push({ kind: 'redaction', ...a, category: 'person', reason: 'analyser_person', strong: false });
    const len = (c: Span) => c.end - c.start;
    const inds = all
      .filter((c): c is Extract<Candidate, { kind: 'indicator' }> => c.kind === 'indicator')
      .sort((a, b) => len(b) - len(a) || a.start - b.start);
    const reds = all.filter((c): c is Extract<Candidate, { kind: 'redaction' }> => c.kind === 'redaction');
    let kept: typeof inds = [];
    for (const i of inds) if (!kept.some((k) => overlaps(k, i))) kept.push(i);
    kept = kept.filter((k) => !reds.some((r) => r.strong && overlaps(r, k) && !inside(r, k)));
    return {
      indicators: kept.sort((a, b) => a.start - b.start).map((i) => [i.start, i.end, i.type]),
      redactions: reds.filter((r) => !kept.some((k) => overlaps(r, k))).map((r) => [r.start, r.end]),
    };
  }

  it('keeps and drops exactly what comparing every pair did (property)', () => {
    const piece = fc.constantFrom(
      'サンプル電機',
      'sample-denki.co.jp',
      'https://sample-denki-invoice.com/a',
      'sample-denki-login.net',
      'a@sample-denki.co.jp',
      'x@sample-denki-invoice.com',
      '203.0.113.5',
      '192.168.1.2',
      'http://192.168.1.2/x',
      'mail.sample-denki.co.jp',
      ' ',
      '、',
      '.',
      '/',
      '-',
      '山田太郎さん',
      'ミナト商事',
      'evil.example',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 12 })), { maxLength: 4 }),
        (parts, spans) => {
          const text = parts.join('');
          const analysed = spans
            .filter(([s, l]) => s + l <= text.length)
            .map(([start, l]) => ({ start, end: start + l, category: 'person' as const }));
          const p = proposeRedactions({ text, reporter, analysed });
          const ref = pairwise(text, analysed);
          expect(p.indicators.map((i) => [i.start, i.end, i.type])).toEqual(ref.indicators);
          // The kept redactions, merged, cover exactly what the reference's do.
          const covered = (rs: number[][]) => {
            const at = new Set<number>();
            for (const [s, e] of rs) for (let i = s as number; i < (e as number); i++) at.add(i);
            return [...at].sort((a, b) => a - b);
          };
          expect(covered(p.redactions.map((r) => [r.start, r.end]))).toEqual(covered(ref.redactions));
        },
      ),
      { seed: 15, numRuns: 500 },
    );
  });
});

describe('batch lines', () => {
  it('reads a line and answers with offsets; located problems for bad input', () => {
    const l = parseJsonlLine(
      '{"id":"r1","lang":"ja","dictionary":["sample-denki.co.jp"],"text":"a@sample-denki.co.jp","x":1}',
    );
    expect(l.ok).toBe(true);
    if (l.ok)
      expect(sanitizeJsonl(l.value, [])).toEqual({
        id: 'r1',
        redactions: [{ start: 0, end: 20, category: 'email', text: 'a@sample-denki.co.jp' }],
        indicators: [],
      });
    expect(parseJsonlLine('{"id":1,"text":"x","dictionary":["a",2]}')).toMatchObject({
      ok: false,
      pointer: '/dictionary/1',
    });
    expect(parseJsonlLine('nope')).toMatchObject({ ok: false });
  });
});
