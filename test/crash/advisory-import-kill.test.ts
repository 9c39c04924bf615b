import { abandonStaleImports, IMPORT_LEASE_MS, importAdvisories } from '@shinrai/server';
import { softwareRematchJob } from '@shinrai/server/modules/software';
import { auditChainBatch, countPendingRematch, pendingRematch } from '@shinrai/store';
import type { LightMyRequestResponse } from 'fastify';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { osvRecord, tempDir, writeTemp, zipBuffer } from '../software/advisories-fixtures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WRITER = path.join(ROOT, 'test/crash/advisory-writer.ts');
const PACKAGES = ['crash-one', 'crash-two', 'crash-three'];

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

/** Runs the import in a child process and SIGKILLs it once its first batch has committed. */
function importAndKill(dataDir: string, archive: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, archive], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the import never reached its first batch; stderr: ${stderr}`));
    }, 25_000);
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    createInterface({ input: child.stdout }).on('line', (l) => {
      lines.push(l);
      if (l === 'batch 1') child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') reject(new Error(`the import exited by itself (code ${code}): ${stderr}`));
      else resolve(lines);
    });
  });
}

/**
 * Issue 11 item 5 with a real kill: `shinrai advisories import` (here its function in a child process) is
 * SIGKILLed after its first batch. The run stays running until its lease runs out, then it is marked
 * abandoned; the rerun re-matches the killed run's batch too, so the release gets every finding.
 */
describe('an advisory import killed with SIGKILL after its first batch', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let releaseId: string;
  let dir: string;

  beforeAll(async () => {
    t = await makeApp('sqlite', { packs: false });
    if (t.deps.store.sqliteFile === null) throw new Error('the crash test runs on SQLite');
    ({ admin, orgId } = await setupInstance(t));
    dir = tempDir();
    const base = `/api/orgs/${orgId}/software`;
    const productId = json<{ product: { id: string } }>(
      must(await admin.post(`${base}/products`, { name: '制御盤', kind: 'device' }), 201),
    ).product.id;
    releaseId = json<{ release: { id: string } }>(
      must(await admin.post(`${base}/products/${productId}/releases`, { version: '1.0.0' }), 201),
    ).release.id;
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: PACKAGES.map((name) => ({
        type: 'library',
        name,
        version: '1.0.0',
        purl: `pkg:npm/${name}@1.0.0`,
      })),
    };
    const { payload, headers } = multipart({ name: 'bom.json', data: Buffer.from(JSON.stringify(bom)) }, {});
    must(
      await t.app.inject({
        method: 'POST',
        url: `${base}/releases/${releaseId}/sbom`,
        payload,
        headers: { ...headers, cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrf ?? '' },
      }),
      200,
    );
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const findings = async () =>
    json<{ items: { advisoryId: string }[] }>(
      must(await admin.get(`/api/orgs/${orgId}/software/releases/${releaseId}/findings`), 200),
    )
      .items.map((f) => f.advisoryId)
      .sort();

  it('leaves the first batch pending, and the rerun re-matches it; the dead run ends abandoned', async () => {
    const archive = writeTemp(
      dir,
      'crash.zip',
      await zipBuffer(
        PACKAGES.map((name, i) => ({
          name: `GHSA-crash-000${i + 1}.json`,
          data: osvRecord({
            id: `GHSA-crash-000${i + 1}`,
            affected: [
              {
                package: { ecosystem: 'npm', name },
                ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '9.0.0' }] }],
              },
            ],
          }),
        })),
      ),
    );
    const lines = await importAndKill(t.db.dataDir, archive);
    expect(lines).toEqual(['started', 'batch 1']);

    const db = t.deps.store.db;
    const killed = await db.selectFrom('advisory_imports').selectAll().executeTakeFirstOrThrow();
    expect(killed).toMatchObject({ source: 'crash.zip', status: 'running', added: 1 });
    expect((await pendingRematch(db, 100)).advisoryIds).toEqual(['GHSA-crash-0001']);
    expect(await findings()).toEqual([]);

    const rerun = await importAdvisories(t.deps.store, archive, 'crash.zip', { batchSize: 1 });
    if (!rerun.ok) throw new Error(rerun.reason);
    expect(rerun.counts).toMatchObject({ processed: 3, unchanged: 1, added: 2 });
    const job = await db
      .selectFrom('jobs')
      .select('payload')
      .where('id', '=', rerun.rematchJobId ?? '')
      .executeTakeFirstOrThrow();
    await softwareRematchJob(t.deps)({
      job: {} as never,
      payload: JSON.parse(job.payload) as unknown,
      progress: async () => {},
      stopping: false,
    });
    expect(await findings()).toEqual(['GHSA-crash-0001', 'GHSA-crash-0002', 'GHSA-crash-0003']);
    expect(await countPendingRematch(db)).toBe(0);

    // The killed run's lease runs out: it is marked abandoned, in the instance audit chain with its counts.
    const swept = await abandonStaleImports(t.deps.store, new Date(Date.now() + IMPORT_LEASE_MS + 1000));
    expect(swept.abandoned).toEqual([killed.id]);
    const entry = (await auditChainBatch(db, null, 0, 1000)).find(
      (e) => e.action === 'advisories.import_abandoned' && e.targetId === killed.id,
    );
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
      source: 'crash.zip',
      via: 'cli',
      counts: { added: 1 },
    });
  });
});
