import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../versions/index.ts';
import { osvRangeToVers, versContains } from '../vers/index.ts';
import {
  compileAffected,
  evaluateAffected,
  fixedVersions,
  isAffected,
  isMalicious,
  isWithdrawn,
  matchAffected,
  osvEcosystemOf,
  prepareVersion,
  type OsvAffected,
  type OsvEvent,
  type OsvRecord,
} from './index.ts';

const OSV_DATA = path.resolve(import.meta.dirname, '../../../../../test/conformance/data/osv-schema');

function readRecord(file: string): OsvRecord {
  return JSON.parse(readFileSync(path.join(OSV_DATA, file), 'utf8')) as OsvRecord;
}

/** Fixture builder: one `affected` entry with one range. */
function entry(
  ecosystem: string,
  name: string,
  events: OsvEvent[],
  type: 'SEMVER' | 'ECOSYSTEM' = 'ECOSYSTEM',
): OsvAffected {
  return { package: { ecosystem, name }, ranges: [{ type, events }] };
}

describe('the seed: event-stream and flatmap-stream (hand-made OSV records)', () => {
  // Our own records modelled on the 2018 incident; the IDs are ours, not official advisory IDs.
  const flatmap: OsvRecord = {
    id: 'SHINRAI-TEST-MAL-flatmap-stream',
    modified: '2018-11-26T00:00:00Z',
    summary: 'Malicious code in flatmap-stream (test record)',
    affected: [{ package: { ecosystem: 'npm', name: 'flatmap-stream' }, versions: ['0.1.1'] }],
  };
  const eventStream: OsvRecord = {
    id: 'SHINRAI-TEST-event-stream',
    modified: '2018-11-26T00:00:00Z',
    affected: [entry('npm', 'event-stream', [{ introduced: '3.3.6' }, { fixed: '4.0.0' }])],
  };

  it('catches flatmap-stream 0.1.1 and only that version', () => {
    const a = flatmap.affected?.[0];
    if (!a) throw new Error('fixture');
    expect(isAffected(a, 'npm', '0.1.1')).toBe(true);
    expect(isAffected(a, 'npm', '0.1.0')).toBe(false);
    expect(isAffected(a, 'npm', '0.1.2')).toBe(false);
  });

  it('catches event-stream 3.3.6, not 3.3.5, and names 4.0.0 as the fix', () => {
    const a = eventStream.affected?.[0];
    if (!a) throw new Error('fixture');
    expect(isAffected(a, 'npm', '3.3.6')).toBe(true);
    expect(isAffected(a, 'npm', '3.3.5')).toBe(false);
    expect(isAffected(a, 'npm', '4.0.0')).toBe(false);
    expect(fixedVersions(a, '3.3.6')).toEqual(['4.0.0']);
    expect(fixedVersions(a, '3.3.5')).toEqual([]);
  });
});

