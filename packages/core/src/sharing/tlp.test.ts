import { describe, expect, it } from 'vitest';
import { TLP_AUDIENCES, tlpAllows } from './tlp.ts';
import { TLP_LEVELS } from './vocab.ts';

describe('TLP 2.0: who a recipient may pass an item on to', () => {
  it('follows the FIRST definitions for every level and audience', () => {
    const table = Object.fromEntries(
      TLP_LEVELS.map((tlp) => [tlp, TLP_AUDIENCES.filter((a) => tlpAllows(tlp, a))]),
    );
    expect(table).toEqual({
      clear: ['organization', 'clients', 'community', 'public'],
      green: ['organization', 'clients', 'community'],
      amber: ['organization', 'clients'],
      'amber+strict': ['organization'],
      red: [],
    });
  });

  it('never allows more for a narrower level', () => {
    for (const a of TLP_AUDIENCES)
      for (let i = 1; i < TLP_LEVELS.length; i++)
        if (tlpAllows(TLP_LEVELS[i]!, a)) expect(tlpAllows(TLP_LEVELS[i - 1]!, a)).toBe(true);
  });
});
