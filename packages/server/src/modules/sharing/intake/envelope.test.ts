import { describe, expect, it } from 'vitest';
import { jsonValues, MAX_PAGE_VALUES, readTaxiiObjects, readTaxiiPage } from './envelope.ts';

const page = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('TAXII pages read in a parse worker', () => {
  it('counts the values of a JSON text without parsing it; commas, brackets and quotes in strings do not count', () => {
    expect(jsonValues('{"objects":[1,2,3]}', 100)).toBe(4);
    expect(jsonValues('{"a":"x,[{y\\",z"}', 100)).toBe(1);
    expect(jsonValues('[' + '{},'.repeat(1000) + '{}]', 10)).toBe(11);
  });

  it('reads a page’s envelope: object count, more and next; refuses what is not JSON or not an envelope', () => {
    expect(readTaxiiPage(page({ objects: [{}, {}], more: true, next: 'p2' }))).toMatchObject({
      ok: true,
      count: 2,
      more: true,
      next: 'p2',
    });
    expect(readTaxiiPage(page({}))).toMatchObject({ ok: true, count: 0, more: false, next: null });
    expect(readTaxiiPage(Buffer.from('{"objects": ['))).toEqual({ ok: false, error: 'not JSON' });
    expect(readTaxiiPage(page({ objects: {} }))).toEqual({ ok: false, error: 'not a TAXII envelope' });
    expect(readTaxiiPage(page([]))).toEqual({ ok: true, count: 0, values: 1, more: false, next: null });
  });

  it('refuses a page of more values than the limit before parsing it', () => {
    const big = Buffer.from(`{"objects":[${'0,'.repeat(MAX_PAGE_VALUES)}0]}`);
    expect(readTaxiiPage(big)).toEqual({ ok: false, error: `more than ${MAX_PAGE_VALUES} JSON values` });
  });

  it('checks the objects of all pages together, located across pages', () => {
    const at = '2026-12-01T00:00:00.000Z';
    const ind = (n: number) => ({
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--00000000-0000-4000-8000-00000000000${n}`,
      created: at,
      modified: at,
      pattern: "[ipv4-addr:value = '198.51.100.1']",
      pattern_type: 'stix',
      valid_from: at,
    });
    const ok = readTaxiiObjects([page({ objects: [ind(1)] }), page({ objects: [ind(2)] })]);
    expect(ok.ok && ok.objects.map((o) => o.pointer)).toEqual(['/objects/0', '/objects/1']);
    const bad = readTaxiiObjects([page({ objects: [ind(1)] }), page({ objects: [{ type: 'indicator' }] })]);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]?.pointer).toMatch(/^\/objects\/1/);
  });
});
