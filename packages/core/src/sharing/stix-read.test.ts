import { describe, expect, it } from 'vitest';
import { cmpVersion, readStixBundle, tlpFromLabel, tlpOfMarking } from './stix-read.ts';
import { TLP_MARKINGS } from './stix.ts';

const T = '2026-11-20T02:14:09.000Z';
const ind = (n: number, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  created: T,
  modified: T,
  pattern: "[ipv4-addr:value = '203.0.113.1']",
  pattern_type: 'stix',
  valid_from: T,
  ...extra,
});
const bundle = (objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--1', objects });

describe('readStixBundle', () => {
  it('reads TLP from labels: TLP 2.0 levels, TLP 1.0 WHITE as CLEAR, amber+strict in either spelling', () => {
    expect(tlpFromLabel('tlp:white')).toBe('clear');
    expect(tlpFromLabel('TLP:AMBER+STRICT')).toBe('amber+strict');
    expect(tlpFromLabel('tlp:amber-strict')).toBe('amber+strict');
    expect(tlpFromLabel('tlp:ex:chr')).toBeNull();
    expect(tlpFromLabel('misp:type="ip-dst"')).toBeNull();
  });

  it('recognises the OASIS TLP 2.0 and STIX 2.1 TLP 1.0 marking ids', () => {
    expect(tlpOfMarking({ id: TLP_MARKINGS['amber+strict'] })).toBe('amber+strict');
    expect(tlpOfMarking({ id: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed' })).toBe('red');
    expect(
      tlpOfMarking({
        id: 'marking-definition--x',
        definition_type: 'statement',
        definition: { statement: 'x' },
      }),
    ).toBeNull();
  });

  it('puts objects in dependency order and takes the narrowest TLP of markings and labels', () => {
    const rel = {
      type: 'relationship',
      spec_version: '2.1',
      id: 'relationship--00000000-0000-4000-8000-000000000009',
      created: T,
      modified: T,
      relationship_type: 'indicates',
      source_ref: ind(1).id,
      target_ref: ind(2).id,
    };
    const mark = {
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--00000000-0000-4000-8000-000000000099',
      created: T,
      definition_type: 'statement',
      definition: { statement: 'tlp:red' },
    };
    const r = readStixBundle(
      bundle([
        rel,
        ind(1, { labels: ['tlp:green'], object_marking_refs: [TLP_MARKINGS.amber] }),
        mark,
        ind(2, { object_marking_refs: [mark.id] }),
      ]),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.objects.map((o) => o.type)).toEqual([
      'marking-definition',
      'indicator',
      'indicator',
      'relationship',
    ]);
    expect(r.objects.map((o) => o.tlp)).toEqual(['red', 'amber', 'red', null]);
  });

  it('checks limits before parsing and locates every problem', () => {
    expect(readStixBundle('x'.repeat(11), { maxBytes: 10, maxObjects: 5, maxDepth: 5 })).toMatchObject({
      ok: false,
      problems: [{ code: 'too_large' }],
    });
    expect(
      readStixBundle(bundle([ind(1), ind(2)]), { maxBytes: 1e6, maxObjects: 1, maxDepth: 5 }),
    ).toMatchObject({
      ok: false,
      problems: [{ pointer: '/objects', code: 'too_many_objects' }],
    });
    // Brackets inside strings do not count as depth.
    expect(
      readStixBundle(bundle([ind(1, { name: '[[[[[[[[[[' })]), { maxBytes: 1e6, maxObjects: 9, maxDepth: 4 })
        .ok,
    ).toBe(true);
    const bad = readStixBundle(
      bundle([
        ind(1, { id: 'indicator--nope' }),
        7,
        ind(3, { valid_from: 'yesterday', spec_version: '2.0' }),
      ]),
    );
    expect(bad).toEqual({
      ok: false,
      problems: [
        { pointer: '/objects/0/id', code: 'bad_id' },
        { pointer: '/objects/1', code: 'not_object' },
        { pointer: '/objects/2/spec_version', code: 'bad_spec_version' },
        { pointer: '/objects/2/valid_from', code: 'bad_timestamp' },
      ],
    });
  });

  it('compares timestamps by instant, whatever the fraction length', () => {
    expect(cmpVersion('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z')).toBe(0);
    expect(cmpVersion('2026-01-01T00:00:00.5Z', '2026-01-01T00:00:00.123456Z')).toBeGreaterThan(0);
    expect(cmpVersion('2026-01-01T00:00:01Z', '2026-01-01T00:00:00.999Z')).toBeGreaterThan(0);
  });
});
