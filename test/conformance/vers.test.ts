/**
 * vers (package-url/vers-spec): canonical parsing and containment suites, every case.
 * The cases are upstream's, copied unchanged; to refresh them follow test/conformance/data/vers-spec/README.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVers, VERS_ERROR_MESSAGES, versContains } from '@shinrai/core/software/vers';

const TESTS = path.resolve(import.meta.dirname, 'data/vers-spec/tests');

function load<T>(file: string): T[] {
  return (JSON.parse(readFileSync(path.join(TESTS, file), 'utf8')) as { tests: T[] }).tests;
}

interface ParseCase {
  input: string;
  expected_failure?: boolean;
  expected_message?: string;
  expected_output?: { scheme: string; version_constraints: Array<[string, string]> };
}

interface ContainmentCase {
  input: { vers: string; version: string };
  expected_output: boolean;
}

describe('vers canonical parse suite', () => {
  it('vers_canonical_parse_test.json', () => {
    const cases = load<ParseCase>('vers_canonical_parse_test.json');
    const failures: string[] = [];
    for (const [i, t] of cases.entries()) {
      const r = parseVers(t.input);
      if (t.expected_failure) {
        if (r.ok) failures.push(`case ${i}: ${t.input} parsed but should fail`);
        else if (t.expected_message && VERS_ERROR_MESSAGES[r.reason].en !== t.expected_message) {
          failures.push(`case ${i}: ${t.input} message "${VERS_ERROR_MESSAGES[r.reason].en}"`);
        }
      } else if (!r.ok) {
        failures.push(`case ${i}: ${t.input} failed (${r.reason})`);
      } else {
        const got = {
          scheme: r.scheme,
          version_constraints: r.constraints.map((c) => [c.comparator, c.version]),
        };
        if (JSON.stringify(got) !== JSON.stringify(t.expected_output))
          failures.push(`case ${i}: ${JSON.stringify(got)}`);
      }
    }
    console.log(
      `vers_canonical_parse_test.json: ${cases.length - failures.length}/${cases.length} cases agree`,
    );
    expect(failures).toEqual([]);
  });
});

describe('vers containment suites', () => {
  for (const file of ['npm_range_containment_test.json', 'pypi_range_containment_test.json']) {
    it(file, () => {
      const cases = load<ContainmentCase>(file);
      const failures: string[] = [];
      for (const [i, t] of cases.entries()) {
        const r = versContains(t.input.vers, t.input.version);
        if (!r.ok || r.contains !== t.expected_output) {
          failures.push(
            `case ${i}: ${t.input.version} in ${t.input.vers} → ${r.ok ? String(r.contains) : r.reason}`,
          );
        }
      }
      console.log(`${file}: ${cases.length - failures.length}/${cases.length} cases agree`);
      expect(failures).toEqual([]);
    });
  }
});
