import { flattenPack } from '@shinrai/core';
import { parsePackYaml, readBuiltinMappings, readBuiltinPacks } from '@shinrai/server';
import { describe, expect, it } from 'vitest';

const packs = readBuiltinPacks();

describe('built-in catalog packs', () => {
  it('are all present', () => {
    expect(packs.map((p) => p.file)).toEqual(
      expect.arrayContaining([
        'ipa-sme-self-check.yaml',
        'ipa-five-rules.yaml',
        'meti-cyber-mgmt-guidelines-v3.yaml',
        'meti-cpsf-v1.yaml',
        'ipa-jc-star-star1.yaml',
        'meti-scs-level-choice.yaml',
      ]),
    );
  });

  it.each(packs.map((p) => [p.file, p.result] as const))(
    '%s validates against the JSON Schema and its references',
    (_file, result) => {
      expect(result.ok ? [] : result.errors).toEqual([]);
    },
  );

  it('have unique URNs', () => {
    const urns = packs.flatMap((p) => (p.result.ok ? [p.result.pack.id] : []));
    expect(new Set(urns).size).toBe(urns.length);
  });

  const get = (file: string) => {
    const r = packs.find((p) => p.file === file)?.result;
    if (!r?.ok) throw new Error(`${file} did not load`);
    return { pack: r.pack, flat: flattenPack(r.pack.nodes) };
  };

  it('SME self-check: 25 items in 3 parts, 4/2/0/−1 points, 4 bands', () => {
    const { pack, flat } = get('ipa-sme-self-check.yaml');
    expect(flat.filter((n) => n.kind === 'item').map((n) => n.ref)).toEqual(
      Array.from({ length: 25 }, (_, i) => String(i + 1)),
    );
    expect(flat.filter((n) => n.kind === 'group')).toHaveLength(3);
    const model = pack.answerModels.sme4;
    expect(model?.kind === 'choice' ? model.options.map((o) => o.points) : []).toEqual([4, 2, 0, -1]);
    expect(pack.scoring?.bands?.map((b) => b.min).sort((a, b) => a - b)).toEqual([-25, 50, 70, 100]);
    for (const n of flat.filter((x) => x.kind === 'item')) {
      expect(n.node.guidance?.ja, `item ${n.ref} needs advice`).toBeTruthy();
      expect(n.node.guidance?.en).toBeTruthy();
    }
  });

  it('management guidelines: 3 principles, 10 directives with at least 4 maturity questions each', () => {
    const { pack, flat } = get('meti-cyber-mgmt-guidelines-v3.yaml');
    const directives = flat.filter((n) => /^directive-\d+$/.test(n.ref));
    expect(directives).toHaveLength(10);
    for (const d of directives) {
      const questions = flat.filter((n) => n.parentRef === d.ref && n.kind === 'item');
      expect(questions.length, d.ref).toBeGreaterThanOrEqual(4);
      expect(questions.every((q) => q.node.provenance === 'own')).toBe(true);
    }
    const model = Object.values(pack.answerModels)[0];
    expect(model?.kind === 'maturity' ? model.levels.map((l) => l.level) : []).toEqual([0, 1, 2, 3, 4, 5]);
    expect(model?.kind === 'maturity' ? model.levels.every((l) => l.descriptor !== undefined) : false).toBe(
      true,
    );
  });

  it('CPSF: exactly the 15 confirmed requirement ids are official items', () => {
    const { flat } = get('meti-cpsf-v1.yaml');
    const items = flat.filter((n) => n.kind === 'item');
    expect(items.map((n) => n.ref).sort()).toEqual(
      [
        'CPS.AM-1',
        'CPS.GV-1',
        'CPS.RA-1',
        'CPS.RM-1',
        'CPS.SC-1',
        'CPS.AC-1',
        'CPS.AT-1',
        'CPS.DS-1',
        'CPS.IP-1',
        'CPS.IP-9',
        'CPS.MA-1',
        'CPS.AE-1',
        'CPS.CM-1',
        'CPS.DP-1',
        'CPS.RP-1',
      ].sort(),
    );
    expect(items.every((n) => n.node.provenance === 'official')).toBe(true);
  });

  it('never calls a node official unless its id is a confirmed one', () => {
    const { flat } = get('meti-scs-level-choice.yaml');
    expect(flat.every((n) => n.node.provenance === 'own')).toBe(true);
  });

  it('reports YAML syntax errors with line and column, and schema errors with a JSON pointer', () => {
    const syntax = parsePackYaml('id: [unclosed', 'bad.yaml');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.errors[0]?.pointer).toMatch(/^line \d+, column \d+$/);
    const schema = parsePackYaml('id: urn:shinrai:catalog:x\nversion: "1"\n', 'bad.yaml');
    expect(schema.ok).toBe(false);
    if (!schema.ok) expect(schema.errors.map((e) => e.pointer)).toContain('/version');
  });
});

