/**
 * CycloneDX conformance: every test/conformance/data/cyclonedx/cases/<1.4|1.5|1.6>/valid-*.json is
 * accepted and every invalid-*.json rejected with at least one located problem. Also the SPDX 2.3
 * example document. Checked in strict mode (any schema problem refuses); lenient reading (the default)
 * must accept every valid case and read every invalid one either as refused or with located warnings.
 * The cases are upstream's, copied unchanged; to refresh them follow the README.md in
 * test/conformance/data/cyclonedx and test/conformance/data/spdx.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSbom } from '@shinrai/formats/sbom';

const DATA = resolve(import.meta.dirname, 'data');

describe('CycloneDX official cases', () => {
  for (const version of ['1.4', '1.5', '1.6']) {
    it(`cases/${version}`, () => {
      const dir = join(DATA, 'cyclonedx/cases', version);
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
      const wrong: string[] = [];
      let valid = 0;
      let invalid = 0;
      for (const f of files) {
        const bytes = readFileSync(join(dir, f));
        const r = parseSbom(bytes, f, { strict: true });
        const lenient = parseSbom(bytes, f);
        if (f.startsWith('valid-')) {
          valid++;
          if (!r.ok) wrong.push(`${f} rejected: ${JSON.stringify(r.problems.slice(0, 3))}`);
          if (!lenient.ok) wrong.push(`${f} rejected when lenient`);
        } else {
          if (lenient.ok && !lenient.warnings.some((w) => w.pointer !== undefined))
            wrong.push(`${f} read leniently without a located warning`);
          invalid++;
          if (r.ok) wrong.push(`${f} accepted`);
          else if (!r.problems.some((p) => p.pointer !== undefined || p.line !== undefined)) {
            wrong.push(`${f} rejected without a location`);
          }
        }
      }
      console.log(
        `CycloneDX ${version}: ${valid + invalid - wrong.length}/${valid + invalid} (${valid} valid, ${invalid} invalid)`,
      );
      expect(wrong).toEqual([]);
      expect(valid).toBeGreaterThan(20);
      expect(invalid).toBeGreaterThan(10);
    });
  }
});

describe('SPDX 2.3 example', () => {
  it('parses the official example with its packages and relationships', () => {
    const r = parseSbom(readFileSync(join(DATA, 'spdx/SPDXJSONExample-v2.3.spdx.json')));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.sbom.format).toBe('spdx');
    expect(r.sbom.specVersion).toBe('2.3');
    const glibc = r.sbom.components.find((c) => c.bomRef === 'SPDXRef-Package');
    expect(glibc).toMatchObject({ name: 'glibc', licenses: '(LGPL-2.0-only OR LicenseRef-3)' });
    expect(glibc?.hashes.some((h) => h.alg === 'SHA256')).toBe(true);
    expect(r.sbom.rootRefs).toContain('SPDXRef-Package');
    expect(r.sbom.components.some((c) => c.purl?.startsWith('pkg:'))).toBe(true);
  });

  it('strict: rejects the example when a required field is removed, at that field', () => {
    const doc = JSON.parse(readFileSync(join(DATA, 'spdx/SPDXJSONExample-v2.3.spdx.json'), 'utf8')) as {
      packages: Record<string, unknown>[];
    };
    delete doc.packages[0]?.downloadLocation;
    const r = parseSbom(Buffer.from(JSON.stringify(doc)), 'x.spdx.json', { strict: true });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toContainEqual(
        expect.objectContaining({ code: 'schema_required', pointer: '/packages/0' }),
      );
    // Lenient (the default): read, with the problem as a warning on that package.
    const lenient = parseSbom(Buffer.from(JSON.stringify(doc)), 'x.spdx.json');
    if (!lenient.ok) throw new Error('refused');
    expect(lenient.warnings).toContainEqual(
      expect.objectContaining({ code: 'schema_required', pointer: '/packages/0', component: 'glibc@2.11.1' }),
    );
  });
});
