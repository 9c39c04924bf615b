#!/usr/bin/env node
/**
 * Bytes a browser downloads for the login page and for an organization's overview, each loaded cold
 * (new browser context, empty cache): every response's encoded body and headers as received. Real server (the build), Chromium via playwright-core.
 *
 *   npm run build && node bench/page-bytes.mjs [WEB_DIST]
 *
 * WEB_DIST (default packages/web/dist) is served as the web app: give a copy without the .br/.gz files
 * to see what the server sent before the build precompressed them. Prints one JSON line.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, completeSetup, ja, runScenario } from '../test/e2e/lib.mjs';

const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'packages/web/dist'));
process.env.SHINRAI_WEB_DIST = dist;
const SETUP_CODE = 'bench-setup-code-2026';
const ADMIN = { email: 'admin@example.co.jp', name: '管理 太郎', password: 'Kanri-Taro-Passw0rd!' };

/** Loads `url` in `page`, summing every response's encoded body and headers as received. */
async function measure(page, url, ready) {
  const totals = { requests: 0, bodyBytes: 0, headerBytes: 0, encodings: {} };
  const pending = [];
  const onFinished = (request) =>
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const encoding = (await response?.headerValue('content-encoding')) ?? 'identity';
        totals.requests++;
        totals.bodyBytes += Math.max(0, sizes.responseBodySize);
        totals.headerBytes += Math.max(0, sizes.responseHeadersSize);
        totals.encodings[encoding] = (totals.encodings[encoding] ?? 0) + 1;
      })(),
    );
  page.on('requestfinished', onFinished);
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  page.off('requestfinished', onFinished);
  return totals;
}

const shots = await mkdtemp(path.join(os.tmpdir(), 'shinrai-bytes-'));
await runScenario('page-bytes', shots, async ({ startServer, launchBrowser, newPage }) => {
  const base = await startServer({ setupCode: SETUP_CODE });
  const browser = await launchBrowser();
  const setupPage = await newPage('setup', { viewport: { width: 1280, height: 800 } });
  const orgId = await completeSetup(setupPage, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: '信頼製作所', kind: 'enterprise' },
  });
  const state = await setupPage.context().storageState();

  const result = { dist };
  const login = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  const loginReady = () => login.getByRole('button', { name: ja.login.submit }).first().waitFor();
  result.login = await measure(login, `${base}/login`, loginReady);

  const overview = await (await browser.newContext({ locale: 'ja-JP', storageState: state })).newPage();
  const overviewReady = () => overview.getByRole('heading', { name: ja.overview.title }).waitFor();
  result.overview = await measure(overview, `${base}/orgs/${orgId}/overview`, overviewReady);
  console.log(JSON.stringify(result));
});
