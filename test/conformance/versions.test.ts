/**
 * Version ordering against the public conformance data: every line of the OSV semantic fixtures
 * (google/osv-scalibr) and the vers-spec comparison suites (package-url/vers-spec).
 * The expected orderings are upstream's, copied unchanged; to refresh them follow the README.md in
 * test/conformance/data/osv-semantic and test/conformance/data/vers-spec.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, type Ordering } from '@shinrai/core/software/versions';

const DATA = path.resolve(import.meta.dirname, 'data');

const OSV_FILES: ReadonlyArray<{ ecosystem: string; file: string }> = [
  { ecosystem: 'npm', file: 'semver-versions.txt' },
  { ecosystem: 'Go', file: 'semver-versions.txt' },
  { ecosystem: 'crates.io', file: 'semver-versions.txt' },
  { ecosystem: 'PyPI', file: 'pypi-versions.txt' },
  { ecosystem: 'PyPI', file: 'pypi-versions-generated.txt' },
  { ecosystem: 'Maven', file: 'maven-versions.txt' },
  { ecosystem: 'Maven', file: 'maven-versions-generated.txt' },
  { ecosystem: 'NuGet', file: 'nuget-versions.txt' },
  { ecosystem: 'RubyGems', file: 'rubygems-versions.txt' },
  { ecosystem: 'RubyGems', file: 'rubygems-versions-generated.txt' },
  { ecosystem: 'Packagist', file: 'packagist-versions.txt' },
  { ecosystem: 'Packagist', file: 'packagist-versions-generated.txt' },
  { ecosystem: 'Debian', file: 'debian-versions.txt' },
  { ecosystem: 'Debian', file: 'debian-versions-generated.txt' },
  { ecosystem: 'Alpine', file: 'alpine-versions.txt' },
  { ecosystem: 'Alpine', file: 'alpine-versions-generated.txt' },
];

const EXPECTED: Record<string, Ordering> = { '<': -1, '=': 0, '>': 1 };

function describeResult(r: Ordering | { ok: false; reason: string }): string {
  return typeof r === 'number' ? String(r) : `failure(${r.reason})`;
}

describe('OSV semantic version fixtures', () => {
  for (const { ecosystem, file } of OSV_FILES) {
    it(`${ecosystem}: ${file}`, () => {
      const lines = readFileSync(path.join(DATA, 'osv-semantic', file), 'utf8').split('\n');
      let checked = 0;
      const failures: string[] = [];
      lines.forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('//')) return;
        const [a, op, b, extra] = line.split(' ');
        const want = op === undefined ? undefined : EXPECTED[op];
        if (a === undefined || b === undefined || want === undefined || extra !== undefined) {
          failures.push(`line ${index + 1}: cannot read "${line}"`);
          return;
        }
        checked++;
        const forward = compareVersions(ecosystem, a, b);
        const backward = compareVersions(ecosystem, b, a);
        if (forward !== want || backward !== -want) {
          failures.push(
            `line ${index + 1}: ${line} → got ${describeResult(forward)} / reversed ${describeResult(backward)}`,
          );
        }
      });
      console.log(`${file} (${ecosystem}): ${checked - failures.length}/${checked} lines agree`);
      expect(failures.slice(0, 20)).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    });
  }
});

interface VersCase {
  test_type: string;
  input: { input_scheme: string; versions: string[] };
  expected_output: string[] | boolean;
}

const VERS_CMP: ReadonlyArray<{ file: string; ecosystem: string }> = [
  { file: 'maven_version_cmp_test.json', ecosystem: 'Maven' },
  { file: 'nuget_version_cmp_test.json', ecosystem: 'NuGet' },
  { file: 'alpine_version_cmp_test.json', ecosystem: 'Alpine' },
];

describe('vers-spec version comparison suites', () => {
  for (const { file, ecosystem } of VERS_CMP) {
    it(file, () => {
      const { tests } = JSON.parse(readFileSync(path.join(DATA, 'vers-spec/tests', file), 'utf8')) as {
        tests: VersCase[];
      };
      const failures: string[] = [];
      tests.forEach((t, index) => {
        const [a, b] = t.input.versions;
        if (a === undefined || b === undefined) {
          failures.push(`case ${index}: needs two versions`);
          return;
        }
        const r = compareVersions(ecosystem, a, b);
        if (t.test_type === 'equality') {
          if ((r === 0) !== t.expected_output)
            failures.push(
              `case ${index}: ${a} = ${b} expected ${String(t.expected_output)}, got ${describeResult(r)}`,
            );
        } else if (t.test_type === 'comparison') {
          // The expected list may spell a version differently (NuGet "BETA" vs "beta"): match by equality.
          const sorted = r === 1 ? [b, a] : [a, b];
          const expected = Array.isArray(t.expected_output) ? t.expected_output : [];
          const same = sorted.every(
            (v, i) => v === expected[i] || compareVersions(ecosystem, v, expected[i] ?? '') === 0,
          );
          if (typeof r !== 'number' || expected.length !== 2 || !same || (r === 0 && a !== b)) {
            failures.push(
              `case ${index}: sort [${a}, ${b}] expected ${JSON.stringify(t.expected_output)}, got ${describeResult(r)}`,
            );
          }
        } else {
          failures.push(`case ${index}: unknown test_type ${t.test_type}`);
        }
      });
      console.log(`${file}: ${tests.length - failures.length}/${tests.length} cases agree`);
      expect(failures.slice(0, 20)).toEqual([]);
    });
  }
});
