// Threat library in Chromium: the yearly table from the menu, another year, a threat's page with its
// history and what answers it; at 1440 px and 390 px, in Japanese and English. This suite's server has
// no SMTP, so it also checks that an invitation then hands the inviter the link instead of claiming a mail.
import path from 'node:path';
import { assert, completeSetup, en, ja, ROOT, runScenario } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-threats');
const SETUP_CODE = 'threat-setup-1357';
const ADMIN = { email: 'ciso@example.co.jp', name: '佐藤 花子', password: 'Sato-Hanako-Passw0rd!' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const T = ja.threats;

await runScenario('threats', SHOTS, async ({ begin, shot, startServer, launchBrowser, newPage }) => {
  const base = await startServer({ setupCode: SETUP_CODE });
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);
  begin('setup');
  const orgId = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: '信頼電機', kind: 'enterprise', size: 'large' },
  });

  begin('the yearly table from the menu');
  const navbar = desk.getByRole('navigation', { name: ja.nav.label });
  await navbar.getByRole('link', { name: '10大脅威', exact: true }).click();
  await desk.waitForURL(`${base}/orgs/${orgId}/threats`);
  await desk.getByRole('heading', { name: T.title }).waitFor();
  const table = desk.getByRole('table', { name: T.yearLabel.replace('{{year}}', '2026') });
  await table.waitFor();
  assert((await table.getByRole('row').count()) === 11, 'ten ranked rows and a header');
  const first = table.getByRole('row').nth(1);
  assert((await first.innerText()).includes('ランサム攻撃による被害'), 'ransomware first in 2026');
  const third = table.getByRole('row').nth(3);
  assert((await third.innerText()).includes(T.movement.new), 'AI risk marked new in 2026');
  await shot(desk, 'threats-2026-1440');

  begin('another year');
  await desk.getByRole('combobox', { name: T.year }).click();
  await desk.getByRole('option', { name: T.yearLabel.replace('{{year}}', '2021') }).click();
  const t2021 = desk.getByRole('table', { name: T.yearLabel.replace('{{year}}', '2021') });
  await t2021.waitFor();
  assert(
    (await t2021.getByRole('row').nth(1).innerText()).includes('ランサムウェアによる被害'),
    '2021 first',
  );
  assert((await desk.getByText(T.dropped.replace('{{year}}', '2021')).count()) === 1, 'dropped-out list');

  begin("a threat's page");
  await t2021.getByRole('link', { name: 'ランサムウェアによる被害' }).click();
  await desk.waitForURL(`${base}/orgs/${orgId}/threats/ransomware`);
  await desk.getByRole('heading', { name: T.answers }).waitFor();
  const history = desk.getByRole('table', { name: T.history });
  assert((await history.getByRole('row').count()) === 7, 'seven years of history');
  assert((await desk.getByText(T.noCpsfAssessment).count()) === 1, 'no CPSF assessment yet');
  assert((await desk.getByText('CPS.RP-1', { exact: false }).count()) >= 1, 'mapped CPSF requirement');
  await shot(desk, 'threat-ransomware-1440');

  begin('an invitation without a mail server shows its link');
  await desk.goto(`${base}/orgs/${orgId}/invitations`);
  await desk.getByLabel(new RegExp(`^${ja.invitations.email}`)).fill('newcomer@example.co.jp');
  await desk.getByRole('button', { name: ja.invitations.submit }).click();
  const notice = desk.getByTestId('invite-link');
  await notice.getByText(ja.invitations.unsent.not_configured.title).waitFor();
  const link = await notice.getByLabel(ja.invitations.unsent.link).inputValue();
  assert(/\/invite\/[\w-]+$/.test(link), `an invitation link is shown (${link})`);
  assert(
    (await desk.getByText(ja.invitations.sent.replace('{{email}}', 'newcomer@example.co.jp')).count()) === 0,
    'no "mail sent" claim',
  );
  await shot(desk, 'invitation-no-mail-1440');

  begin('an empty advisory database says so where findings are read');
  await desk.goto(`${base}/orgs/${orgId}/software`);
  await desk.getByTestId('advisory-db-empty').getByText(ja.software.advisoryDb.emptyTitle).waitFor();
  await shot(desk, 'software-empty-advisories-1440');

  begin('phone, English');
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(new RegExp(`^${ja.login.email}`)).fill(ADMIN.email);
  await phone.getByLabel(new RegExp(`^${ja.login.password}`)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/overview$/);
  await phone.goto(`${base}/orgs/${orgId}/threats`);
  await phone.getByRole('heading', { name: T.title }).waitFor();
  await phone.getByRole('radiogroup', { name: ja.language.label }).getByText(ja.language.en).click();
  await phone.getByRole('heading', { name: en.threats.title }).waitFor();
  await shot(phone, 'threats-2026-390-en');
  await phone.goto(`${base}/orgs/${orgId}/threats/ai-risk`);
  await phone.getByRole('heading', { name: en.threats.answers }).waitFor();
  await shot(phone, 'threat-ai-390-en');
});
