import { describe, expect, it } from 'vitest';
import { dependencyPaths, describeSbomProblems, parseSbom, type ParseSbomResult } from './index.ts';
import { cdxBom, cdxComponent, cdxXml, eventStreamLock, largeCdxBom } from './sbom-fixtures.ts';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

function ok(r: ParseSbomResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

function problems(r: ParseSbomResult) {
  if (r.ok) throw new Error('expected a failure');
  return r.problems;
}

describe('npm package-lock v3', () => {
  const r = ok(parseSbom(json(eventStreamLock()), 'package-lock.json'));

  it('turns packages into npm purls with hashes and the dev flag', () => {
    expect(r.sbom).toMatchObject({
      format: 'npm-lock',
      specVersion: '3',
      name: 'wallet-app',
      rootRefs: ['.'],
    });
    const flatmap = r.sbom.components.find((c) => c.name === 'flatmap-stream');
    expect(flatmap).toMatchObject({ purl: 'pkg:npm/flatmap-stream@0.1.1', version: '0.1.1', dev: false });
    expect(flatmap?.hashes).toEqual([{ alg: 'SHA-1', value: 'deadbeef' }]);
    expect(r.sbom.components.find((c) => c.name === '@scope/util')?.purl).toBe('pkg:npm/%40scope/util@1.0.0');
    expect(r.sbom.components.find((c) => c.name === 'test-runner')?.dev).toBe(true);
  });

  it('finds the path that brought flatmap-stream in', () => {
    expect(dependencyPaths(r.sbom, 'node_modules/flatmap-stream', 5)).toEqual([
      ['.', 'node_modules/event-stream', 'node_modules/flatmap-stream'],
    ]);
  });

  it('resolves nested node_modules before the top level', () => {
    expect(dependencyPaths(r.sbom, 'node_modules/@scope/util/node_modules/through', 5)).toEqual([
      ['.', 'node_modules/@scope/util', 'node_modules/@scope/util/node_modules/through'],
    ]);
    expect(dependencyPaths(r.sbom, 'node_modules/through', 5)).toEqual([
      ['.', 'node_modules/event-stream', 'node_modules/through'],
    ]);
  });

  it('refuses lockfile v1', () => {
    expect(problems(parseSbom(json({ lockfileVersion: 1, dependencies: {} })))).toMatchObject([
      { code: 'unsupported_version', pointer: '/lockfileVersion' },
    ]);
  });
});

describe('CycloneDX JSON', () => {
  it('normalizes components, licenses, supplier and the dependency graph', () => {
    const bom = cdxBom(
      [
        cdxComponent(1, {
          group: 'org.acme',
          supplier: { name: 'ACME' },
          licenses: [{ license: { id: 'MIT' } }, { license: { name: 'Acme Commercial' } }],
          scope: 'optional',
        }),
        cdxComponent(2, { licenses: [{ expression: 'Apache-2.0 OR MIT' }] }),
      ],
      {
        dependencies: [
          { ref: 'app', dependsOn: ['c1'] },
          { ref: 'c1', dependsOn: ['c2'] },
        ],
      },
    );
    const r = ok(parseSbom(json(bom)));
    expect(r.sbom).toMatchObject({
      format: 'cyclonedx',
      specVersion: '1.6',
      name: 'wallet-app',
      rootRefs: ['app'],
    });
    expect(r.sbom.components[0]).toMatchObject({
      name: 'org.acme/pkg-1',
      supplier: 'ACME',
      licenses: 'MIT AND LicenseRef-Acme-Commercial',
      scope: 'optional',
    });
    expect(r.sbom.components[1]?.licenses).toBe('Apache-2.0 OR MIT');
    expect(dependencyPaths(r.sbom, 'c2', 3)).toEqual([['app', 'c1', 'c2']]);
  });

  it('keeps a dependency cycle and still finds paths', () => {
    const bom = cdxBom([cdxComponent(1), cdxComponent(2)], {
      dependencies: [
        { ref: 'app', dependsOn: ['c1'] },
        { ref: 'c1', dependsOn: ['c2'] },
        { ref: 'c2', dependsOn: ['c1'] },
      ],
    });
    const r = ok(parseSbom(json(bom)));
    expect(r.sbom.dependencies).toContainEqual({ from: 'c2', to: ['c1'] });
    expect(dependencyPaths(r.sbom, 'c2', 5)).toEqual([['app', 'c1', 'c2']]);
  });

  it('returns every shortest path up to the limit', () => {
    const bom = cdxBom([cdxComponent(1), cdxComponent(2), cdxComponent(3)], {
      dependencies: [
        { ref: 'app', dependsOn: ['c1', 'c2'] },
        { ref: 'c1', dependsOn: ['c3'] },
        { ref: 'c2', dependsOn: ['c3'] },
      ],
    });
    const r = ok(parseSbom(json(bom)));
    expect(dependencyPaths(r.sbom, 'c3', 5)).toHaveLength(2);
    expect(dependencyPaths(r.sbom, 'c3', 1)).toHaveLength(1);
    expect(dependencyPaths(r.sbom, 'nope', 5)).toEqual([]);
  });

  it('keeps the BOM when a purl is invalid, with a located warning', () => {
    const r = ok(parseSbom(json(cdxBom([cdxComponent(0), cdxComponent(1, { purl: 'npm/left-pad' })]))));
    expect(r.sbom.components[1]?.purl).toBeNull();
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'invalid_purl', pointer: '/components/1/purl' }),
    ]);
  });

  it('strict: rejects schema-invalid documents at the offending field; lenient: a located warning', () => {
    const doc = json(cdxBom([cdxComponent(0, { type: 'gadget' })]));
    const p = problems(parseSbom(doc, 'bom.json', { strict: true }));
    expect(p).toContainEqual(expect.objectContaining({ code: 'schema_enum', pointer: '/components/0/type' }));
    const messages = describeSbomProblems(p, 'ja');
    expect(messages[0]?.message).toMatch(/gadget/);
    const lenient = ok(parseSbom(doc, 'bom.json'));
    expect(lenient.warnings).toContainEqual(
      expect.objectContaining({
        code: 'schema_enum',
        pointer: '/components/0/type',
        component: expect.any(String) as string,
      }),
    );
  });

  it('strict: rejects duplicate components (uniqueItems) even with keys in another order', () => {
    const a = cdxComponent(1);
    const b = Object.fromEntries(Object.entries(a).reverse());
    expect(problems(parseSbom(json(cdxBom([a, b])), 'bom.json', { strict: true }))).toContainEqual(
      expect.objectContaining({ code: 'schema_unique', pointer: '/components' }),
    );
  });

  it('strict: duplicate dependencies and hashes are found by their full content, not by ref alone', () => {
    const a = cdxComponent(1);
    const dep = { ref: String(a['bom-ref']), dependsOn: [] as string[] };
    const twice = { ...cdxBom([a]), dependencies: [dep, { dependsOn: [], ref: dep.ref }] };
    expect(problems(parseSbom(json(twice), 'bom.json', { strict: true }))).toContainEqual(
      expect.objectContaining({ code: 'schema_unique', pointer: '/dependencies' }),
    );
    // Same ref, other content: not duplicates for uniqueItems (bom-ref rules are another check).
    const other = { ...cdxBom([a]), dependencies: [dep, { ref: dep.ref, dependsOn: ['app'] }] };
    const r = parseSbom(json(other), 'bom.json', { strict: true });
    expect(r.ok ? [] : r.problems).not.toContainEqual(expect.objectContaining({ code: 'schema_unique' }));
  });

  it('parses and validates 10,000 components in a few times JSON.parse', () => {
    const buf = json(largeCdxBom(10_000));
    parseSbom(buf);
    let parse = Infinity;
    let sbom = Infinity;
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      JSON.parse(buf.toString('utf8'));
      parse = Math.min(parse, performance.now() - t);
      t = performance.now();
      const r = parseSbom(buf);
      sbom = Math.min(sbom, performance.now() - t);
      expect(r.ok && r.sbom.components.length).toBe(10_000);
    }
    console.log(`10,000 components: JSON.parse ${parse.toFixed(0)} ms, parseSbom ${sbom.toFixed(0)} ms`);
    // Generous bound for a shared CI machine; the benchmark reports the real ratio.
    expect(sbom).toBeLessThan(parse * 15 + 100);
  });
});