describe('event semantics', () => {
  it('fixed excludes the fixed version; last_affected includes it', () => {
    const fixed = entry('PyPI', 'p', [{ introduced: '0' }, { fixed: '2.1.214' }]);
    const last = entry('PyPI', 'p', [{ introduced: '0' }, { last_affected: '2.1.214' }]);
    expect(isAffected(fixed, 'PyPI', '2.1.214')).toBe(false);
    expect(isAffected(fixed, 'PyPI', '2.1.213')).toBe(true);
    expect(isAffected(last, 'PyPI', '2.1.214')).toBe(true);
    expect(isAffected(last, 'PyPI', '2.1.215')).toBe(false);
    expect(fixedVersions(last, '2.1.0')).toEqual([]);
  });

  it('introduced "0" sorts before everything, even pre-releases of 0.0.0', () => {
    const a = entry('npm', 'x', [{ introduced: '0' }, { fixed: '1.0.0' }]);
    expect(isAffected(a, 'npm', '0.0.0-alpha')).toBe(true);
  });

  it('evaluates several intervals in one range regardless of event order, and re-introduction after a fix', () => {
    // events deliberately unsorted: the evaluator sorts them by version
    const a = entry('Maven', 'g:a', [
      { introduced: '12.10.0' },
      { fixed: '12.10.2' },
      { introduced: '12.0' },
      { fixed: '12.6.7' },
      { introduced: '11.6.1' },
      { fixed: '11.10.13' },
    ]);
    expect(isAffected(a, 'Maven', '11.6')).toBe(false);
    expect(isAffected(a, 'Maven', '11.6.1')).toBe(true);
    expect(isAffected(a, 'Maven', '11.10.13')).toBe(false);
    expect(isAffected(a, 'Maven', '12.6.6')).toBe(true);
    expect(isAffected(a, 'Maven', '12.8')).toBe(false);
    expect(isAffected(a, 'Maven', '12.10.1')).toBe(true);
    expect(isAffected(a, 'Maven', '13')).toBe(false);
    expect(fixedVersions(a, '12.10.1')).toEqual(['12.10.2']);
    expect(fixedVersions(a, '11.7')).toEqual(['11.10.13']);
  });

  it('any of several ranges is enough', () => {
    const a: OsvAffected = {
      package: { ecosystem: 'RubyGems', name: 'r' },
      ranges: [
        { type: 'ECOSYSTEM', events: [{ introduced: '1.0' }, { fixed: '1.2' }] },
        { type: 'ECOSYSTEM', events: [{ introduced: '2.0' }, { fixed: '2.3' }] },
      ],
    };
    expect(isAffected(a, 'RubyGems', '2.1')).toBe(true);
    expect(isAffected(a, 'RubyGems', '1.5')).toBe(false);
    expect(fixedVersions(a, '2.1')).toEqual(['2.3']);
  });

  it('limit events bound a range', () => {
    const a = entry('npm', 'l', [{ introduced: '1.0.0' }, { limit: '2.0.0' }]);
    expect(isAffected(a, 'npm', '1.5.0')).toBe(true);
    expect(isAffected(a, 'npm', '2.0.0')).toBe(false);
    const star = entry('npm', 'l', [{ introduced: '1.0.0' }, { limit: '*' }]);
    expect(isAffected(star, 'npm', '99.0.0')).toBe(true);
  });

  it('SEMVER ranges compare as SemVer whatever the ecosystem', () => {
    const a = entry('PyPI', 's', [{ introduced: '0' }, { fixed: '1.0.0' }], 'SEMVER');
    // as SemVer 1.0.0-rc1 < 1.0.0; the range is evaluated even for an ecosystem we cannot order
    expect(isAffected(a, 'PyPI', '1.0.0-rc1')).toBe(true);
    expect(isAffected(a, 'SomethingElse', '0.9.0')).toBe(true);
  });

  it('an unknown ecosystem is not evaluable for ECOSYSTEM ranges, but versions lists still match', () => {
    const a: OsvAffected = {
      package: { ecosystem: 'Hackage', name: 'h' },
      versions: ['1.0'],
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }],
    };
    expect(isAffected(a, 'Hackage', '1.0')).toBe(true);
    expect(evaluateAffected(a, 'Hackage', '1.5')).toEqual({
      ok: false,
      reason: 'unknown_ecosystem',
      detail: 'Hackage',
    });
  });

  it('an unreadable version is a reason, not a silent "not affected"', () => {
    const a = entry('npm', 'x', [{ introduced: '0' }, { fixed: '1.0.0' }]);
    expect(evaluateAffected(a, 'npm', 'latest')).toEqual({
      ok: false,
      reason: 'bad_version',
      detail: 'latest',
    });
    const bad = entry('npm', 'x', [{ introduced: 'abc' }]);
    expect(evaluateAffected(bad, 'npm', '1.0.0')).toMatchObject({ ok: false, reason: 'bad_event_version' });
  });

  it('versions lists match equal spellings under the ecosystem order', () => {
    const a: OsvAffected = { package: { ecosystem: 'PyPI', name: 'p' }, versions: ['1.0.0rc1'] };
    expect(isAffected(a, 'PyPI', '1.0.0RC1')).toBe(true);
    expect(isAffected(a, 'PyPI', '1.0.0')).toBe(false);
  });

  it('compiled entries and prepared versions give the same answers', () => {
    const a = entry('Debian:12', 'openssl', [{ introduced: '0' }, { fixed: '3.0.11-1~deb12u1' }]);
    const c = compileAffected(a, 'Debian:12');
    expect(matchAffected(c, prepareVersion('3.0.9-1'))).toEqual({ ok: true, affected: true, via: 'range' });
    expect(matchAffected(c, prepareVersion('3.0.11-1~deb12u1'))).toEqual({
      ok: true,
      affected: false,
      via: null,
    });
  });
});

