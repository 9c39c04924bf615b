import { describe, expect, it } from 'vitest';
import { parsePurl } from '../purl/index.ts';
import type { OsvRecord } from '../osv/types.ts';
import { AdvisoryMatcher, advisoryKey, advisorySeverity, osvPackageOf, vexSuppresses } from './index.ts';

function pkg(purl: string) {
  const r = parsePurl(purl);
  if (!r.ok) throw new Error(r.reason);
  return osvPackageOf(r.purl);
}

const MAL: OsvRecord = {
  id: 'MAL-2025-0001',
  modified: '2025-01-01T00:00:00Z',
  summary: 'Malicious code in flatmap-stream (npm)',
  affected: [{ package: { ecosystem: 'npm', name: 'flatmap-stream' }, versions: ['0.1.1'] }],
};

describe('purl → OSV package', () => {
  it.each([
    ['pkg:npm/%40angular/core@1.0.0', 'npm', '@angular/core'],
    ['pkg:npm/lodash@4.17.20', 'npm', 'lodash'],
    ['pkg:pypi/Django_Rest.Framework@3.0', 'PyPI', 'django-rest-framework'],
    ['pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1', 'Maven', 'org.apache.logging.log4j:log4j-core'],
    ['pkg:golang/github.com/gin-gonic/gin@v1.9.0', 'Go', 'github.com/gin-gonic/gin'],
    ['pkg:composer/laravel/framework@10.0.0', 'Packagist', 'laravel/framework'],
    ['pkg:gem/rails@7.0.0', 'RubyGems', 'rails'],
    ['pkg:cargo/serde@1.0.0', 'crates.io', 'serde'],
    ['pkg:nuget/Newtonsoft.Json@13.0.1', 'NuGet', 'Newtonsoft.Json'],
    ['pkg:deb/debian/openssl@3.0.11-1?distro=debian-12', 'Debian:12', 'openssl'],
    ['pkg:deb/debian/openssl@3.0.11-1?distro=bookworm', 'Debian:12', 'openssl'],
    ['pkg:apk/alpine/busybox@1.36.1-r0?distro=alpine-3.18', 'Alpine:v3.18', 'busybox'],
  ])('%s → %s %s', (purl, ecosystem, name) => {
    expect(pkg(purl)).toEqual({ ecosystem, name });
  });

  it('has no OSV package for types OSV does not cover, or maven without a group', () => {
    expect(pkg('pkg:generic/openssl@3.0')).toBeUndefined();
    expect(pkg('pkg:maven/log4j-core@2.14.1')).toBeUndefined();
  });

  it('keys the prefilter by base ecosystem and (for PyPI) the PEP 503 name', () => {
    expect(advisoryKey('Debian:12', 'openssl')).toBe('Debian\u0000openssl');
    expect(advisoryKey('PyPI', 'Django')).toBe('PyPI\u0000django');
  });
});

describe('severity', () => {
  it('takes the highest CVSS v3/v4 score', () => {
    const s = advisorySeverity({
      id: 'GHSA-x',
      modified: '2024-01-01T00:00:00Z',
      severity: [
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' },
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' },
      ],
    });
    expect(s).toMatchObject({ severity: 'critical', score: 10 });
  });
  it('falls back to database_specific words, then unknown', () => {
    expect(
      advisorySeverity({ id: 'G', modified: 'x', database_specific: { severity: 'MODERATE' } }).severity,
    ).toBe('medium');
    expect(advisorySeverity({ id: 'G', modified: 'x' }).severity).toBe('unknown');
  });
  it('makes a malicious package critical', () => {
    expect(advisorySeverity(MAL).severity).toBe('critical');
  });
  // CVSS 3.1 AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L scores 5.6 → medium
  const CVSS_MEDIUM = 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L';
  it('lets a CVSS score win over the database word (CVSS 5.6 with GHSA HIGH is medium)', () => {
    const s = advisorySeverity({
      id: 'GHSA-y',
      modified: 'x',
      severity: [{ type: 'CVSS_V3', score: CVSS_MEDIUM }],
      database_specific: { severity: 'HIGH' },
    });
    expect(s).toMatchObject({ severity: 'medium', vector: CVSS_MEDIUM });
    expect(s.score).toBeGreaterThanOrEqual(4);
    expect(s.score).toBeLessThan(7);
  });
  it("reads Debian's 'negligible' as low, and the most serious word of the affected entries", () => {
    const debian = (severity: string): OsvRecord => ({
      id: 'DSA-1',
      modified: 'x',
      affected: [{ package: { ecosystem: 'Debian:12', name: 'p' }, ecosystem_specific: { severity } }],
    });
    expect(advisorySeverity(debian('negligible')).severity).toBe('low');
    expect(advisorySeverity(debian('not yet assigned')).severity).toBe('unknown');
    expect(
      advisorySeverity({
        id: 'G',
        modified: 'x',
        database_specific: { severity: 'LOW' },
        affected: [{ database_specific: { severity: 'important' } }],
      }).severity,
    ).toBe('high');
  });
  it('makes a record critical when the caller says it is malicious, keeping its score', () => {
    const s = advisorySeverity(
      { id: 'GHSA-z', modified: 'x', severity: [{ type: 'CVSS_V3', score: CVSS_MEDIUM }] },
      true,
    );
    expect(s).toMatchObject({ severity: 'critical', vector: CVSS_MEDIUM });
  });
  it('tolerates lists and entries of the wrong shape', () => {
    const odd = { id: 'G', modified: 'x', severity: [null, { type: 'CVSS_V3', score: 7 }] };
    expect(advisorySeverity(odd as unknown as OsvRecord)).toEqual({
      severity: 'unknown',
      score: null,
      vector: null,
    });
    const notList = { id: 'G', modified: 'x', severity: { type: 'CVSS_V3' }, affected: 'x' };
    expect(advisorySeverity(notList as unknown as OsvRecord).severity).toBe('unknown');
  });
});

