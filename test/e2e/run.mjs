// End-to-end test: real server + in-process SMTP server + Chromium (playwright-core).
// Run `npm run build --workspace @shinrai/web` first, then `node test/e2e/run.mjs`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { chromium } from 'playwright-core';
import { SMTPServer } from 'smtp-server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST_INDEX = path.join(ROOT, 'packages/web/dist/index.html');
const SHOTS = path.join(ROOT, 'test-results/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SETUP_CODE = 'e2e-setup-code-4711';
const TIMEOUT = 15_000;

const ja = JSON.parse(await readFile(path.join(ROOT, 'packages/web/src/i18n/ja.json'), 'utf8'));
const en = JSON.parse(await readFile(path.join(ROOT, 'packages/web/src/i18n/en.json'), 'utf8'));

const ADMIN = { email: 'admin@example.co.jp', name: '管理 太郎', password: 'Kanri-Taro-Passw0rd!' };
const MEMBER = { email: 'member@example.co.jp', name: '部員 花子', password: 'Buin-Hanako-Passw0rd!' };
const ORG1 = '信頼製作所';
const ORG2 = '信頼ロジスティクス';

let step = 'start';
const log = (message) => console.log(`[e2e] ${message}`);
const begin = (name) => {
  step = name;
  log(name);
};

function freePort() {
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

async function until(what, check, timeout = TIMEOUT, interval = 200) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Exact label text; Mantine appends an aria-hidden " *" to labels of required fields. */
const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const label = (text) => new RegExp(`^${escapeRe(text)}( \\*)?$`);

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Resources, cleaned up in `finally`.
let smtp;
let server;
let serverExit;
let browser;
let dataDir;
const serverLog = [];
const openPages = [];
const mails = [];

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

async function main() {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(
      `packages/web/dist/index.html is missing: run "npm run build --workspace @shinrai/web" before the e2e test`,
    );
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  await mkdir(SHOTS, { recursive: true });

  // --- SMTP --------------------------------------------------------------------------------
  begin('starting SMTP server');
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
  const smtpPort = await freePort();
  await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

  // --- Server ------------------------------------------------------------------------------
  begin('starting Shinrai server');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'shinrai-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['packages/cli/bin/shinrai.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SHINRAI_DATA_DIR: dataDir,
      SHINRAI_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SHINRAI_PUBLIC_URL: base,
      SHINRAI_SETUP_CODE: SETUP_CODE,
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
  log(`server on ${base}, smtp on ${smtpPort}`);

  // --- Browser -----------------------------------------------------------------------------
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
  const adminContext = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  adminContext.setDefaultTimeout(TIMEOUT);
  const admin = await adminContext.newPage();
  openPages.push(['admin', admin]);
  const pageErrors = [];
  admin.on('pageerror', (error) => pageErrors.push(error.message));
  const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  // 1. First-run setup
  begin('first-run setup');
  await admin.goto(`${base}/`);
  await admin.waitForURL(`${base}/setup`);
  await admin.getByRole('heading', { name: ja.setup.title }).waitFor();
  await admin.getByLabel(label(ja.setup.setupCode)).fill(SETUP_CODE);
  await admin.getByLabel(label(ja.setup.email)).fill(ADMIN.email);
  await admin.getByLabel(label(ja.setup.displayName)).fill(ADMIN.name);
  await admin.getByLabel(label(ja.setup.password)).fill(ADMIN.password);
  await admin.getByLabel(label(ja.setup.passwordConfirm)).fill(ADMIN.password);
  await admin.getByLabel(label(ja.orgFields.name)).fill(ORG1);
  await admin.getByRole('combobox', { name: label(ja.orgFields.kind) }).click();
  await admin.getByRole('option', { name: ja.orgKinds.enterprise, exact: true }).click();
  await admin.getByLabel(label(ja.orgFields.corporateNumber)).fill('4180001012345');
  await admin.getByLabel(label(ja.orgFields.industry)).fill('自動車部品製造');
  await admin.getByRole('combobox', { name: label(ja.orgFields.size) }).click();
  await admin.getByRole('option', { name: ja.orgSizes.medium, exact: true }).click();
  await admin.getByRole('combobox', { name: label(ja.orgFields.prefecture) }).click();
  await admin.getByRole('option', { name: ja.prefectures['23'], exact: true }).click();
  await shot(admin, '01-setup');
  await admin.getByRole('button', { name: ja.setup.submit }).click();

  // 2. Lands signed in on the organization overview
  begin('landing after setup');
  await admin.waitForURL(/\/orgs\/[^/]+\/overview$/);
  const org1Id = new URL(admin.url()).pathname.split('/')[2];
  await admin.getByRole('heading', { name: ja.overview.title }).waitFor();
  await until(
    'org name in profile',
    async () => (await admin.getByLabel(label(ja.orgFields.name)).inputValue()) === ORG1,
  );
  await shot(admin, '02-overview');

  // 3. Invite a member
  begin('inviting a member');
  await admin.getByRole('link', { name: ja.nav.invitations }).click();
  await admin.waitForURL(/\/invitations$/);
  await admin.getByLabel(label(ja.invitations.email)).fill(MEMBER.email);
  await admin.getByRole('combobox', { name: label(ja.invitations.role) }).click();
  await admin.getByRole('option', { name: ja.roles.member, exact: true }).click();
  await admin.getByRole('button', { name: ja.invitations.submit }).click();
  await admin.getByRole('cell', { name: MEMBER.email, exact: true }).waitFor();
  await shot(admin, '03-invitations');

  // 4. Read the invitation e-mail
  begin('reading the invitation e-mail');
  const mail = await until('invitation e-mail', async () =>
    mails.find((m) => m.to?.value?.some((a) => a.address === MEMBER.email)),
  );
  const body = `${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
  const link = body.match(/https?:\/\/[^\s"'<>]+\/invite\/[A-Za-z0-9_-]+/)?.[0];
  assert(link, `no /invite/ link in the e-mail: ${body.slice(0, 500)}`);
  assert(link.startsWith(`${base}/invite/`), `invite link uses SHINRAI_PUBLIC_URL: ${link}`);
  log(`invitation link: ${link}`);

  // 5. Accept it in a fresh browser context (phone-sized), creating the account
  begin('accepting the invitation');
  const memberContext = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  memberContext.setDefaultTimeout(TIMEOUT);
  const member = await memberContext.newPage();
  openPages.push(['member', member]);
  member.on('pageerror', (error) => pageErrors.push(error.message));
  await member.goto(link);
  await member.getByRole('heading', { name: ja.invite.title }).waitFor();
  await member.getByText(ORG1).first().waitFor();
  await member.getByText(ja.roles.member, { exact: true }).waitFor();
  await member.getByLabel(label(ja.setup.displayName)).fill(MEMBER.name);
  await member.getByLabel(label(ja.setup.password)).fill(MEMBER.password);
  await member.getByLabel(label(ja.setup.passwordConfirm)).fill(MEMBER.password);
  await shot(member, '04-invite-mobile');
  await member.getByRole('button', { name: ja.invite.accept }).click();

  // 6. The new user sees the organization
  begin('new member sees the organization');
  await member.waitForURL(`${base}/orgs/${org1Id}/overview`);
  await until(
    'org name for member',
    async () => (await member.getByLabel(label(ja.orgFields.name)).inputValue()) === ORG1,
  );
  await member.getByText(ja.overview.readOnly).waitFor();
  await shot(member, '05-member-overview-mobile');
  await member.getByRole('button', { name: ja.nav.toggle }).click();
  await member.getByRole('link', { name: ja.nav.members }).waitFor();
  await member.waitForTimeout(400); // navbar slide-in transition
  assert(
    (await member.getByRole('combobox', { name: label(ja.header.orgSwitcher) }).inputValue()) === ORG1,
    'org switcher shows the organization',
  );
  await shot(member, '06-member-nav-mobile');
  await member.getByRole('link', { name: ja.nav.members }).click();
  // phones get a list of cards instead of a table
  const memberList = member.getByRole('list', { name: ja.members.title });
  await memberList.getByText(ADMIN.email, { exact: true }).waitFor();
  await memberList.getByText(MEMBER.email, { exact: true }).waitFor();
  await shot(member, '07-member-members-mobile');

  // 7. Admin creates a second organization and switches with the organization switcher
  begin('creating a second organization');
  await admin.getByRole('button', { name: ja.header.createOrg }).click();
  const dialog = admin.getByRole('dialog', { name: ja.createOrg.title });
  await dialog.getByLabel(label(ja.orgFields.name)).fill(ORG2);
  await dialog.getByRole('combobox', { name: label(ja.orgFields.kind) }).click();
  await admin.getByRole('option', { name: ja.orgKinds.supplier, exact: true }).click();
  await shot(admin, '08-create-org');
  await dialog.getByRole('button', { name: ja.createOrg.submit }).click();
  await dialog.waitFor({ state: 'hidden' });
  await admin.waitForURL(
    (url) => /^\/orgs\/[^/]+\/overview$/.test(url.pathname) && !url.pathname.includes(org1Id),
  );
  const org2Id = new URL(admin.url()).pathname.split('/')[2];

  begin('switching organizations');
  const switcher = admin.getByRole('combobox', { name: label(ja.header.orgSwitcher) });
  await switcher.click();
  await admin.getByRole('option', { name: ORG1, exact: true }).click();
  await admin.waitForURL(`${base}/orgs/${org1Id}/overview`);
  await until(
    'org 1 profile',
    async () => (await admin.getByLabel(label(ja.orgFields.name)).inputValue()) === ORG1,
  );
  await switcher.click();
  await shot(admin, '09-org-switcher');
  await admin.getByRole('option', { name: ORG2, exact: true }).click();
  await admin.waitForURL(`${base}/orgs/${org2Id}/overview`);
  await until(
    'org 2 profile',
    async () => (await admin.getByLabel(label(ja.orgFields.name)).inputValue()) === ORG2,
  );
  assert((await switcher.inputValue()) === ORG2, 'switcher shows the second organization');

  // 8. Audit chain verification (owner) — exercises the job polling
  begin('verifying the audit chain');
  await admin.getByRole('link', { name: ja.nav.audit }).click();
  await admin.waitForURL(`${base}/orgs/${org2Id}/audit`);
  await admin.getByRole('button', { name: ja.audit.verify }).click();
  await admin.getByText(ja.audit.okTitle).waitFor({ timeout: 30_000 });
  await shot(admin, '10-audit');

  // 9. Language switch: English, then back to Japanese
  begin('switching language');
  await admin.getByRole('radiogroup', { name: ja.language.label }).getByText(ja.language.en).click();
  await admin.getByRole('heading', { name: en.audit.title }).waitFor();
  await admin.getByRole('link', { name: en.nav.overview }).waitFor();
  assert((await admin.locator('html').getAttribute('lang')) === 'en', 'html lang is en');
  await shot(admin, '11-english');
  await admin.reload();
  await admin.getByRole('heading', { name: en.audit.title }).waitFor();
  await admin.getByRole('radiogroup', { name: en.language.label }).getByText(en.language.ja).click();
  await admin.getByRole('heading', { name: ja.audit.title }).waitFor();
  assert((await admin.locator('html').getAttribute('lang')) === 'ja', 'html lang is ja');
  await shot(admin, '12-japanese');

  assert(pageErrors.length === 0, `no uncaught page errors: ${pageErrors.join(' | ')}`);
  log('all steps passed');
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`[e2e] FAILED during "${step}": ${error instanceof Error ? error.stack : String(error)}`);
  for (const [name, page] of openPages) {
    await page
      .screenshot({ path: path.join(SHOTS, `failure-${name}.png`), fullPage: true })
      .catch(() => undefined);
  }
  if (serverLog.length)
    console.error(`[e2e] server output (tail):\n${serverLog.join('').split('\n').slice(-40).join('\n')}`);
} finally {
  await cleanup().catch((error) => {
    failed = true;
    console.error(`[e2e] cleanup failed: ${error.message}`);
  });
}
process.exit(failed ? 1 : 0);