describe('withdrawn and malicious records', () => {
  it('isWithdrawn reads the withdrawn time', () => {
    expect(isWithdrawn({ withdrawn: '2018-10-11T17:29:49Z' })).toBe(true);
    expect(isWithdrawn({})).toBe(false);
    expect(isWithdrawn({ withdrawn: '2999-01-01T00:00:00Z' }, new Date('2024-01-01'))).toBe(false);
    expect(isWithdrawn(readRecord('ghsa-to-osv/withdrawn.osv.json'))).toBe(true);
  });

  it('MAL- records are malicious packages, matched by their versions list', () => {
    const mal = readRecord('records/MAL-2024-10238.json');
    expect(isMalicious(mal)).toBe(true);
    const a = mal.affected?.[0];
    if (!a) throw new Error('fixture');
    expect(isAffected(a, 'PyPI', '0.0.1')).toBe(true);
    expect(isAffected(a, 'PyPI', '0.0.2')).toBe(false);
  });
});

describe('real OSV records', () => {
  it('GO-2024-2963: Go stdlib with two fixed branches', () => {
    const a = readRecord('records/GO-2024-2963.json').affected?.[0];
    if (!a) throw new Error('fixture');
    expect(isAffected(a, 'Go', '1.21.11')).toBe(true);
    expect(isAffected(a, 'Go', '1.21.12')).toBe(false);
    expect(isAffected(a, 'Go', '1.22.0-rc.1')).toBe(true);
    expect(isAffected(a, 'Go', '1.22.4')).toBe(true);
    expect(isAffected(a, 'Go', '1.22.5')).toBe(false);
    expect(fixedVersions(a, '1.22.1')).toEqual(['1.22.5']);
    expect(fixedVersions(a, '1.20.0')).toEqual(['1.21.12']);
  });

  it('PYSEC-2023-74: GIT range ignored, ECOSYSTEM range and versions used', () => {
    const a = readRecord('records/PYSEC-2023-74.json').affected?.[0];
    if (!a) throw new Error('fixture');
    expect(isAffected(a, 'PyPI', '2.30.0')).toBe(true);
    expect(isAffected(a, 'PyPI', '2.31.0')).toBe(false);
    expect(isAffected(a, 'PyPI', '2.2.1')).toBe(false);
    expect(fixedVersions(a, '2.30.0')).toEqual(['2.31.0']);
  });

  it('CVE-2018-5407: Alpine entries carry a release suffix', () => {
    const r = readRecord('records/CVE-2018-5407.json');
    const alpine = (r.affected ?? []).filter((a) => a.package !== undefined);
    expect(alpine.length).toBeGreaterThan(0);
    for (const a of alpine) {
      const eco = a.package?.ecosystem ?? '';
      expect(eco.startsWith('Alpine:')).toBe(true);
      expect(isAffected(a, eco, '1.0.2p-r0')).toBe(true);
      expect(isAffected(a, eco, '1.0.2q-r0')).toBe(false);
    }
  });

  it('records without package ranges evaluate without errors', () => {
    for (const file of [
      'CVE-2023-41045.json',
      'nointroduced-CVE-2023-41045.json',
      'RHSA-2022_0216.json',
      'SUSE-FU-2022_0444-1.json',
    ]) {
      for (const a of readRecord(`records/${file}`).affected ?? []) {
        expect(evaluateAffected(a, a.package?.ecosystem ?? 'npm', '1.0.0')).toEqual({
          ok: true,
          affected: false,
          via: null,
        });
      }
    }
  });

  it('GHSA-9v2f-6vcg-3hgv: versions-only record', () => {
    const a = readRecord('records/GHSA-9v2f-6vcg-3hgv.json').affected?.[0];
    if (!a) throw new Error('fixture');
    expect(isAffected(a, 'PyPI', '4.36.1')).toBe(true);
    expect(isAffected(a, 'PyPI', '4.36.0')).toBe(false);
  });
});

