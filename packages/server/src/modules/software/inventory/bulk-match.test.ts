import {
  insertOrganization,
  insertSoftwareProduct,
  insertSoftwareRelease,
  listSoftwareComponents,
  listSoftwareFindings,
  advisoryGeneration,
  replaceSoftwareSbom,
  writeAdvisories,
  type AdvisoryWrite,
  type SoftwareComponentRow,
} from '@shinrai/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, testDialects, type TestStore } from '../../../../../../test/helpers/stores.ts';
import { candidateAdvisories, dropAdvisoryCache, dropKeptRecords } from './advisory-cache.ts';
import { directoryAt, directoryLoaded, dropAdvisoryDirectory } from './advisory-directory.ts';
import { matchComponents } from './match.ts';

const NOW = '2025-06-01T00:00:00.000Z';

function advisory(
  id: string,
  ecosystem: string,
  name: string,
  opts: { withdrawn?: boolean; fixed?: string } = {},
): AdvisoryWrite {
  const record = {
    id,
    modified: NOW,
    ...(opts.withdrawn ? { withdrawn: NOW } : {}),
    summary: `${name} problem`,
    affected: [
      {
        package: { ecosystem, name },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: opts.fixed ?? '2.0.0' }] }],
      },
    ],
  };
  return {
    advisory: {
      id,
      modified: NOW,
      published: null,
      withdrawn: opts.withdrawn ? NOW : null,
      malicious: 0,
      summary: record.summary,
      aliases: '[]',
      severity: 'unknown',
      score: null,
      vector: null,
      record: JSON.stringify(record),
      imported_at: NOW,
    },
    packages: [{ ecosystem, base_ecosystem: ecosystem.split(':')[0] ?? ecosystem, name }],
  };
}

