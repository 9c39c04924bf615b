import { once } from 'node:events';
import { createHash, randomUUID } from 'node:crypto';
import { largeCdxBom } from '@shinrai/formats/sbom/fixtures';
import { JobWorker, setTaxiiNet, sharingIntakeJobs, workers } from '@shinrai/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { attachRequest, largeEml, memberReport, taxiiPageServer } from '../helpers/sharing-report.ts';

/** `n` STIX 2.1 indicators, each with its own id. */
const indicators = (n: number) => {
  const at = '2026-11-01T00:00:00.000Z';
  return Array.from({ length: n }, (_, i) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: at,
    modified: at,
    pattern: `[ipv4-addr:value = '198.51.${Math.floor(i / 250)}.${i % 250}']`,
    pattern_type: 'stix',
    valid_from: at,
  }));
};

/**
 * Issue 10: a large upload is parsed in a worker thread, so other requests are answered meanwhile.
 * Ordering, not timing: /api/health is asked once the worker has the file, and must answer before the
 * upload does (parsed on the event loop, the health request would wait for the whole parse).
 */
describe('heavy uploads off the request path', () => {
  let t: TestApp;
  let owner: Client;
  let base: string;
  let releaseId: string;
  let orgId: string;
  let reportId: string;

  beforeAll(async () => {
    t = await makeApp();
    const s = await setupInstance(t);
    owner = s.admin;
    orgId = s.orgId;
    base = `/api/orgs/${s.orgId}/software`;
    const productId = json<{ product: { id: string } }>(
      await owner.post(`${base}/products`, { name: 'ゲートウェイ', kind: 'application' }),
    ).product.id;
    releaseId = json<{ release: { id: string } }>(
      await owner.post(`${base}/products/${productId}/releases`, { version: '2.0.0' }),
    ).release.id;
    reportId = await memberReport(t, owner, orgId);
  });
  afterAll(async () => {
    await t.close();
  });

  it(
    'answers /api/health while a 30,000-component SBOM is parsed, then stores the whole SBOM',
    { timeout: 180_000 },
    async () => {
      const bom = Buffer.from(JSON.stringify(largeCdxBom(30_000)));
      const { payload, headers } = multipart({ name: 'big.cdx.json', data: bom }, {});
      const started = once(workers(), 'start');
      let uploaded = false;
      const upload = owner.app
        .inject({
          method: 'POST',
          url: `${base}/releases/${releaseId}/sbom`,
          payload,
          headers: { ...headers, cookie: owner.cookie ?? '', 'x-csrf-token': owner.csrf ?? '' },
        })
        .then((res) => {
          uploaded = true;
          return res;
        });
      expect(await started).toEqual(['software.sbom']);
      const health = await owner.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(uploaded).toBe(false);
      const res = await upload;
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(json<{ release: { sbom: { componentCount: number } } }>(res).release.sbom.componentCount).toBe(
        30_000,
      );
      const db = t.deps.store.db;
      const stored = await db
        .selectFrom('software_components')
        .select(db.fn.countAll().as('n'))
        .where('release_id', '=', releaseId)
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(30_000);
    },
  );

  it(
    'answers /api/health while a STIX bundle of 20,000 indicators is read, then imports every one',
    { timeout: 180_000 },
    async () => {
      const objects = indicators(20_000);
      const bundle = Buffer.from(JSON.stringify({ type: 'bundle', id: `bundle--${randomUUID()}`, objects }));
      const { payload, headers } = multipart(
        { name: 'big.json', data: bundle, type: 'application/json' },
        {},
      );
      const started = once(workers(), 'start');
      let uploaded = false;
      const upload = owner.app
        .inject({
          method: 'POST',
          url: `/api/orgs/${orgId}/sharing/intake/imports`,
          payload,
          headers: { ...headers, cookie: owner.cookie ?? '', 'x-csrf-token': owner.csrf ?? '' },
        })
        .then((res) => {
          uploaded = true;
          return res;
        });
      expect(await started).toEqual(['sharing.stixBundle']);
      const health = await owner.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(uploaded).toBe(false);
      const res = await upload;
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(json<{ added: number }>(res).added).toBe(20_000);
    },
  );

  it(
    'answers /api/health while a 9 MB .eml is parsed and hashed, then keeps its summary',
    { timeout: 180_000 },
    async () => {
      const { mail, attachment } = largeEml();
      expect(mail.length).toBeLessThan(10 * 1024 * 1024);
      const started = once(workers(), 'start');
      let uploaded = false;
      const upload = owner.app
        .inject(attachRequest(owner, orgId, reportId, 'invoice.eml', mail))
        .then((res) => {
          uploaded = true;
          return res;
        });
      expect(await started).toEqual(['sharing.eml']);
      const health = await owner.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(uploaded).toBe(false);
      const res = await upload;
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      const eml = json<{
        report: {
          attachments: {
            eml: {
              attachments: { name: string; size: number; sha256: string }[];
              urls: string[];
              body: string;
              recipientsRedacted: number;
            };
          }[];
        };
      }>(res).report.attachments[0]?.eml;
      expect(eml?.attachments).toEqual([
        expect.objectContaining({
          name: 'invoice.dat',
          size: attachment.length,
          sha256: createHash('sha256').update(attachment).digest('hex'),
        }),
      ]);
      expect(eml?.urls).toEqual(['https://invoice.example-verify.com/view?id=8841']);
      expect(eml?.recipientsRedacted).toBe(1);
      expect(eml?.body.endsWith('[…]')).toBe(true);
      expect(res.body).not.toContain('t.sato');
    },
  );

  it(
    'answers /api/health while a 100,000-character Japanese report is analysed, then keeps its proposal',
    { timeout: 180_000 },
    async () => {
      const hubOrgId = json<{ report: { hubOrgId: string } }>(
        await owner.get(`/api/orgs/${orgId}/sharing/reports/${reportId}`),
      ).report.hubOrgId;
      const sentence =
        '営業部の佐藤太郎さんが取引先を装ったメールを受け取り、198.51.100.7 への接続を確認した。';
      const reps = Math.floor(100_000 / sentence.length);
      const text = sentence.repeat(reps);
      const started = once(workers(), 'start');
      let submitted = false;
      const submit = owner
        .post(`/api/orgs/${orgId}/sharing/hubs/${hubOrgId}/reports`, {
          title: '大きな報告',
          text,
          lang: 'ja',
          attackType: 'targeted-attack',
          occurredOn: '2026-12-01',
        })
        .then((res) => {
          submitted = true;
          return res;
        });
      // Analysed on the event loop, no worker would start: the report would answer first.
      expect(await Promise.race([started, submit.then(() => 'answered without a worker')])).toEqual([
        'sharing.sanitize',
      ]);
      const health = await owner.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(submitted).toBe(false);
      const res = await submit;
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      const report = json<{
        report: { redactions: { category: string; text: string }[]; indicators: { value: string }[] };
      }>(res).report;
      expect(report.redactions.filter((r) => r.category === 'person' && r.text === '佐藤太郎')).toHaveLength(
        reps,
      );
      expect(report.indicators.map((i) => i.value)).toContain('198.51.100.7');
    },
  );

  it(
    'answers /api/health while a log excerpt is scanned for indicators, then proposes them',
    { timeout: 180_000 },
    async () => {
      const log = Buffer.from(
        Array.from(
          { length: 40_000 },
          (_, i) =>
            `2026-12-01 09:20:${String(i % 60).padStart(2, '0')} CONNECT 198.51.100.${i % 250}:443 from 10.1.2.3\n`,
        ).join(''),
      );
      const started = once(workers(), 'start');
      let uploaded = false;
      const upload = owner.app.inject(attachRequest(owner, orgId, reportId, 'proxy.log', log)).then((res) => {
        uploaded = true;
        return res;
      });
      expect(await started).toEqual(['sharing.logIndicators']);
      const health = await owner.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(uploaded).toBe(false);
      const res = await upload;
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      const indicators = json<{ report: { indicators: { value: string; source: string }[] } }>(res).report
        .indicators;
      expect(indicators).toContainEqual(
        expect.objectContaining({ value: '198.51.100.249', source: 'attachment' }),
      );
      expect(indicators.some((i) => i.value === '10.1.2.3')).toBe(false);
    },
  );

  it(
    'answers /api/health while a pulled TAXII page of 20,000 indicators is read, then imports every one',
    { timeout: 180_000 },
    async () => {
      const server = await taxiiPageServer(
        Buffer.from(JSON.stringify({ more: false, objects: indicators(20_000) })),
      );
      const job = new JobWorker(t.deps, sharingIntakeJobs(t.deps));
      const tasks: string[] = [];
      const seen = (task: string) => tasks.push(task);
      try {
        setTaxiiNet(t.deps, { allowHttp: true, allow: (a) => a === '127.0.0.1' });
        const created = await owner.post(`/api/orgs/${orgId}/sharing/intake/sources`, {
          name: '大きなページ',
          apiRootUrl: server.url,
          collectionId: 'c1',
          authKind: 'none',
          intervalMinutes: 60,
        });
        expect(created.statusCode, created.body).toBe(201);
        workers().on('start', seen);
        const started = once(workers(), 'start');
        let pulled = false;
        // The pull job runs where it always runs; only the page's read moves to a parse worker.
        const pull = job
          .tick()
          .then(() => job.idle())
          .then(() => {
            pulled = true;
          });
        expect(await started).toEqual(['sharing.taxiiPage']);
        const health = await owner.app.inject({ method: 'GET', url: '/api/health' });
        expect(health.statusCode).toBe(200);
        expect(pulled).toBe(false);
        await pull;
        // The page's envelope, then every object's check: both in a parse worker.
        expect(tasks).toEqual(['sharing.taxiiPage', 'sharing.taxiiObjects']);
        const source = json<{ sources: { lastError: string | null; failures: number }[] }>(
          await owner.get(`/api/orgs/${orgId}/sharing/intake/sources`),
        ).sources[0];
        expect(source).toMatchObject({ lastError: null, failures: 0 });
        const imports = json<{ imports: { kind: string; added: number }[] }>(
          await owner.get(`/api/orgs/${orgId}/sharing/intake/imports`),
        ).imports;
        expect(imports.find((i) => i.kind === 'taxii')?.added).toBe(20_000);
      } finally {
        workers().off('start', seen);
        await job.stop();
        await server.close();
      }
    },
  );
});
