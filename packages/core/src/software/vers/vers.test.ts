import { describe, expect, it } from 'vitest';
import { formatVers, normalizeVers, osvRangeToVers, parseVers, versContains } from './index.ts';

describe('vers', () => {
  it('normalizes hand-written ranges: spaces, order, case of the prefix', () => {
    expect(normalizeVers('VERS:npm/ <2.0.0 | >=1.0.0 ')).toBe('vers:npm/>=1.0.0|<2.0.0');
    expect(normalizeVers('vers:pypi/>=3.0.0|2.0.3')).toBe('vers:pypi/2.0.3|>=3.0.0');
    expect(normalizeVers('vers:npm/>=1.0.0||<2.0.0')).toBe('vers:npm/>=1.0.0|<2.0.0');
  });

  it('refuses broken input with a reason', () => {
    expect(parseVers('npm/1.0.0')).toMatchObject({ ok: false, reason: 'not_vers' });
    expect(parseVers('vers:npm/*|1.0.0')).toMatchObject({ ok: false, reason: 'star_not_alone' });
    expect(parseVers('vers:npm/1.0.0|1.0.0')).toMatchObject({ ok: false, reason: 'duplicate_version' });
    expect(parseVers('vers:npm/>=abc|<1.0.0')).toMatchObject({ ok: false, reason: 'bad_version' });
    expect(versContains('vers:hackage/>=1.0', '1.1')).toMatchObject({ ok: false, reason: 'unknown_scheme' });
  });

  it('round-trips percent-encoded versions', () => {
    const r = parseVers('vers:npm/1.0%7C0');
    expect(r).toMatchObject({ ok: true, constraints: [{ comparator: '=', version: '1.0|0' }] });
    if (r.ok) expect(formatVers(r)).toBe('vers:npm/1.0%7C0');
  });

  it('contains: intervals, exclusions and open ends', () => {
    expect(versContains('vers:deb/>=1.0-1|<1.2-1|>=2.0-1', '1.1-1')).toEqual({ ok: true, contains: true });
    expect(versContains('vers:deb/>=1.0-1|<1.2-1|>=2.0-1', '1.5-1')).toEqual({ ok: true, contains: false });
    expect(versContains('vers:deb/>=1.0-1|<1.2-1|>=2.0-1', '2.1-1')).toEqual({ ok: true, contains: true });
    expect(versContains('vers:gem/!=1.0', '1.1')).toEqual({ ok: true, contains: true });
    expect(versContains('vers:gem/!=1.0', '1.0')).toEqual({ ok: true, contains: false });
    expect(versContains('vers:maven/<=1.0', '1.0.0')).toEqual({ ok: true, contains: true });
  });

  it('converts OSV ranges', () => {
    const range = { type: 'ECOSYSTEM' as const, events: [{ introduced: '0' }, { fixed: '6.5.4' }] };
    expect(osvRangeToVers(range, 'npm')).toBe('vers:npm/<6.5.4');
    expect(
      osvRangeToVers(
        {
          type: 'ECOSYSTEM',
          events: [
            { introduced: '4.0.0' },
            { fixed: '4.1.11' },
            { introduced: '3.2.0' },
            { last_affected: '3.2.21' },
          ],
        },
        'RubyGems',
      ),
    ).toBe('vers:gem/>=3.2.0|<=3.2.21|>=4.0.0|<4.1.11');
    expect(osvRangeToVers({ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }, 'Debian:12')).toBe(
      'vers:deb/*',
    );
    expect(osvRangeToVers({ type: 'GIT', events: [{ introduced: '0' }] }, 'npm')).toMatchObject({
      ok: false,
    });
  });
});
