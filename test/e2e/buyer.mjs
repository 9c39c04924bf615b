// End-to-end test of a buyer and its suppliers: first-run setup choosing the identifier and whether the
// organization may be found; finding a supplier by name and asking it for a relationship; the supplier's
// badge and pending-request notice, and accepting; inviting by e-mail a company not on Shinrai yet (no
// SMTP here, so the link is shown with a copy button) and that company signing up through the link; a
// shared SME self-check showing its real state, the SECURITY ACTION declaration and the policy page; and
// object names in the audit log. Screenshots at 390 and 1440 px go to test-results/e2e-buyer/.
// Run `npm run build --workspace @shinrai/web` first, then `node test/e2e/buyer.mjs`.
import path from 'node:path';
import { ROOT, assert, completeSetup, ja, label, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-buyer');
const SETUP_CODE = 'e2e-buyer-setup-1357';
const ADMIN = { email: 'kobai@example.co.jp', name: '購買 一郎', password: 'Shinrai-Jidosha-Passw0rd!' };
const BUYER = { name: '信頼自動車', kind: 'enterprise', prefecture: '23' };
const SUPPLIER = 'ｼﾝﾗｲ精密株式会社';
const NEWCO = { company: '新規部品株式会社', email: 'tanto@shinki-buhin.example.jp' };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1440, height: 900 } };

const noSideScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** A JSON API call in the page's session (cookies), with the CSRF token for changes. */
async function apiCall(page, method, url, body) {
  const me = await (await page.request.get(url.replace(/\/api\/.*/, '/api/me'))).json();
  const response = await page.request.fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
    data: body === undefined ? (method === 'GET' ? undefined : {}) : body,
  });
  assert(response.ok(), `${method} ${url} → ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? null : response.json();
}

/** Closes notification toasts so they cover nothing in a screenshot. */
async function calm(page) {
  const toasts = page.locator('.mantine-Notification-root');
  for (let i = (await toasts.count()) - 1; i >= 0; i--)
    await toasts
      .nth(i)
      .getByRole('button')
      .click()
      .catch(() => undefined);
  await until('notifications closed', async () => (await toasts.count()) === 0);
}

await runScenario('e2e-buyer', SHOTS, async (ctx) => {
  const { log, begin, startServer, launchBrowser, newPage } = ctx;
  const shot = async (page, file) => {
    await calm(page);
    await ctx.shot(page, file);
  };
  begin('starting the Shinrai server (no SMTP)');
  const base = await startServer({ setupCode: SETUP_CODE });
  log(`server on ${base}`);
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);

  begin('first-run setup: the identifier and being findable are chosen here');
  const buyerId = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: BUYER,
    beforeSubmit: async () => {
      await desk.getByLabel(label(ja.orgFields.slug)).fill('shinrai-jidosha');
      await desk.getByLabel(ja.orgFields.discoverable).check();
      await shot(desk, '01-setup-1440');
    },
  });
  const { organization: created } = await (await desk.request.get(`${base}/api/orgs/${buyerId}`)).json();
  assert(created.slug === 'shinrai-jidosha', `chosen slug kept (${created.slug})`);
  assert(created.discoverable === true, 'the setup choice to be findable is kept');

  begin('a supplier that allows being found, and one that does not');
  const { organization: supplier } = await apiCall(desk, 'POST', `${base}/api/orgs`, {
    name: SUPPLIER,
    kind: 'supplier',
    prefecture: '13',
    discoverable: true,
  });
  await apiCall(desk, 'POST', `${base}/api/orgs`, { name: 'シンライ秘密工業', kind: 'supplier' });

  begin('finding the supplier by a half/full-width name and asking it');
  await desk.goto(`${base}/orgs/${buyerId}/relationships`);
  await desk.getByRole('heading', { name: ja.relationships.findTitle }).waitFor();
  await desk.getByTestId('directory-q').fill('シンライ');
  await desk.getByRole('button', { name: ja.relationships.findSubmit }).click();
  const results = desk.getByRole('list', { name: ja.relationships.results });
  await results.getByText(SUPPLIER).waitFor();
  assert((await results.getByRole('listitem').count()) === 1, 'the hidden organization is not listed');
  assert((await results.getByText('シンライ秘密工業').count()) === 0, 'hidden organization never shown');
  await results.getByText(`${ja.orgKinds.supplier}・${ja.prefectures['13']}`).waitFor();
  await shot(desk, '02-find-1440');
  await desk.getByRole('button', { name: `${SUPPLIER} に取引関係を申請` }).click();
  await desk
    .getByRole('cell', { name: new RegExp(SUPPLIER) })
    .first()
    .waitFor();

  begin('the supplier sees a badge and the waiting request (phone)');
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(label(ja.login.email)).fill(ADMIN.email);
  await phone.getByLabel(label(ja.login.password)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/orgs\/[^/]+\/overview$/);
  await phone.goto(`${base}/orgs/${supplier.id}/overview`);
  await phone.getByRole('button', { name: ja.nav.toggle }).click();
  const nav = phone.getByRole('navigation', { name: ja.nav.label });
  const badge = nav.getByTestId('nav-badge-relationships');
  await until('badge with one request', async () => (await badge.textContent().catch(() => '')) === '1');
  await phone.waitForTimeout(400); // navbar slide-in transition, for the screenshot only
  await ctx.shot(phone, '03-supplier-badge-390');
  await nav.getByRole('link', { name: new RegExp(ja.nav.relationships) }).click();
  await phone.getByTestId('relationships-pending').waitFor();
  assert(await noSideScroll(phone), 'relationships page has no sideways scrolling at 390 px');
  await shot(phone, '04-supplier-pending-390');
  await phone.getByRole('button', { name: `${BUYER.name} との関係を承認` }).click();
  await phone.getByText(ja.relationships.statuses.active).first().waitFor();
  await until(
    'pending notice gone',
    async () => (await phone.getByTestId('relationships-pending').count()) === 0,
  );
  await phone.getByRole('button', { name: ja.nav.toggle }).click();
  await until('badge gone', async () => (await badge.count()) === 0);

  begin('inviting a company not on Shinrai: no SMTP, so the link is shown');
  await desk.goto(`${base}/orgs/${buyerId}/relationships`);
  await desk.getByLabel(label(ja.relationships.inviteCompany)).fill(NEWCO.company);
  await desk.getByLabel(label(ja.relationships.inviteEmail)).fill(NEWCO.email);
  await desk.getByRole('button', { name: ja.relationships.inviteSubmit }).click();
  const notice = desk.getByTestId('invite-link');
  await notice.getByText(ja.invitations.unsent.not_configured.title).waitFor();
  const link = await notice.getByLabel(ja.invitations.unsent.link).inputValue();
  assert(link.startsWith(`${base}/org-invite/`), `invitation link shown (${link})`);
  await notice.getByRole('button', { name: ja.invitations.unsent.copy }).waitFor();
  await desk.getByText(ja.relationships.invitationStatuses.pending, { exact: true }).waitFor();
  await shot(desk, '05-invite-link-1440');

  begin('the invited company signs up through the link (phone, a new browser)');
  const newco = await newPage('newco', PHONE);
  await newco.goto(link);
  await newco.getByRole('heading', { name: ja.orgInvite.title }).waitFor();
  await newco.getByLabel(label(ja.setup.displayName)).fill('担当 花子');
  await newco.getByLabel(label(ja.setup.password)).fill('Shinki-Buhin-Passw0rd!');
  assert(
    (await newco.getByLabel(label(ja.orgFields.name)).inputValue()) === NEWCO.company,
    'the company name comes from the invitation',
  );
  await newco.getByLabel(label(ja.orgFields.slug)).fill('shinki-buhin');
  assert(await noSideScroll(newco), 'invitation page has no sideways scrolling at 390 px');
  await shot(newco, '06-org-invite-390');
  await newco.getByRole('button', { name: ja.orgInvite.submit }).click();
  await newco.waitForURL(/\/orgs\/[^/]+\/relationships$/);
  await newco.getByTestId('relationships-pending').waitFor();
  await newco.getByRole('button', { name: `${BUYER.name} との関係を承認` }).waitFor();
  await shot(newco, '07-newco-pending-390');
  await desk.reload();
  await desk.getByText(ja.relationships.invitationStatuses.accepted, { exact: true }).waitFor();
  await desk.getByText(ja.relationships.requestedByUs).first().waitFor();
  await shot(desk, '07b-invited-joined-1440');

  begin('a shared SME self-check shows its state, the declaration and the policy page');
  const catalogs = await apiCall(desk, 'GET', `${base}/api/orgs/${supplier.id}/catalogs`);
  const catalogId = catalogs.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check').id;
  const { assessment } = await apiCall(desk, 'POST', `${base}/api/orgs/${supplier.id}/assessments`, {
    catalogId,
    title: '自社診断 2026',
  });
  for (let i = 1; i <= 25; i++)
    await apiCall(desk, 'PUT', `${base}/api/orgs/${supplier.id}/assessments/${assessment.id}/answers/${i}`, {
      value: { kind: 'choice', value: i === 7 ? 'partial' : 'yes' },
      revision: 0,
    });
  await apiCall(desk, 'POST', `${base}/api/orgs/${supplier.id}/sme/declarations`, {
    level: 'star2',
    declarationId: '202611300001',
    declaredOn: '2026-11-30',
  });
  await apiCall(desk, 'PUT', `${base}/api/orgs/${supplier.id}/sme/policy`, {
    companyName: SUPPLIER,
    representativeTitle: '代表取締役',
    representativeName: '精密 太郎',
    scope: '当社の全ての事業所',
    contact: '総務部',
    establishedOn: '2026-11-25',
  });
  await apiCall(desk, 'POST', `${base}/api/orgs/${supplier.id}/sme/policy/publish`, { published: true });
  await apiCall(desk, 'POST', `${base}/api/orgs/${supplier.id}/shares`, {
    assessmentId: assessment.id,
    withOrgId: buyerId,
  });
  await desk.goto(`${base}/orgs/${buyerId}/shared`);
  await desk.getByRole('cell', { name: SUPPLIER }).waitFor();
  const state = desk.getByTestId('shared-sme-state');
  await until('completed state', async () => /に完了$/.test((await state.textContent()) ?? ''));
  assert((await desk.getByText('下書き').count()) === 0, 'no 「下書き」 for an SME self-check');
  await shot(desk, '08-shared-list-1440');
  await desk.getByRole('link', { name: ja.shared.open }).first().click();
  const card = desk.getByTestId('shared-sme');
  await card.getByText('SECURITY ACTION 二つ星を宣言').waitFor();
  await card.getByText(/宣言ID 202611300001/).waitFor();
  const policyHref = await card.getByRole('link', { name: ja.sme.shared.policy }).getAttribute('href');
  assert(policyHref === `${base}/p/${supplier.slug}/policy`, `policy link (${policyHref})`);
  await shot(desk, '09-shared-detail-1440');
  await phone.goto(desk.url());
  await phone.getByTestId('shared-sme').waitFor();
  assert(await noSideScroll(phone), 'shared result has no sideways scrolling at 390 px');
  await shot(phone, '10-shared-detail-390');

  begin('the audit log names the objects');
  await desk.goto(`${base}/orgs/${buyerId}/audit`);
  const objects = desk.getByTestId('audit-object');
  await objects.first().waitFor();
  const names = await objects.allTextContents();
  assert(names.includes(SUPPLIER), `relationship named by the supplier (${names.join(' | ')})`);
  assert(names.includes(NEWCO.company), 'the e-mail invitation named by the company');
  assert(names.includes(BUYER.name), 'the organization named');
  // Actions come from every module's labels (registered by the web module registry): none shows as a raw code.
  const cells = (await desk.locator('tbody td').allTextContents()).map((c) => c.trim());
  const raw = cells.filter((c) => /^[a-z_]+\.[a-z_.]+$/.test(c));
  assert(
    raw.length === 0 && cells.includes('共有の受信') && cells.includes('組織の作成'),
    `actions named (raw: ${raw.join(', ')})`,
  );
  await shot(desk, '11-audit-1440');
  await phone.goto(`${base}/orgs/${buyerId}/audit`);
  await phone.getByTestId('audit-object').first().waitFor();
  await shot(phone, '12-audit-390');
});