describe.each(testDialects())('matching lookups and bulk SBOM writes on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await makeStore(dialect);
    dropAdvisoryCache();
    await writeAdvisories(t.store.db, [
      advisory('GHSA-npm-1', 'npm', 'left-pad'),
      advisory('GHSA-npm-2', 'npm', 'left-pad', { fixed: '1.0.0' }),
      advisory('GHSA-gone', 'npm', 'gone', { withdrawn: true }),
      // stored with a spelling other than the PEP 503 one a purl maps to
      advisory('PYSEC-1', 'PyPI', 'Foo_Bar'),
      advisory('DSA-1', 'Debian:12', 'openssl'),
    ]);
  });
  afterAll(async () => {
    dropAdvisoryCache();
    await t.cleanup();
  });

  it('finds advisories by exact name, by PEP 503 name for PyPI, on the base ecosystem, never withdrawn ones', async () => {
    const found = await candidateAdvisories(t.store.db, [
      { ecosystem: 'npm', name: 'left-pad' },
      { ecosystem: 'npm', name: 'Left-Pad' },
      { ecosystem: 'npm', name: 'gone' },
      { ecosystem: 'PyPI', name: 'foo-bar' },
      { ecosystem: 'Debian:11', name: 'openssl' },
      { ecosystem: 'npm', name: 'nothing' },
    ]);
    const ids = (key: string) =>
      found
        .get(key)
        ?.map((a) => a.id)
        .sort();
    expect(ids('npm\u0000left-pad')).toEqual(['GHSA-npm-1', 'GHSA-npm-2']);
    expect(found.has('npm\u0000Left-Pad')).toBe(false);
    expect(found.has('npm\u0000gone')).toBe(false);
    expect(ids('PyPI\u0000foo-bar')).toEqual(['PYSEC-1']);
    expect(ids('Debian\u0000openssl')).toEqual(['DSA-1']);
    expect(found.has('npm\u0000nothing')).toBe(false);
    expect(found.size).toBe(3);
  });

  it('answers from the kept directory exactly as from the database, and never from a copy older than the last write', async () => {
    dropAdvisoryDirectory();
    const asked = [
      { ecosystem: 'npm', name: 'left-pad' },
      { ecosystem: 'npm', name: 'gone' },
      { ecosystem: 'PyPI', name: 'foo-bar' },
      { ecosystem: 'Debian:11', name: 'openssl' },
      { ecosystem: 'npm', name: 'nothing' },
      { ecosystem: 'npm', name: 'later-pad' },
    ];
    const sorted = (m: Map<string, { id: string; modified: string; content_hash: string | null }[]>) =>
      [...m]
        .map(([k, v]) => [k, v.map((r) => [r.id, r.modified, r.content_hash]).sort()] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1));
    const fromDb = await candidateAdvisories(t.store.db, asked);
    // The first lookup with a directory starts loading it and answers from the database meanwhile.
    expect(sorted(await candidateAdvisories(t.store.db, asked, { directory: t.store.db }))).toEqual(
      sorted(fromDb),
    );
    await directoryLoaded();
    const kept = directoryAt(t.store.db, await advisoryGeneration(t.store.db));
    expect(
      kept
        ?.get('npm\u0000left-pad')
        ?.map((r) => r.id)
        .sort(),
    ).toEqual(['GHSA-npm-1', 'GHSA-npm-2']);
    const fromCopy = await candidateAdvisories(t.store.db, asked, { directory: t.store.db });
    expect(sorted(fromCopy)).toEqual(sorted(fromDb));
    expect(fromCopy.has('npm\u0000gone')).toBe(false);

    // Another writer (an import by another instance) adds an advisory: the copy must not answer any more.
    await writeAdvisories(t.store.db, [advisory('GHSA-later', 'npm', 'later-pad')]);
    const after = await candidateAdvisories(t.store.db, asked, { directory: t.store.db });
    expect(after.get('npm\u0000later-pad')?.map((r) => r.id)).toEqual(['GHSA-later']);
    await directoryLoaded();
    const reloaded = await candidateAdvisories(t.store.db, asked, { directory: t.store.db });
    expect(sorted(reloaded)).toEqual(sorted(await candidateAdvisories(t.store.db, asked)));
    expect(reloaded.get('npm\u0000later-pad')?.map((r) => r.id)).toEqual(['GHSA-later']);
    dropAdvisoryDirectory();
  });

  it('gives a finding without severity the highest severity of its aliases in the database', async () => {
    const go = advisory('GO-2099-0001', 'Go', 'example.com/lib');
    const goRecord = {
      ...(JSON.parse(go.advisory.record) as object),
      aliases: ['CVE-2099-1', 'GHSA-alias-hi'],
    };
    const ghsa = advisory('GHSA-alias-hi', 'Go', 'example.com/lib');
    const lone = advisory('GO-2099-0002', 'Go', 'example.com/other');
    await writeAdvisories(t.store.db, [
      {
        ...go,
        advisory: {
          ...go.advisory,
          aliases: JSON.stringify(goRecord.aliases),
          record: JSON.stringify(goRecord),
        },
      },
      {
        ...ghsa,
        advisory: {
          ...ghsa.advisory,
          severity: 'high',
          score: 7.5,
          record: JSON.stringify({
            ...(JSON.parse(ghsa.advisory.record) as object),
            severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
          }),
        },
      },
      {
        ...lone,
        advisory: {
          ...lone.advisory,
          record: JSON.stringify({
            ...(JSON.parse(lone.advisory.record) as object),
            aliases: ['CVE-2099-2'],
          }),
        },
      },
    ]);
    dropAdvisoryCache();
    const component = (id: string, name: string) => ({
      id,
      org_id: 'org-x',
      release_id: 'rel-x',
      bom_ref: id,
      name,
      version: '1.0.0',
      purl: `pkg:golang/${name}@1.0.0`,
      ecosystem: 'Go',
      osv_name: name,
    });
    const found = await matchComponents(
      t.store.db,
      [component('c-lib', 'example.com/lib'), component('c-other', 'example.com/other')],
      () => [],
      new Date(NOW),
    );
    const bySeverity = Object.fromEntries(found.map((f) => [f.advisory_id, [f.severity, f.score]]));
    // GO-2099-0001 takes GHSA-alias-hi's severity; the GHSA record itself matches too, as it is.
    expect(bySeverity['GO-2099-0001']).toEqual(['high', 7.5]);
    expect(bySeverity['GHSA-alias-hi']).toEqual(['high', 7.5]);
    // No alias with a severity in the database: stays unknown.
    expect(bySeverity['GO-2099-0002']).toEqual(['unknown', null]);
  });

  it('serves a kept record only while it is the stored version: its content (hash) and malicious mark count', async () => {
    dropKeptRecords();
    const component = {
      id: 'c-kept',
      org_id: 'org-x',
      release_id: 'rel-x',
      bom_ref: 'c-kept',
      name: 'kept-lib',
      version: '1.5.0',
      purl: 'pkg:npm/kept-lib@1.5.0',
      ecosystem: 'npm',
      osv_name: 'kept-lib',
    };
    const match = async () =>
      (await matchComponents(t.store.db, [component], () => [], new Date(NOW))).map((f) => [
        f.advisory_id,
        f.malicious,
      ]);
    const version = (fixed: string, hash: string | null, malicious = 0): AdvisoryWrite => {
      const a = advisory('GHSA-kept', 'npm', 'kept-lib', { fixed });
      return { ...a, advisory: { ...a.advisory, content_hash: hash, malicious } };
    };
    await writeAdvisories(t.store.db, [version('2.0.0', 'h1')]);
    expect(await match()).toEqual([['GHSA-kept', 0]]);
    expect(await match()).toEqual([['GHSA-kept', 0]]); // from the kept record
    // rewritten under the same id and modified (as golang/vulndb does): fixed before 1.5.0 now
    await writeAdvisories(t.store.db, [version('1.0.0', 'h2')]);
    expect(await match()).toEqual([]);
    // the first content again, now marked malicious: the record kept unmarked is not served
    await writeAdvisories(t.store.db, [version('2.0.0', 'h1', 1)]);
    expect(await match()).toEqual([['GHSA-kept', 1]]);
    // a record without a content hash is read every time, never kept
    await writeAdvisories(t.store.db, [version('2.0.0', null)]);
    expect(await match()).toEqual([['GHSA-kept', 0]]);
    await writeAdvisories(t.store.db, [version('1.0.0', null)]);
    expect(await match()).toEqual([]);
  });

  it('writes 1,234 components and their findings in chunks, every column as given', async () => {
    await insertOrganization(t.store.db, {
      id: 'org-bulk',
      slug: 'bulk',
      name: 'バルク',
      kind: 'enterprise',
      corporateNumber: null,
      industry: null,
      size: null,
      prefecture: '13',
      now: NOW,
    });
    await insertSoftwareProduct(t.store.db, {
      id: 'prod-bulk',
      org_id: 'org-bulk',
      name: 'Bulk app',
      kind: 'application',
      vendor: null,
      support_ends: null,
      created_at: NOW,
      updated_at: NOW,
    });
    await insertSoftwareRelease(t.store.db, {
      id: 'rel-bulk',
      org_id: 'org-bulk',
      product_id: 'prod-bulk',
      version: '1.0.0',
      released_on: null,
      support_ends: null,
      sbom_format: null,
      sbom_spec_version: null,
      sbom_uploaded_at: null,
      component_count: 0,
      graph: null,
      created_at: NOW,
    });
    const components: SoftwareComponentRow[] = Array.from({ length: 1234 }, (_v, i) => ({
      id: `comp-${String(i).padStart(4, '0')}`,
      org_id: 'org-bulk',
      release_id: 'rel-bulk',
      bom_ref: `c${i}`,
      name: i % 100 === 0 ? 'left-pad' : `pkg-${i}`,
      version: i % 7 === 0 ? null : `1.${i % 10}.0`,
      purl: i % 100 === 0 ? `pkg:npm/left-pad@1.${i % 10}.0` : i % 3 === 0 ? null : `pkg:npm/pkg-${i}@1.0.0`,
      purl_key: i % 3 === 0 ? null : `pkg:npm/pkg-${i}`,
      ecosystem: i % 100 === 0 ? 'npm' : i % 3 === 0 ? null : 'npm',
      osv_name: i % 100 === 0 ? 'left-pad' : i % 3 === 0 ? null : `pkg-${i}`,
      licenses: i % 2 === 0 ? 'MIT' : null,
      hashes: JSON.stringify([{ alg: 'SHA-256', value: String(i) }]),
      supplier: i % 5 === 0 ? `Supplier ${i}` : null,
      dev: i % 4 === 0 ? 1 : 0,
      support_ends: i % 11 === 0 ? '2030-01-01' : null,
    }));
    const findings = await matchComponents(t.store.db, components, (c) => [c.name], new Date(NOW));
    // left-pad rows (every 100th) are at 1.0.0, except those without a version (every 7th), which never match
    const expected = components.filter((c) => c.osv_name === 'left-pad' && c.version !== null).length;
    expect(expected).toBeGreaterThan(0);
    // 1.0.0 is in GHSA-npm-1 (< 2.0.0) but not GHSA-npm-2 (< 1.0.0)
    expect(findings.map((f) => f.advisory_id).sort()).toEqual(Array(expected).fill('GHSA-npm-1'));

    await replaceSoftwareSbom(
      t.store.db,
      {
        id: 'rel-bulk',
        org_id: 'org-bulk',
        sbom_format: 'cyclonedx',
        sbom_spec_version: '1.6',
        sbom_uploaded_at: NOW,
        component_count: components.length,
        graph: '{}',
      },
      components,
      findings,
    );
    const stored = await listSoftwareComponents(t.store.db, 'org-bulk', 'rel-bulk');
    const byId = new Map(stored.map((c) => [c.id, c]));
    expect(stored).toHaveLength(1234);
    for (const c of components) expect(byId.get(c.id)).toEqual(c);
    const storedFindings = await listSoftwareFindings(t.store.db, 'org-bulk', 'rel-bulk');
    expect(storedFindings.map((f) => f.component_id).sort()).toEqual(
      findings.map((f) => f.component_id).sort(),
    );
  });
});
