/**
 * STIX 2.1 export: every object of an exported bundle validates against the OASIS STIX 2.1 JSON schemas
 * (test/conformance/data/stix2, copied from cti-stix2-json-schemas), for each TLP 2.0 level and every indicator
 * type; upstream's own example validates first, so a validator that accepts nothing cannot pass.
 */
import { stixBundle, TLP_MARKINGS, TLP_LEVELS, type StixInput } from '@shinrai/core/sharing';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DATA = resolve(import.meta.dirname, 'data/stix2');
// Ajv 8 with JSON Schema 2020-12, as the server package has it (the root's ajv is an older major).
const requireFromServer = createRequire(resolve(import.meta.dirname, '../../packages/server/package.json'));
/** The part of Ajv's interface used here (typed locally: the root's `ajv` types are of the older major). */
interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
interface AjvLike {
  addSchema(schema: unknown): void;
  getSchema(id: string): Validator | undefined;
  errorsText(errors: unknown): string;
}
const { Ajv2020 } = requireFromServer('ajv/dist/2020.js') as {
  Ajv2020: new (o: Record<string, unknown>) => AjvLike;
};
const formats = requireFromServer('ajv-formats') as { default: (a: AjvLike) => void };

const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
formats.default(ajv);
const schemaIds = new Map<string, string>();
for (const dir of ['common', 'sdos', 'sros', 'observables'])
  for (const f of readdirSync(join(DATA, 'schemas', dir))) {
    const schema = JSON.parse(readFileSync(join(DATA, 'schemas', dir, f), 'utf8')) as { $id: string };
    ajv.addSchema(schema);
    schemaIds.set(f.replace(/\.json$/, ''), schema.$id);
  }

function problems(objects: Record<string, unknown>[]): string[] {
  const out: string[] = [];
  for (const o of objects) {
    const id = schemaIds.get(String(o.type));
    if (!id) {
      out.push(`${String(o.type)}: no schema`);
      continue;
    }
    const validate = ajv.getSchema(id)!;
    if (!validate(o)) out.push(`${String(o.id)}: ${ajv.errorsText(validate.errors)}`);
  }
  return out;
}

