import { suggestedDeviceCounts } from './defaults.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('suggestedDeviceCounts', () => {
  it('a small 2-floor office of 800 m²: one of each central device, a few field devices', () => {
    const c = suggestedDeviceCounts({ floors: 2, floorArea: 800 });
    expect(c.get('BLD-DEV-SRV')?.count).toBe(1);
    expect(c.get('BLD-DEV-DDC')?.count).toBe(1);
    expect(c.get('BLD-DEV-PNL')?.count).toBe(2);
    expect(c.get('BLD-DEV-SNS')?.count).toBe(2);
    expect(c.get('BLD-DEV-LINK')?.count).toBe(0);
    expect(c.get('BLD-DEV-SNS')?.reason.ja).toContain('1,000m²');
  });

  it('grows with the building but stays modest (a 40-floor tower of 100,000 m²)', () => {
    const c = suggestedDeviceCounts({ floors: 40, floorArea: 100_000 });
    expect(c.get('BLD-DEV-DDC')?.count).toBe(20);
    expect(c.get('BLD-DEV-SNS')?.count).toBe(30);
    const total = [...c.values()].reduce((n, x) => n + x.count, 0);
    expect(total).toBeLessThanOrEqual(120);
  });

  it('tolerates nonsense input', () => {
    const c = suggestedDeviceCounts({ floors: Number.NaN, floorArea: -5 });
    expect(c.get('BLD-DEV-PNL')?.count).toBe(1);
    expect(c.get('BLD-DEV-ACT')?.count).toBe(1);
  });

  it('knows only devices of the building pack', () => {
    const pack = readFileSync(
      new URL('../../../../../catalogs/packs/shinrai-building-systems.yaml', import.meta.url),
      'utf8',
    );
    const refs = new Set([...pack.matchAll(/ref: (BLD-DEV-[A-Z]+)/g)].map((m) => m[1]));
    for (const ref of suggestedDeviceCounts({ floors: 3, floorArea: 3000 }).keys())
      expect(refs).toContain(ref);
  });
});