describe('CycloneDX XML', () => {
  const body = `<metadata><component type="application" bom-ref="app"><name>fw</name><version>1.2</version></component></metadata>
<components>
  <component type="library" bom-ref="a">
    <supplier><name>ACME</name></supplier>
    <name>openssl</name><version>3.0.1</version>
    <hashes><hash alg="SHA-256">${'b'.repeat(64)}</hash></hashes>
    <licenses><license><id>Apache-2.0</id></license></licenses>
    <purl>pkg:generic/openssl@3.0.1</purl>
    <components><component type="library" bom-ref="a1"><name>zlib</name><version>1.3</version></component></components>
  </component>
</components>
<dependencies><dependency ref="app"><dependency ref="a"/></dependency><dependency ref="a"><dependency ref="a1"/></dependency></dependencies>`;

  it('reads components, nested components, hashes and dependencies', () => {
    const r = ok(parseSbom(Buffer.from(cdxXml(body)), 'bom.xml'));
    expect(r.sbom).toMatchObject({ format: 'cyclonedx', specVersion: '1.6', name: 'fw', rootRefs: ['app'] });
    expect(r.sbom.components.map((c) => c.bomRef)).toEqual(['a', 'a1']);
    expect(r.sbom.components[0]).toMatchObject({
      supplier: 'ACME',
      licenses: 'Apache-2.0',
      purl: 'pkg:generic/openssl@3.0.1',
      hashes: [{ alg: 'SHA-256', value: 'b'.repeat(64) }],
    });
    expect(dependencyPaths(r.sbom, 'a1', 2)).toEqual([['app', 'a', 'a1']]);
  });

  it('locates structural errors as element paths', () => {
    const p = problems(
      parseSbom(Buffer.from(cdxXml(body.replace('alg="SHA-256"', 'alg="SHA-999"'))), 'bom.xml', {
        strict: true,
      }),
    );
    expect(p).toContainEqual(
      expect.objectContaining({
        code: 'schema_enum',
        pointer: '/bom/components/component[1]/hashes/hash[1]/@alg',
      }),
    );
  });

  it('reports XML syntax errors with line and column, and refuses DOCTYPE and unknown versions', () => {
    expect(problems(parseSbom(Buffer.from(cdxXml('<components><component>'))))).toEqual([
      expect.objectContaining({ code: 'xml_syntax', line: expect.any(Number) as number }),
    ]);
    expect(problems(parseSbom(Buffer.from(`<!DOCTYPE x [<!ENTITY a "aaaa">]>${cdxXml('')}`)))).toMatchObject([
      { code: 'xml_doctype' },
    ]);
    expect(problems(parseSbom(Buffer.from(cdxXml('', '1.8'))))).toMatchObject([
      { code: 'unsupported_version' },
    ]);
  });
});

