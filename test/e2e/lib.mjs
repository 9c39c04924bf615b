// Shared helpers of the browser end-to-end scripts (run.mjs, assessments.mjs): a real Shinrai server on a
// free port with its own data directory, an in-process SMTP server, headless Chromium (playwright-core),
// failure screenshots and the server log's tail, and cleanup of all of it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { chromium } from 'playwright-core';
import { SMTPServer } from 'smtp-server';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_INDEX = path.join(ROOT, 'packages/web/dist/index.html');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TIMEOUT = 15_000;

/**
 * The UI's texts in one tree per language: the web app's common namespace and every module's,
 * merged (key paths are the same in a namespace as in the merged tree: `ja.sme.title`).
 */
async function uiStrings(lang) {
  const web = path.join(ROOT, 'packages/web/src');
  const modules = (await readdir(path.join(web, 'modules'), { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => path.join(web, 'modules', e.name, 'i18n'))
    .sort();
  const merged = {};
  for (const dir of [path.join(web, 'i18n/common'), ...modules]) {
    Object.assign(merged, JSON.parse(await readFile(path.join(dir, `${lang}.json`), 'utf8')));
  }
  return merged;
}
export const ja = await uiStrings('ja');
export const en = await uiStrings('en');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function until(what, check, timeout = TIMEOUT, interval = 200) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Exact label text; Mantine appends an aria-hidden " *" to labels of required fields. */
export const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const label = (text) => new RegExp(`^${escapeRe(text)}( \\*)?$`);

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

/**
 * Runs one end-to-end scenario: `main` gets helpers to start SMTP, the server and Chromium, open pages
 * and take screenshots into `shotsDir`. Everything started is stopped afterwards; the process exits
 * with 0 when `main` resolved, 1 otherwise (with failure screenshots and the server log's tail).
 */
export async function runScenario(name, shotsDir, main) {
  let step = 'start';
  let smtp;
  let server;
  let serverExit;
  let browser;
  let dataDir;
  const serverLog = [];
  const openPages = [];
  const pageErrors = [];
  const mails = [];
  const log = (message) => console.log(`[${name}] ${message}`);

  const ctx = {
    log,
    mails,
    pageErrors,
    begin(stepName) {
      step = stepName;
      log(stepName);
    },
    /** A full-page screenshot, taken from the top (fixed headers would land mid-page otherwise). */
    async shot(page, file) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(shotsDir, `${file}.png`), fullPage: true });
    },

    async startSmtp() {
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream).then(
            (mail) => {
              mails.push(mail);
              callback();
            },
            (error) => callback(error),
          );
        },
      });
      smtp.on('error', (error) => log(`smtp error: ${error.message}`));
      const port = await freePort();
      await new Promise((resolve) => smtp.listen(port, '127.0.0.1', resolve));
      return port;
    },

    /** Starts `shinrai serve` on a free port with a fresh data directory; resolves to its base URL. */
    async startServer({ smtpPort, setupCode }) {
      dataDir = await mkdtemp(path.join(os.tmpdir(), `shinrai-${name}-`));
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      server = spawn(process.execPath, ['packages/cli/bin/shinrai.mjs', 'serve'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          SHINRAI_DATA_DIR: dataDir,
          ...(smtpPort ? { SHINRAI_SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } : {}),
          SHINRAI_PUBLIC_URL: base,
          SHINRAI_SETUP_CODE: setupCode,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      serverExit = new Promise((resolve) => server.once('exit', resolve));
      for (const stream of [server.stdout, server.stderr]) {
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => serverLog.push(chunk));
      }
      await until(
        'GET /api/health',
        async () => {
          if (server.exitCode !== null) throw new Error('server exited');
          const response = await fetch(`${base}/api/health`);
          return response.ok && (await response.json()).status === 'ok';
        },
        60_000,
        250,
      ).catch((error) => {
        throw new Error(`server did not become healthy: ${error.message}`);
      });
      return base;
    },

    async launchBrowser() {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
      return browser;
    },

    /** A page in a new browser context; uncaught page errors are collected in `pageErrors`. */
    async newPage(pageName, options) {
      const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...options });
      context.setDefaultTimeout(TIMEOUT);
      const page = await context.newPage();
      openPages.push([pageName, page]);
      page.on('pageerror', (error) => pageErrors.push(`${pageName}: ${error.message}`));
      return page;
    },
  };

  async function cleanup() {
    if (browser) await browser.close().catch(() => undefined);
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      const stopped = await Promise.race([
        serverExit.then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
      ]);
      if (!stopped) {
        log('server ignored SIGTERM, killing');
        server.kill('SIGKILL');
        await serverExit;
      }
    }
    if (smtp) await new Promise((resolve) => smtp.close(resolve));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }

  let failed = false;
  try {
    if (!existsSync(DIST_INDEX)) {
      throw new Error(
        `packages/web/dist/index.html is missing: run "npm run build --workspace @shinrai/web" before the e2e test`,
      );
    }
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
    await mkdir(shotsDir, { recursive: true });
    for (const file of await readdir(shotsDir)) {
      if (file.startsWith('failure-')) await rm(path.join(shotsDir, file), { force: true });
    }
    await main(ctx);
    assert(pageErrors.length === 0, `no uncaught page errors: ${pageErrors.join(' | ')}`);
    log('all steps passed');
  } catch (error) {
    failed = true;
    console.error(
      `[${name}] FAILED during "${step}": ${error instanceof Error ? error.stack : String(error)}`,
    );
    for (const [pageName, page] of openPages) {
      await page
        .screenshot({ path: path.join(shotsDir, `failure-${pageName}.png`), fullPage: true })
        .catch(() => undefined);
    }
    if (serverLog.length)
      console.error(
        `[${name}] server output (tail):\n${serverLog.join('').split('\n').slice(-40).join('\n')}`,
      );
  } finally {
    await cleanup().catch((error) => {
      failed = true;
      console.error(`[${name}] cleanup failed: ${error.message}`);
    });
  }
  process.exit(failed ? 1 : 0);
}