/** GitHub's "vulnerableVersionRange" (">= 1.0, < 2.0") checked with our comparator. */
function inGhsaRange(ecosystem: string, range: string, version: string): boolean {
  return range.split(',').every((part) => {
    const m = /^\s*(>=|<=|>|<|=)\s*(\S+)\s*$/.exec(part);
    if (!m) throw new Error(`cannot read GHSA range ${range}`);
    const d = compareVersions(ecosystem, version, m[2] ?? '');
    if (typeof d !== 'number') throw new Error(`cannot compare ${version}`);
    switch (m[1]) {
      case '>=':
        return d >= 0;
      case '<=':
        return d <= 0;
      case '>':
        return d > 0;
      case '<':
        return d < 0;
      default:
        return d === 0;
    }
  });
}

interface GhsaSource {
  vulnerabilities: { nodes: Array<{ package: { name: string }; vulnerableVersionRange: string }> };
}

describe('GHSA → OSV conversions agree with the GitHub ranges they came from', () => {
  const dir = path.join(OSV_DATA, 'ghsa-to-osv');
  const pairs = readdirSync(dir).filter((f) => f.endsWith('.osv.json'));
  it.each(pairs)('%s', (file) => {
    const osv = readRecord(path.join('ghsa-to-osv', file));
    const ghsa = JSON.parse(
      readFileSync(path.join(dir, file.replace('.osv.json', '.json')), 'utf8'),
    ) as GhsaSource;
    let probes = 0;
    for (const a of osv.affected ?? []) {
      const eco = a.package?.ecosystem ?? '';
      const ranges = ghsa.vulnerabilities.nodes.filter((n) => n.package.name === a.package?.name);
      // probe at every version the two documents name
      const names = new Set<string>();
      for (const r of ranges)
        for (const m of r.vulnerableVersionRange.matchAll(/[\d][\w.-]*/g)) names.add(m[0]);
      for (const range of a.ranges ?? [])
        for (const e of range.events) for (const v of Object.values(e)) names.add(v);
      names.delete('0');
      for (const v of names) {
        const want = ranges.some((r) => inGhsaRange(eco, r.vulnerableVersionRange, v));
        expect(isAffected(a, eco, v), `${a.package?.name} ${v}`).toBe(want);
        for (const range of a.ranges ?? []) {
          const vers = osvRangeToVers(range, eco);
          if (typeof vers !== 'string') throw new Error(`no vers for ${file}`);
          const inVers = versContains(vers, v);
          // one range per entry in these files: vers containment must agree with OSV evaluation
          expect(inVers, `${vers} ∋ ${v}`).toEqual({ ok: true, contains: want });
        }
        probes++;
      }
    }
    expect(probes).toBeGreaterThan(0);
  });
});

describe('osvEcosystemOf', () => {
  it('maps purl types and distribution releases', () => {
    expect(osvEcosystemOf('npm')).toBe('npm');
    expect(osvEcosystemOf('pypi')).toBe('PyPI');
    expect(osvEcosystemOf('maven')).toBe('Maven');
    expect(osvEcosystemOf('nuget')).toBe('NuGet');
    expect(osvEcosystemOf('gem')).toBe('RubyGems');
    expect(osvEcosystemOf('composer')).toBe('Packagist');
    expect(osvEcosystemOf('golang')).toBe('Go');
    expect(osvEcosystemOf('cargo')).toBe('crates.io');
    expect(osvEcosystemOf('deb')).toBe('Debian');
    expect(osvEcosystemOf('deb', { namespace: 'debian', release: 'bookworm' })).toBe('Debian:12');
    expect(osvEcosystemOf('deb', { namespace: 'debian', release: 'debian-11' })).toBe('Debian:11');
    // trivy's spelling: the point release of the image (issue 12, generator conventions)
    expect(osvEcosystemOf('deb', { namespace: 'debian', release: 'debian-12.4' })).toBe('Debian:12');
    expect(osvEcosystemOf('deb', { namespace: 'ubuntu', release: '22.04' })).toBe('Ubuntu:22.04:LTS');
    expect(osvEcosystemOf('apk', { namespace: 'alpine', release: '3.18.4' })).toBe('Alpine:v3.18');
    expect(osvEcosystemOf('generic')).toBeUndefined();
  });
});