describe('AdvisoryMatcher', () => {
  const ranged: OsvRecord = {
    id: 'GHSA-range',
    modified: '2024-01-01T00:00:00Z',
    aliases: ['CVE-2024-0001'],
    affected: [
      {
        package: { ecosystem: 'npm', name: 'lodash' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
      },
    ],
  };

  it('finds the malicious flatmap-stream 0.1.1 and not 0.1.2', () => {
    const m = new AdvisoryMatcher();
    const p = { ecosystem: 'npm', name: 'flatmap-stream' };
    expect(m.match(p, '0.1.1', [{ record: MAL }])).toEqual([
      expect.objectContaining({ advisoryId: 'MAL-2025-0001', malicious: true, severity: 'critical' }),
    ]);
    expect(m.match(p, '0.1.2', [{ record: MAL }])).toEqual([]);
  });

  it('reports aliases and the fixed version to move to', () => {
    const m = new AdvisoryMatcher();
    const [hit] = m.match({ ecosystem: 'npm', name: 'lodash' }, '4.17.20', [{ record: ranged }]);
    expect(hit).toMatchObject({ aliases: ['CVE-2024-0001'], fixedVersion: '4.17.21', malicious: false });
    expect(m.match({ ecosystem: 'npm', name: 'lodash' }, '4.17.21', [{ record: ranged }])).toEqual([]);
  });

  it('skips withdrawn records and entries of another package or release', () => {
    const m = new AdvisoryMatcher(new Date('2025-06-01T00:00:00Z'));
    const withdrawn = { ...ranged, id: 'GHSA-w', withdrawn: '2025-01-01T00:00:00Z' };
    expect(m.match({ ecosystem: 'npm', name: 'lodash' }, '1.0.0', [{ record: withdrawn }])).toEqual([]);
    expect(m.match({ ecosystem: 'npm', name: 'underscore' }, '1.0.0', [{ record: ranged }])).toEqual([]);
    const deb: OsvRecord = {
      id: 'DSA-1',
      modified: 'x',
      affected: [
        {
          package: { ecosystem: 'Debian:11', name: 'openssl' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '9.0' }] }],
        },
      ],
    };
    expect(m.match({ ecosystem: 'Debian:12', name: 'openssl' }, '3.0.11-1', [{ record: deb }])).toEqual([]);
    expect(m.match({ ecosystem: 'Debian:11', name: 'openssl' }, '3.0.11-1', [{ record: deb }])).toHaveLength(
      1,
    );
  });

  it('says which advisories it could not evaluate, with why, and finds exactly what match finds', () => {
    const m = new AdvisoryMatcher();
    const lodash = { ecosystem: 'npm', name: 'lodash' };
    const badEvent: OsvRecord = {
      id: 'GHSA-bad-event',
      modified: 'x',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'lodash' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: 'banana' }] }],
        },
      ],
    };
    const listed: OsvRecord = {
      id: 'GHSA-listed',
      modified: 'x',
      affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, versions: ['4.0.0'] }],
    };
    // An unreadable component version against a range: not a finding, not silence.
    expect(m.evaluate(lodash, 'not a version', [{ record: ranged }, { record: listed }])).toEqual({
      matches: [],
      notEvaluated: [{ advisoryId: 'GHSA-range', reason: 'bad_version', detail: 'not a version' }],
    });
    // A range event the ecosystem cannot read.
    expect(m.evaluate(lodash, '4.17.20', [{ record: badEvent }]).notEvaluated).toEqual([
      { advisoryId: 'GHSA-bad-event', reason: 'bad_event_version', detail: 'banana' },
    ]);
    // A normal version: findings as before, no notes.
    const ok = m.evaluate(lodash, '4.17.20', [{ record: ranged }, { record: listed }]);
    expect(ok.notEvaluated).toEqual([]);
    expect(ok.matches).toEqual(m.match(lodash, '4.17.20', [{ record: ranged }, { record: listed }]));
    expect(ok.matches.map((x) => x.advisoryId)).toEqual(['GHSA-range']);
    // An affected hit wins over an entry that cannot be evaluated (it is a finding, not a note).
    const both: OsvRecord = {
      ...badEvent,
      id: 'GHSA-both',
      affected: [...(badEvent.affected ?? []), ...(ranged.affected ?? [])],
    };
    expect(m.evaluate(lodash, '4.17.20', [{ record: both }])).toMatchObject({
      matches: [{ advisoryId: 'GHSA-both' }],
      notEvaluated: [],
    });
  });

  it('suppresses findings only for not_affected and fixed', () => {
    expect(['not_affected', 'fixed', 'affected', 'under_investigation', null].map(vexSuppresses)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
