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
