import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPurl, parsePurl } from '@shinrai/core/software/purl';
import { parseSbom, purlPartsOf } from './index.ts';

const CASES = resolve(import.meta.dirname, '../../../../test/conformance/data/purl-spec/tests');

/** Every purl string of the purl-spec test cases (inputs and expected outputs). */
function specPurls(): string[] {
  const files = [
    join(CASES, 'spec/specification-test.json'),
    ...readdirSync(join(CASES, 'types'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(CASES, 'types', f)),
  ];
  const out: string[] = [];
  for (const f of files)
    for (const t of (JSON.parse(readFileSync(f, 'utf8')) as { tests: Record<string, unknown>[] }).tests)
      for (const v of [t.input, t.expected_output]) if (typeof v === 'string') out.push(v);
  return out;
}

function bom(purls: string[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: purls.map((purl, i) => ({ type: 'library', 'bom-ref': `c${i}`, name: `n${i}`, purl })),
    }),
  );
}

describe('purl parts kept from normalization', () => {
  it('are what parsing the canonical text gives, for every purl-spec case', () => {
    let checked = 0;
    for (const s of specPurls()) {
      const first = parsePurl(s);
      if (!first.ok) continue;
      const again = parsePurl(formatPurl(first.purl));
      expect(again, s).toEqual({ ok: true, purl: first.purl });
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('are given for a normalized component, and not once its purl text changed', () => {
    const parsed = parseSbom(
      bom(['pkg:npm/%40babel/core@7.24.0', 'pkg:PyPI/Django_Rest@3.0?b=2&a=1']),
      'bom.json',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const list = parsed.sbom.components;
    const [a, b] = list;
    if (!a || !b) throw new Error('components missing');
    expect(purlPartsOf(list, 0)).toEqual({ ...(parsePurl(a.purl) as { purl: object }).purl });
    expect(b.purl).toBe('pkg:pypi/django-rest@3.0?a=1&b=2');
    expect(purlPartsOf(list, 1)?.name).toBe('django-rest');
    b.purl = 'pkg:npm/other@1.0.0';
    expect(purlPartsOf(list, 1)).toBeUndefined();
    expect(purlPartsOf(list, 0)).toBeDefined();
    // Another list (as after a worker or JSON) has none: its rows parse the text.
    expect(purlPartsOf([...list], 0)).toBeUndefined();
  });
});