describe('built-in pack content, checked against public sources (issue 13)', () => {
  const get = (file: string) => {
    const r = packs.find((p) => p.file === file)?.result;
    if (!r?.ok) throw new Error(`${file} did not load`);
    return { pack: r.pack, flat: flattenPack(r.pack.nodes) };
  };
  const node = (file: string, ref: string) => {
    const n = get(file).flat.find((f) => f.ref === ref)?.node;
    if (!n) throw new Error(`${file}: no node ${ref}`);
    return n;
  };
  const SELF_CHECK = 'ipa-sme-self-check.yaml';

  it('keeps provenance notes out of what people answering read (description), in `note` instead', () => {
    const provenance =
      /Shinrai独自の設問|二次情報|Shinraiの言葉|Shinraiの番号|公式の文言|公式の区分|paraphrase|secondary source|Shinrai's own question|official division|is Shinrai's\./i;
    for (const p of packs) {
      if (!p.result.ok) continue;
      for (const f of flattenPack(p.result.pack.nodes)) {
        const d = f.node.description;
        if (!d) continue;
        expect(provenance.test(d.ja) || provenance.test(d.en), `${p.file} ${f.ref}: ${d.ja}`).toBe(false);
      }
    }
    expect(node('meti-cyber-mgmt-guidelines-v3.yaml', 'directive-1').note?.ja).toMatch(/Ver2\.0の題名/);
  });

  it("self-check: items 23 and 24 are official, with a note and IPA's SME guideline page (第3.1版) as source", () => {
    const { pack, flat } = get(SELF_CHECK);
    expect(flat.filter((n) => n.kind === 'item').every((n) => n.node.provenance === 'official')).toBe(true);
    for (const ref of ['23', '24']) expect(node(SELF_CHECK, ref).note?.ja).toMatch(/第3\.1版/);
    expect(pack.sources.map((s) => s.url)).toContain('https://www.ipa.go.jp/security/guide/sme/about.html');
    expect(pack.notice?.ja).not.toMatch(/二次情報/);
  });

  it('self-check: items 2 and 3 keep the official meaning, 5, 13 and 20 are not close paraphrases', () => {
    // Item 2 asks that definitions are kept up to date (not "automatic"); item 3 asks for long, complex passwords.
    expect(node(SELF_CHECK, '2').title.ja).not.toMatch(/自動/);
    expect(node(SELF_CHECK, '2').title.en).not.toMatch(/automatic/i);
    expect(node(SELF_CHECK, '3').title.ja).not.toMatch(/サービスごと/);
    expect(node(SELF_CHECK, '3').title.en).not.toMatch(/each service/i);
    // Item 8 stays about protecting important information sent by e-mail.
    expect(node(SELF_CHECK, '8').title.ja).toMatch(/メール/);
    for (const [ref, close] of [
      ['5', /脅威や攻撃の手口を知り/],
      ['13', /情報を社外に持ち出す時/],
      ['20', /セキュリティの教育や注意の呼びかけ/],
    ] as const)
      expect(node(SELF_CHECK, ref).title.ja).not.toMatch(close);
  });

  it('management guidelines: directive 9 cites its confirmed Ver3.0 title, 5 and 10 say what is still unconfirmed', () => {
    const file = 'meti-cyber-mgmt-guidelines-v3.yaml';
    expect(node(file, 'directive-9').note?.ja).toMatch(
      /ビジネスパートナーや委託先等を含めたサプライチェーン全体の状況把握及び対策.*Practice236/,
    );
    for (const ref of ['directive-5', 'directive-10'])
      expect(node(file, ref).note?.ja).toMatch(/2026年12月.*確かめられていません/);
  });

  it('risk sources: names the four framework labels and says what its tiers are', () => {
    const file = 'shinrai-cpsf-risk-sources.yaml';
    const { pack } = get(file);
    for (const ref of ['L2-I2', 'L3-I4', 'RS-26', 'RS-28']) {
      expect(pack.notice?.ja).toContain(ref);
      expect(node(file, ref).note?.ja).toMatch(/ラベル/);
    }
    expect(pack.notice?.ja).toMatch(/Shinrai独自の段階/);
    expect(pack.tiers?.every((t) => /Shinrai/.test(t.label.ja) && /Shinrai/.test(t.label.en))).toBe(true);
  });

  it('CPSF: the notice says what is confirmed now (104 requirements, three example-measure levels)', () => {
    const { pack } = get('meti-cpsf-v1.yaml');
    expect(pack.notice?.ja).toMatch(/104/);
    expect(pack.notice?.ja).toMatch(/High-Advanced／Advanced／Basic/);
    expect(pack.notice?.ja).not.toMatch(/確認できていないため/);
  });

  it('component definitions and building items do not reproduce the official wording', () => {
    const official = [
      /バリューチェーンプロセス/,
      /一連の活動の手続き/,
      /目的を実現するためにモノで構成される/,
      /共有・分析・シミュレーション/,
      /竣工引き渡し書/,
      /バックアップを取得する機能を具備/,
      /被害確認が遅れ/,
      /バックアップの範囲や頻度/,
    ];
    const { pack } = get('meti-cpsf-v1.yaml');
    const texts = [
      ...Object.values(pack.tags?.component ?? {}).map((t) => t.ja),
      ...['BLD-RSK-09', 'BLD-RSK-10', 'BLD-REQ-10', 'BLD-REQ-11'].flatMap((ref) => {
        const n = node('shinrai-building-systems.yaml', ref);
        return [n.title.ja, n.description?.ja ?? '', n.guidance?.ja ?? ''];
      }),
    ];
    expect(texts).toHaveLength(6 + 12);
    for (const text of texts) for (const re of official) expect(text).not.toMatch(re);
  });

  it('supply-chain evaluation scheme: ★3 25 self-assessed, ★4 44 third-party, start in the second half of FY2026', () => {
    const { pack } = get('meti-scs-level-choice.yaml');
    expect(pack.notice?.ja).toMatch(/★3は25の要求事項を自己評価/);
    expect(pack.notice?.ja).toMatch(/★4は44の要求事項を第三者が評価/);
    expect(pack.notice?.ja).toMatch(/2026年度の下期/);
    expect(pack.notice?.en).toMatch(/second half of FY2026/);
  });
});

describe('built-in mapping sets', () => {
  const mappings = readBuiltinMappings();

  it.each(mappings.map((m) => [m.file, m.result] as const))(
    '%s validates and points at existing items',
    (_file, result) => {
      expect(result.ok ? [] : result.errors).toEqual([]);
      if (!result.ok) return;
      const find = (urn: string) => packs.map((p) => p.result).find((r) => r.ok && r.pack.id === urn);
      const source = find(result.mapping.source);
      const target = find(result.mapping.target);
      expect(source?.ok && target?.ok).toBe(true);
      if (!source?.ok || !target?.ok) return;
      const items = (pack: typeof source.pack) =>
        new Set(
          flattenPack(pack.nodes)
            .filter((n) => n.kind === 'item')
            .map((n) => n.ref),
        );
      const s = items(source.pack);
      const t = items(target.pack);
      for (const e of result.mapping.entries) {
        expect(s.has(e.source), `source ${e.source}`).toBe(true);
        expect(t.has(e.target), `target ${e.target}`).toBe(true);
      }
    },
  );
});