describe('bad input', () => {
  it('truncated JSON → syntax error with line and column', () => {
    const text = JSON.stringify(cdxBom([cdxComponent(1)]), null, 2);
    const p = problems(parseSbom(Buffer.from(text.slice(0, 200))));
    expect(p).toEqual([expect.objectContaining({ code: 'json_syntax', line: expect.any(Number) as number })]);
  });

  it('malformed JSON whose engine message has no position is still located', () => {
    const p = problems(parseSbom(Buffer.from('{\n  "bomFormat": "CycloneDX",\n  "x": }')));
    expect(p[0]).toMatchObject({ code: 'json_syntax', line: 3, column: 8 });
  });

  it('missing or unsupported specVersion', () => {
    const noVersion = { ...cdxBom([]), specVersion: undefined };
    expect(problems(parseSbom(json(noVersion)))).toMatchObject([
      { code: 'missing_spec_version', pointer: '/specVersion' },
    ]);
    expect(problems(parseSbom(json({ ...cdxBom([]), specVersion: '1.8' })))).toMatchObject([
      { code: 'unsupported_version', pointer: '/specVersion' },
    ]);
    expect(problems(parseSbom(json({ spdxVersion: 'SPDX-2.1' })))).toMatchObject([
      { code: 'unsupported_version' },
    ]);
  });

  it('deep nesting is refused without a stack overflow', () => {
    const deep = `{"bomFormat":"CycloneDX","specVersion":"1.6","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(problems(parseSbom(Buffer.from(deep)))).toMatchObject([{ code: 'too_deep' }]);
    const xml = cdxXml(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`);
    expect(problems(parseSbom(Buffer.from(xml)))[0]?.code).toBe('too_deep');
  });

  it('size limit, empty, not UTF-8, unknown format', () => {
    expect(problems(parseSbom(Buffer.alloc(2048, 32), 'x.json', { maxBytes: 1024 }))).toMatchObject([
      { code: 'too_large' },
    ]);
    expect(problems(parseSbom(Buffer.from('  \n')))).toMatchObject([{ code: 'empty' }]);
    expect(problems(parseSbom(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])))).toMatchObject([{ code: 'not_utf8' }]);
    expect(problems(parseSbom(json({ hello: 'world' })))).toMatchObject([{ code: 'unknown_format' }]);
    expect(problems(parseSbom(json([1, 2])))).toMatchObject([{ code: 'unknown_format' }]);
  });

  it('every problem has a Japanese and an English message', () => {
    const p = problems(parseSbom(Buffer.from('{')));
    expect(describeSbomProblems(p, 'ja')[0]?.message).toMatch(/JSON の構文エラー/);
    expect(describeSbomProblems(p, 'en')[0]?.message).toMatch(/JSON syntax error/);
  });
});
