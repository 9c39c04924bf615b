import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date.ts';

describe('isCalendarDate', () => {
  it('accepts days that exist and refuses the rest', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2030-12-31', '0001-01-01', '2030-04-30'])
      expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of [
      '2030-02-30',
      '0000-00-00',
      '2023-02-29',
      '1900-02-29',
      '2030-13-01',
      '2030-04-31',
      '2030-1-01',
      '2030/01/01',
      '0000-01-01',
      '',
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
  });
});
