// End-to-end test: real server + in-process SMTP server + Chromium (playwright-core).
// Run `npm run build --workspace @shinrai/web` first, then `node test/e2e/run.mjs`.
import path from 'node:path';
import { ROOT, assert, completeSetup, ja, en, label, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e');
const SETUP_CODE = 'e2e-setup-code-4711';

const ADMIN = { email: 'admin@example.co.jp', name: '管理 太郎', password: 'Kanri-Taro-Passw0rd!' };
const MEMBER = { email: 'member@example.co.jp', name: '部員 花子', password: 'Buin-Hanako-Passw0rd!' };
const ORG1 = '信頼製作所';
const ORG2 = '信頼ロジスティクス';

await runScenario(
  'e2e',
  SHOTS,
  async ({ log, begin, shot, mails, startSmtp, startServer, launchBrowser, newPage }) => {
    // --- SMTP, server, browser -----------------------------------------------------------------
    begin('starting SMTP server');
    const smtpPort = await startSmtp();
    begin('starting Shinrai server');
    const base = await startServer({ smtpPort, setupCode: SETUP_CODE });
    log(`server on ${base}, smtp on ${smtpPort}`);
    await launchBrowser();
    const admin = await newPage('admin', { viewport: { width: 1280, height: 800 } });

    // 1. First-run setup, 2. lands signed in on the organization overview
    begin('first-run setup');
    const org1Id = await completeSetup(admin, base, {
      setupCode: SETUP_CODE,
      admin: ADMIN,
      org: {
        name: ORG1,
        kind: 'enterprise',
        corporateNumber: '4180001012345',
        industry: '自動車部品製造',
        size: 'medium',
        prefecture: '23',
      },
      beforeSubmit: () => shot(admin, '01-setup'),
    });
    begin('landing after setup');
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
    const member = await newPage('member', {
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
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
    /** Opens the switcher and picks an organization; opens it again if the first click did not (a busy machine). */
    const pick = async (name) => {
      const option = admin.getByRole('option', { name, exact: true });
      for (let attempt = 0; attempt < 3; attempt++) {
        await switcher.click();
        if (await option.isVisible().catch(() => false)) break;
        await option.waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
        if (await option.isVisible().catch(() => false)) break;
      }
      await option.click();
    };
    await pick(ORG1);
    await admin.waitForURL(`${base}/orgs/${org1Id}/overview`);
    await until(
      'org 1 profile',
      async () => (await admin.getByLabel(label(ja.orgFields.name)).inputValue()) === ORG1,
    );
    await switcher.click();
    await shot(admin, '09-org-switcher');
    await switcher.press('Escape');
    await pick(ORG2);
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

    // 10. An unknown address: a 404 inside the app shell, with the menu and a way back
    begin('unknown address inside the app');
    await admin.goto(`${base}/orgs/${org2Id}/no-such-page`);
    await admin.getByTestId('not-found').getByText(ja.app.notFound).waitFor();
    await admin.getByRole('link', { name: ja.nav.overview, exact: true }).waitFor(); // the menu is there
    await shot(admin, '13-not-found');
    await admin.getByRole('link', { name: ja.app.backToOverview }).click();
    await admin.waitForURL(`${base}/orgs/${org2Id}/overview`);
    await member.goto(`${base}/no-such-page`);
    await member.getByTestId('not-found').waitFor();
    await shot(member, '14-not-found-mobile');
  },
);
