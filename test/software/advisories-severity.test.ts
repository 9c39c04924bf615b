import { AdvisoryMatcher, advisorySeverity } from '@shinrai/core/software/match';
import type { OsvRecord } from '@shinrai/core/software/osv';
import { importAdvisories } from '@shinrai/server';
import { findAdvisory } from '@shinrai/store';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStore, type TestStore } from '../helpers/stores.ts';
import { osvRecord, tempDir, writeTemp, zipBuffer } from './advisories-fixtures.ts';

// One severity rule (core's advisorySeverity) for the advisory rows of an import and for the findings
// of a match (server and CLI alike): the two used to disagree on these records.
describe('advisory severity: the import row and a finding agree', () => {
  let t: TestStore;
  let dir: string;
  beforeAll(async () => {
    t = await makeStore('sqlite');
    dir = tempDir();
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  // CVSS 3.1 score 5.6 (medium) while GHSA's word says HIGH: the score wins
  const cvssMediumWordHigh = osvRecord({
    id: 'GHSA-sev-cvss-wins',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L' }],
    database_specific: { severity: 'HIGH' },
  });
  // Debian's "negligible": low, not unknown
  const debianNegligible = osvRecord({
    id: 'DEBIAN-CVE-2024-0001',
    affected: [
      {
        package: { ecosystem: 'Debian:12', name: 'openssl' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.11-1' }] }],
        ecosystem_specific: { severity: 'negligible' },
      },
    ],
  });

  it('CVSS 5.6 with database severity HIGH is medium; Debian negligible is low', async () => {
    const zip = await zipBuffer([
      { name: 'a.json', data: cvssMediumWordHigh },
      { name: 'b.json', data: debianNegligible },
    ]);
    const r = await importAdvisories(t.store, writeTemp(dir, 'sev.zip', zip), 'sev.zip');
    if (!r.ok) throw new Error(r.reason);
    expect(r.counts).toMatchObject({ added: 2, skipped: 0 });

    const a = await findAdvisory(t.store.db, 'GHSA-sev-cvss-wins');
    const b = await findAdvisory(t.store.db, 'DEBIAN-CVE-2024-0001');
    expect(a?.severity).toBe('medium');
    expect(b).toMatchObject({ severity: 'low', score: null, vector: null });

    const matcher = new AdvisoryMatcher();
    const findA = matcher.match({ ecosystem: 'npm', name: 'left-pad' }, '1.0.0', [
      { record: cvssMediumWordHigh as unknown as OsvRecord },
    ]);
    const findB = matcher.match({ ecosystem: 'Debian:12', name: 'openssl' }, '3.0.0-1', [
      { record: debianNegligible as unknown as OsvRecord },
    ]);
    expect(findA.map((f) => f.severity)).toEqual([a?.severity]);
    expect(findA[0]?.score).toBe(a?.score);
    expect(findB.map((f) => f.severity)).toEqual([b?.severity]);
    expect(advisorySeverity(cvssMediumWordHigh as unknown as OsvRecord).severity).toBe('medium');
  });
});