const INPUT: StixInput = {
  hub: { id: 'hub-1', name: '製造業情報共有ハブ' },
  report: {
    id: 'c3d4e5f6-0000-4000-8000-000000000001',
    title: '請求書を装った標的型メール',
    text: '［組織名］の［人名］さん宛に、billing@evil.example から。',
    lang: 'ja',
    attackType: 'targeted-attack',
    attackLabel: '標的型攻撃',
    occurredOn: '2026-11-05',
    publishedAt: '2026-12-02T09:00:00.000Z',
    tlp: 'amber',
    indicators: [
      { type: 'ipv4', value: '203.0.113.45' },
      { type: 'ipv6', value: '2001:db8::1' },
      { type: 'domain', value: 'evil.example' },
      { type: 'url', value: "https://evil.example/a.php?q='x'" },
      { type: 'email', value: 'billing@evil.example' },
      { type: 'md5', value: '44d88612fea8a8f36de82e1278abb02f' },
      { type: 'sha1', value: '3395856ce81f2b7382dee72602f798b642f14140' },
      { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' },
      { type: 'cve', value: 'CVE-2024-3400' },
    ],
  },
};

describe('STIX 2.1 export', () => {
  it("accepts upstream's own example (the validator is not vacuous) and refuses a broken indicator", () => {
    const example = JSON.parse(readFileSync(join(DATA, 'indicator-for-c2-ip-address.json'), 'utf8')) as {
      objects: Record<string, unknown>[];
    };
    expect(problems(example.objects)).toEqual([]);
    const broken = { ...example.objects.find((o) => o.type === 'indicator')!, pattern_type: undefined };
    expect(problems([broken])).toHaveLength(1);
  });

  it('validates every object of a bundle, for every TLP 2.0 level', () => {
    for (const tlp of TLP_LEVELS) {
      const b = stixBundle({ ...INPUT, report: { ...INPUT.report, tlp } });
      expect(problems([b as unknown as Record<string, unknown>])).toEqual([]);
      expect(problems(b.objects)).toEqual([]);
      const marking = b.objects.find((o) => o.type === 'marking-definition');
      expect(marking).toMatchObject({
        id: TLP_MARKINGS[tlp],
        extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { tlp_2_0: tlp } },
      });
      for (const o of b.objects.filter((x) => 'created_by_ref' in x && x.type !== 'marking-definition'))
        expect(o.object_marking_refs).toEqual([TLP_MARKINGS[tlp]]);
    }
  });

  it('writes STIX patterns, observables, observed-data and relationships, with the same ids every time', () => {
    const b = stixBundle(INPUT);
    const patterns = b.objects.filter((o) => o.type === 'indicator').map((o) => o.pattern);
    expect(patterns).toEqual([
      "[ipv4-addr:value = '203.0.113.45']",
      "[ipv6-addr:value = '2001:db8::1']",
      "[domain-name:value = 'evil.example']",
      "[url:value = 'https://evil.example/a.php?q=\\'x\\'']",
      "[email-addr:value = 'billing@evil.example']",
      "[file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']",
      "[file:hashes.'SHA-1' = '3395856ce81f2b7382dee72602f798b642f14140']",
      "[file:hashes.'SHA-256' = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f']",
    ]);
    const count = (t: string) => b.objects.filter((o) => o.type === t).length;
    // 2 per indicator, 1 per sample hash to the malware instance, and the malware's `uses`
    expect([count('observed-data'), count('relationship'), count('vulnerability'), count('report')]).toEqual([
      8, 20, 1, 1,
    ]);
    // STIX's own id rule for observables: UUIDv5 over the id-contributing properties (checked with Python's uuid5).
    expect(b.objects.find((o) => o.type === 'ipv4-addr')?.id).toBe(
      'ipv4-addr--cb9d70c5-d244-531c-9efb-bcae57adc793',
    );
    expect(stixBundle(INPUT)).toEqual(b);
    const report = b.objects.find((o) => o.type === 'report')!;
    const ids = new Set(b.objects.map((o) => o.id));
    for (const ref of report.object_refs as string[]) expect(ids.has(ref)).toBe(true);
  });

  it('makes the sample hashes one malware instance, indicated by their indicators; none without samples', () => {
    const b = stixBundle(INPUT);
    const malware = b.objects.filter((o) => o.type === 'malware');
    expect(malware).toHaveLength(1);
    const m = malware[0]!;
    expect(m).toMatchObject({
      is_family: false,
      malware_types: ['unknown'],
      name: '請求書を装った標的型メール（検体）',
    });
    const files = b.objects.filter((o) => o.type === 'file').map((o) => o.id);
    expect(m.sample_refs).toEqual(files);
    const rel = b.objects.filter((o) => o.type === 'relationship');
    const hashIndicators = b.objects
      .filter((o) => o.type === 'indicator' && String(o.pattern).startsWith('[file:'))
      .map((o) => o.id);
    expect(rel.filter((r) => r.target_ref === m.id).map((r) => r.source_ref)).toEqual(hashIndicators);
    expect(rel.find((r) => r.source_ref === m.id)).toMatchObject({ relationship_type: 'uses' });
    const ransom = stixBundle({
      ...INPUT,
      report: { ...INPUT.report, attackType: 'ransomware', lang: 'en', title: 'T' },
    });
    expect(ransom.objects.find((o) => o.type === 'malware')).toMatchObject({
      malware_types: ['ransomware'],
      name: 'T (samples)',
    });
    expect(problems(ransom.objects)).toEqual([]);
    const none = stixBundle({
      ...INPUT,
      report: {
        ...INPUT.report,
        indicators: INPUT.report.indicators.filter((i) => !/^(md5|sha)/.test(i.type)),
      },
    });
    expect(none.objects.some((o) => o.type === 'malware')).toBe(false);
  });
});