/**
 * First-run setup through the UI (setup code, administrator, first organization); resolves to the
 * organization id once the overview shows. `beforeSubmit` may take a screenshot of the filled form.
 */
export async function completeSetup(page, base, { setupCode, admin, org, beforeSubmit }) {
  await page.goto(`${base}/`);
  await page.waitForURL(`${base}/setup`);
  await page.getByRole('heading', { name: ja.setup.title }).waitFor();
  await page.getByLabel(label(ja.setup.setupCode)).fill(setupCode);
  await page.getByLabel(label(ja.setup.email)).fill(admin.email);
  await page.getByLabel(label(ja.setup.displayName)).fill(admin.name);
  await page.getByLabel(label(ja.setup.password)).fill(admin.password);
  await page.getByLabel(label(ja.setup.passwordConfirm)).fill(admin.password);
  await page.getByLabel(label(ja.orgFields.name)).fill(org.name);
  await page.getByRole('combobox', { name: label(ja.orgFields.kind) }).click();
  await page.getByRole('option', { name: ja.orgKinds[org.kind], exact: true }).click();
  if (org.corporateNumber)
    await page.getByLabel(label(ja.orgFields.corporateNumber)).fill(org.corporateNumber);
  if (org.industry) await page.getByLabel(label(ja.orgFields.industry)).fill(org.industry);
  if (org.size) {
    await page.getByRole('combobox', { name: label(ja.orgFields.size) }).click();
    await page.getByRole('option', { name: ja.orgSizes[org.size], exact: true }).click();
  }
  if (org.prefecture) {
    await page.getByRole('combobox', { name: label(ja.orgFields.prefecture) }).click();
    await page.getByRole('option', { name: ja.prefectures[org.prefecture], exact: true }).click();
  }
  if (beforeSubmit) await beforeSubmit();
  await page.getByRole('button', { name: ja.setup.submit }).click();
  await page.waitForURL(/\/orgs\/[^/]+\/overview$/);
  const orgId = new URL(page.url()).pathname.split('/')[2];
  await page.getByRole('heading', { name: ja.overview.title }).waitFor();
  await until(
    'org name in profile',
    async () => (await page.getByLabel(label(ja.orgFields.name)).inputValue()) === org.name,
  );
  return orgId;
}

/** The texts under `selector` cut short (they or a part of them narrower than their content). */
export async function cutShort(page, selector) {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => [el, ...el.querySelectorAll('*')].some((c) => c.scrollWidth > c.clientWidth + 1))
      .map((el) => el.textContent.slice(0, 40)),
  );
}

/**
 * The texts under `selector` that the browser broke across lines (a badge, a date, a bracketed label that
 * should move to the next line whole): their first 40 characters. Empty when each is on one line.
 */
export async function splitAcrossLines(page, selector) {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => {
        if (el.getClientRects().length === 0) return false;
        const range = document.createRange();
        range.selectNodeContents(el);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0).sort((x, y) => x.top - y.top);
        // a fragment starting below the previous line's bottom is a second line (fonts may shift by a pixel)
        let bottom = rects[0]?.bottom ?? 0;
        for (const r of rects) {
          if (r.top >= bottom - 1) return true;
          bottom = Math.max(bottom, r.bottom);
        }
        return false;
      })
      .map((el) => el.textContent.slice(0, 40)),
  );
}
