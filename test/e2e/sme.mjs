// End-to-end test of the SME guided flow on a phone (390×844): first-run setup → the five rules →
// the 25-item self-check (taps and keyboard) → score and band → basic policy (fill, preview, PDF,
// publish, public page in a fresh context) → SECURITY ACTION ★★ and a recorded declaration; sharing the
// result with a buyer and the buyer's read-only view; then the executive (governance) flow on a desktop:
// answer the governance assessment, set targets, add an action, download the board report PDF.
// Screenshots of every step at 390 and 1440 px, in Japanese and English, go to test-results/e2e-sme/, with
// the board report PDF and its pages rendered as PNG (pdftoppm, where installed).
// Run `npm run build --workspace @shinrai/web` first, then `node test/e2e/sme.mjs`.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, assert, completeSetup, en, escapeRe, ja, label, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-sme');
const SETUP_CODE = 'e2e-sme-setup-2468';
const ADMIN = { email: 'shacho@example.co.jp', name: '山田 太郎', password: 'Yamada-Seimitsu-Passw0rd!' };
const ORG = { name: '山田精密工業', kind: 'supplier', industry: '金属加工' };
const BUYER = '信頼自動車';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
/** The app header's height: on a phone a toast must stay within it (over no page content). */
const HEADER = 60;

// Self-check answers by item (1 実施している, 2 一部実施している, 3 実施していない, 4 わからない):
// 21 × 4 + 2 × 2 + 1 × 0 + 1 × (−1) = 87 points → "70〜99点".
const CHECK = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 1]));
Object.assign(CHECK, { 4: 2, 11: 3, 19: 2, 23: 4 });
const POINTS = 87;

const noSideScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** Waits until no notification toast is shown (they cover controls near the bottom of a phone screen). */
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

/** Signs in through the login page (a second browser context of the same user). */
async function login(page, base) {
  await page.goto(`${base}/login`);
  await page.getByLabel(label(ja.login.email)).fill(ADMIN.email);
  await page.getByLabel(label(ja.login.password)).fill(ADMIN.password);
  await page.getByRole('button', { name: ja.login.submit }).click();
  await page.waitForURL(/\/orgs\/[^/]+\/overview$/);
}

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

await runScenario('e2e-sme', SHOTS, async (ctx) => {
  const { log, begin, startServer, launchBrowser, newPage } = ctx;
  /** A screenshot without notification toasts over the content. */
  const shot = async (page, file) => {
    await calm(page);
    await ctx.shot(page, file);
  };
  begin('starting the Shinrai server');
  const base = await startServer({ setupCode: SETUP_CODE });
  log(`server on ${base}`);
  await launchBrowser();
  const phone = await newPage('phone', { ...PHONE, acceptDownloads: true });

  // 1. First-run setup (the sign-up of this product) on the phone
  begin('first-run setup on a phone');
  const orgId = await completeSetup(phone, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: ORG,
    beforeSubmit: () => shot(phone, '01-setup-390'),
  });
  const orgBase = `${base}/orgs/${orgId}`;
  const summary = phone.getByRole('region', { name: ja.sme.summary.title });
  await summary.waitFor();
  await summary.getByText(ja.sme.summary.levelNone).waitFor();
  await shot(phone, '02-overview-390');

  begin('opening the guided flow from the navigation');
  await phone.getByRole('button', { name: ja.nav.toggle }).click();
  await phone.getByRole('link', { name: ja.nav.sme }).click();
  await phone.waitForURL(`${orgBase}/sme?step=rules`);
  await phone.getByRole('heading', { name: ja.sme.steps.rules, level: 2 }).waitFor();

  // 2. Step 1: the five rules
  begin('step 1: the five rules');
  const switches = phone.getByRole('switch', { name: ja.sme.rules.commit });
  await until('five switches', async () => (await switches.count()) === 5);
  await shot(phone, '03-rules-390');
  await calm(phone);
  for (let i = 0; i < 5; i++) {
    await switches.nth(i).click({ force: true });
    await until(`rule ${i + 1} on`, () => switches.nth(i).isChecked());
  }
  await phone.getByText(ja.sme.rules.count.replace('{{count}}', '5').replace('{{total}}', '5')).waitFor();
  await phone.getByText(ja.sme.rules.allTitle).waitFor();
  assert(await noSideScroll(phone), 'step 1 has no sideways scrolling at 390 px');
  await shot(phone, '04-rules-done-390');

  // 3. Step 2: the self-check, first by taps, then with the keyboard
  begin('step 2: the self-check');
  await phone.getByRole('button', { name: ja.sme.rules.toCheck }).click();
  await phone.waitForURL(`${orgBase}/sme?step=check`);
  const question = phone.getByTestId('check-question');
  await until('question 1', async () => (await question.getAttribute('data-ref')) === '1');
  const optionLabels = ['実施している', '一部実施している', '実施していない', 'わからない'];
  await question.getByRole('button', { name: ja.workspace.guidance }).click();
  await question.getByText('全てのパソコンとスマホで自動更新を有効にし').waitFor();
  await phone.waitForTimeout(400); // the hint's slide-down transition
  await shot(phone, '05-check-question-390');
  for (let n = 1; n <= 12; n++) {
    await until(`question ${n}`, async () => (await question.getAttribute('data-ref')) === String(n));
    await question.getByRole('button', { name: optionLabels[CHECK[n] - 1], exact: true }).click();
  }
  await until('question 13', async () => (await question.getAttribute('data-ref')) === '13');
  for (let n = 13; n <= 25; n++) {
    await until(`question ${n}`, async () => (await question.getAttribute('data-ref')) === String(n));
    await phone.keyboard.press(String(CHECK[n]));
  }
  const progress = phone.getByTestId('check-progress');
  await until('25 answered', async () => (await progress.textContent()) === '25 / 25 問に回答');
  await phone.getByText(ja.sme.check.doneTitle.replace('{{total}}', '25')).waitFor();
  // back one question with the keyboard, and see the chosen answer pressed
  await phone.keyboard.press('ArrowLeft');
  await until('question 24', async () => (await question.getAttribute('data-ref')) === '24');
  assert(
    (await question
      .getByRole('button', { name: '実施している', exact: true })
      .getAttribute('aria-pressed')) === 'true',
    'question 24 shows its answer',
  );
  assert(await noSideScroll(phone), 'step 2 has no sideways scrolling at 390 px');
  await shot(phone, '06-check-done-390');

  // 4. Step 3: score and band, items to fix first
  begin('step 3: the score');
  await phone.getByRole('button', { name: ja.sme.check.toScore }).click();
  await phone.waitForURL(`${orgBase}/sme?step=score`);
  await until('points', async () => (await phone.getByTestId('sme-points').textContent()) === String(POINTS));
  await phone.getByTestId('sme-band').getByText('70〜99点：おおむねできています').waitFor();
  const fixes = phone.getByRole('list', { name: ja.sme.score.fixTitle });
  await fixes.getByText(/^No\.23 /).waitFor();
  const firstFix = await fixes.getByRole('listitem').first().textContent();
  assert(firstFix.startsWith('No.23'), `"don't know" comes first: ${firstFix}`);
  await phone.getByText(ja.sme.share.noBuyers).waitFor();
  assert(await noSideScroll(phone), 'step 3 has no sideways scrolling at 390 px');
  await shot(phone, '07-score-390');

  // 5. Step 4: the basic policy
  begin('step 4: the basic policy');
  await phone
    .getByRole('button', { name: ja.sme.next.replace('{{name}}', ja.sme.stepsShort.policy) + ' →' })
    .click();
  await phone.waitForURL(`${orgBase}/sme?step=policy`);
  // Before the policy exists: wording that fits both layouts (the form is above the preview on a phone).
  await phone.getByText(ja.sme.policy.noPreview).waitFor();
  assert(!ja.sme.policy.noPreview.includes('左'), 'no "left" in the empty-preview text');
  const companyField = phone.getByLabel(label(ja.sme.policy.fields.companyName));
  await until('company name pre-filled', async () => (await companyField.inputValue()) === ORG.name);
  assert(
    (await phone.getByLabel(label(ja.sme.policy.fields.scope)).inputValue()) === ja.sme.policy.defaultScope,
    'scope has a default',
  );
  await phone.getByLabel(label(ja.sme.policy.fields.representativeName)).fill(ADMIN.name);
  await phone.getByLabel(label(ja.sme.policy.fields.contact)).fill('総務部 052-123-4567');
  await phone.getByLabel(label(ja.sme.policy.fields.establishedOn)).fill('2025-04-01');
  await phone.getByRole('button', { name: ja.sme.policy.create }).click();
  const preview = phone.getByTestId('policy-preview');
  await preview.getByRole('heading', { name: '情報セキュリティ基本方針' }).waitFor();
  await preview.getByText(`${ORG.name}（以下「当社」）`, { exact: false }).waitFor();
  await preview.getByText('制定日：2025年4月1日').waitFor();
  const pdf = await phone.request.get(`${base}/api/orgs/${orgId}/sme/policy.pdf?lang=ja`);
  assert(pdf.ok(), `policy PDF ${pdf.status()}`);
  assert((await pdf.body()).subarray(0, 4).toString('latin1') === '%PDF', 'policy PDF starts with %PDF');
  await calm(phone);
  await phone.getByRole('switch', { name: ja.sme.policy.publish }).click({ force: true });
  // Publishing asks first: the page becomes public with the company's name and contact.
  const confirmPublish = phone.getByRole('dialog', { name: ja.sme.policy.confirmPublishTitle });
  await confirmPublish.getByText(ja.sme.policy.confirmPublish).waitFor();
  assert(
    (await phone.getByTestId('policy-public-url').count()) === 0,
    'nothing is published before the confirmation',
  );
  await ctx.shot(phone, '08a-policy-confirm-390');
  await confirmPublish.getByRole('button', { name: ja.sme.policy.confirmPublishButton }).click();
  // The toast sits over the header bar, not over the page's controls.
  const toast = phone.locator('.mantine-Notification-root').filter({ hasText: ja.sme.policy.publishedNote });
  await toast.waitFor();
  const box = await toast.boundingBox();
  assert(box && box.y + box.height <= HEADER + 2, `toast within the header: ${JSON.stringify(box)}`);
  await ctx.shot(phone, '08b-policy-toast-390');
  const publicLink = phone.getByTestId('policy-public-url');
  await publicLink.waitFor();
  const publicUrl = await publicLink.getAttribute('href');
  assert(publicUrl === `${base}/p/${await orgSlug(phone, base, orgId)}/policy`, `public URL: ${publicUrl}`);
  assert((await publicLink.getAttribute('target')) === '_blank', 'public page opens in a new tab');
  assert(await noSideScroll(phone), 'step 4 has no sideways scrolling at 390 px');
  await shot(phone, '08-policy-390');

  begin('the public policy page in a fresh context');
  const visitor = await newPage('visitor', PHONE);
  const publicPage = await visitor.goto(publicUrl);
  assert(publicPage.status() === 200, `public page status ${publicPage.status()}`);
  await visitor.getByRole('heading', { name: '情報セキュリティ基本方針' }).waitFor();
  await visitor.getByText(ORG.name).first().waitFor();
  await shot(visitor, '09-public-policy-390');
  // In English the company's own entries stay as written, in Japanese, and the page says so.
  await visitor.goto(`${publicUrl}?lang=en`);
  await visitor.getByRole('heading', { name: 'Basic Information Security Policy' }).waitFor();
  await visitor.getByText('shown as the company wrote them, in Japanese').waitFor();
  await visitor.getByText(/This policy covers all of the Company's offices/).waitFor();
  await shot(visitor, '09b-public-policy-en-390');

  // 6. Step 5: SECURITY ACTION ★★ and a recorded declaration
  begin('step 5: SECURITY ACTION');
  await calm(phone);
  await phone.getByRole('button', { name: ja.sme.policy.toAction }).click();
  await phone.waitForURL(`${orgBase}/sme?step=action`);
  await until(
    '★★ eligible',
    async () => (await phone.getByTestId('sme-level').textContent()) === ja.sme.action.canStar2,
  );
  await phone.getByText(ja.sme.action.noteTitle).waitFor();
  await phone.getByText(ja.sme.action.note3).waitFor();
  for (const [name, href] of [
    [ja.sme.action.ipaLink, 'https://www.ipa.go.jp/security/security-action/'],
    [ja.sme.action.ipaNewsLink, 'https://www.ipa.go.jp/security/security-action/news/sa-notice-202602.html'],
    [ja.sme.action.subsidyLink, 'https://it-shien.smrj.go.jp/applicant/measures'],
  ])
    assert(
      (await phone.getByRole('link', { name: new RegExp(escapeRe(name)) }).getAttribute('href')) === href,
      `link ${name}`,
    );
  await phone.getByLabel(label(ja.sme.action.declarationId)).fill('12AB');
  await phone.getByRole('button', { name: ja.sme.action.record, exact: true }).click();
  await phone.getByText(ja.sme.action.badId).waitFor();
  await phone.getByLabel(label(ja.sme.action.declarationId)).fill('202504010123');
  await phone.getByLabel(label(ja.sme.action.declaredOn)).fill('2025-04-01');
  await phone.getByRole('button', { name: ja.sme.action.record, exact: true }).click();
  const declarations = phone.getByRole('list', { name: ja.sme.action.listLabel });
  await declarations.getByText('202504010123').waitFor();
  await declarations.getByText(ja.sme.levels.star2).waitFor();
  // Declared: the step says so, with the date and next year's review.
  const declaredTitle = ja.sme.action.declaredTitle.replace('{{level}}', `★★ ${ja.sme.levels.star2}`);
  await until(
    'declared headline',
    async () => (await phone.getByTestId('sme-level').textContent()) === declaredTitle,
  );
  await phone
    .getByTestId('sme-declared')
    .getByText(/2025年4月1日/)
    .waitFor();
  await phone
    .getByTestId('sme-declared')
    .getByText(/2026年4月1日ごろ/)
    .waitFor();
  assert(await noSideScroll(phone), 'step 5 has no sideways scrolling at 390 px');
  await shot(phone, '10-action-390');

  begin('overview summary');
  await phone.goto(`${orgBase}/overview`);
  await summary.getByText(ja.sme.summary.levelDeclared.replace('{{level}}', ja.sme.levels.star2)).waitFor();
  await summary.getByText(/宣言日：2025年4月1日/).waitFor();
  await summary.getByText(/次にやること：2026年4月1日ごろ/).waitFor();
  await summary.getByRole('link', { name: ja.sme.summary.review }).waitFor();
  await summary.getByText(`${POINTS}点`).waitFor();
  await shot(phone, '11-overview-done-390');

  // 7. English on the phone
  begin('English on the phone');
  await phone.goto(`${orgBase}/sme?step=check`);
  await phone.getByRole('radiogroup', { name: ja.language.label }).getByText(ja.language.en).click();
  await phone.getByRole('heading', { name: en.sme.steps.check, level: 2 }).waitFor();
  await shot(phone, '12-check-390-en');
  await phone.goto(`${orgBase}/sme?step=score`);
  await phone.getByTestId('sme-band').getByText('70–99 points: mostly in place').waitFor();
  await shot(phone, '13-score-390-en');
  await phone.goto(`${orgBase}/sme?step=action`);
  await phone
    .getByText(en.sme.action.declaredTitle.replace('{{level}}', `★★ ${en.sme.levels.star2}`))
    .waitFor();
  await phone.getByText(/Next: around Apr 1, 2026/).waitFor();
  await shot(phone, '14-action-390-en');
  await phone.getByRole('radiogroup', { name: en.language.label }).getByText(en.language.ja).click();
  await phone.getByText(declaredTitle).waitFor();

  // 8. The same flow on a desktop
  begin('desktop screenshots');
  const desk = await newPage('desktop', { ...DESKTOP, acceptDownloads: true });
  await login(desk, base);
  for (const [step, file] of [
    ['rules', '20-rules-1440'],
    ['check', '21-check-1440'],
    ['score', '22-score-1440'],
    ['policy', '23-policy-1440'],
    ['action', '24-action-1440'],
  ]) {
    await desk.goto(`${orgBase}/sme?step=${step}`);
    await desk.getByRole('heading', { name: ja.sme.steps[step], level: 2 }).waitFor();
    await desk.waitForLoadState('networkidle');
    await shot(desk, file);
  }
  await desk.getByRole('radiogroup', { name: ja.language.label }).getByText(ja.language.en).click();
  await desk.goto(`${orgBase}/sme?step=policy`);
  await desk
    .getByTestId('policy-preview')
    .getByRole('heading', { name: 'Basic Information Security Policy' })
    .waitFor();
  await shot(desk, '25-policy-1440-en');
  await desk.getByRole('radiogroup', { name: en.language.label }).getByText(en.language.ja).click();
  await desk
    .getByTestId('policy-preview')
    .getByRole('heading', { name: '情報セキュリティ基本方針' })
    .waitFor();

  // 9. Sharing the result with a buyer, and the buyer's read-only view
  begin('a buyer relationship');
  const { organization: buyer } = await apiCall(desk, 'POST', `${base}/api/orgs`, {
    name: BUYER,
    kind: 'enterprise',
  });
  const { relationship } = await apiCall(desk, 'POST', `${base}/api/orgs/${buyer.id}/relationships`, {
    counterpartSlug: await orgSlug(desk, base, orgId),
    type: 'buyer_supplier',
    side: 'from',
  });
  await apiCall(desk, 'POST', `${base}/api/orgs/${orgId}/relationships/${relationship.id}/accept`);

  begin('sharing the self-check with the buyer (phone)');
  await phone.goto(`${orgBase}/sme?step=score`);
  await phone.getByRole('combobox', { name: label(ja.sme.share.choose) }).selectOption({ label: BUYER });
  await phone.getByRole('button', { name: ja.sme.share.submit, exact: true }).click();
  const shareList = phone.getByRole('list', { name: ja.sme.share.listLabel });
  await shareList.getByText(BUYER).waitFor();
  await shareList.getByText(ja.sme.share.active).waitFor();
  await shot(phone, '15-shared-390');

  begin("the buyer's view");
  await desk.goto(`${base}/orgs/${buyer.id}/shared`);
  await desk.getByRole('heading', { name: ja.shared.title }).waitFor();
  await desk.getByRole('link', { name: ja.nav.shared }).waitFor();
  await desk.getByRole('cell', { name: ORG.name }).waitFor();
  await shot(desk, '30-shared-list-1440');
  await desk.getByRole('link', { name: ja.shared.open }).first().click();
  await desk.waitForURL(/\/shared\/[^/]+$/);
  await until(
    'shared score',
    async () => (await desk.getByTestId('shared-score').textContent()) === `${POINTS} / 100 点`,
  );
  await desk.getByRole('cell', { name: /パソコンやスマホのOS・ソフトを最新の状態にしていますか/ }).waitFor();
  await desk.getByText('70〜99点：おおむねできています').waitFor();
  await shot(desk, '31-shared-detail-1440');
  const buyerPhone = await newPage('buyer-phone', PHONE);
  await login(buyerPhone, base);
  await buyerPhone.goto(desk.url());
  await buyerPhone.getByTestId('shared-score').waitFor();
  assert(await noSideScroll(buyerPhone), 'shared result has no sideways scrolling at 390 px');
  await shot(buyerPhone, '32-shared-detail-390');

  begin('revoking the share');
  await phone.getByRole('button', { name: ja.sme.share.revoke }).click();
  await phone
    .getByRole('dialog', { name: ja.sme.share.revokeTitle })
    .getByRole('button', { name: ja.sme.share.revoke })
    .click();
  await shareList.getByText(/^取り消し済み/).waitFor();
  await desk.goto(`${base}/orgs/${buyer.id}/shared`);
  await desk.getByText(ja.shared.empty).waitFor();

  // 10. A micro business sees its journey and the essentials; the rest under その他 (module visibility)
  begin('a micro business menu on the phone');
  const { organization: micro } = await apiCall(desk, 'POST', `${base}/api/orgs`, {
    name: '山田商店',
    kind: 'supplier',
    size: 'micro',
  });
  await phone.goto(`${base}/orgs/${micro.id}/overview`);
  await phone.getByRole('heading', { name: ja.overview.title }).waitFor();
  await phone.getByRole('button', { name: ja.nav.toggle }).click();
  const nav = phone.getByRole('navigation', { name: ja.nav.label });
  await nav.getByRole('link', { name: ja.nav.sme }).waitFor();
  await nav.getByText(ja.nav.more, { exact: true }).waitFor();
  await phone.waitForTimeout(400); // navbar slide-in transition
  const shown = await nav
    .getByRole('link')
    .evaluateAll((links) => links.filter((l) => l.offsetParent !== null).length);
  assert(shown <= 8, `a micro business sees a short menu (${shown} links)`);
  assert(!(await nav.getByRole('link', { name: ja.nav.tokens }).isVisible()), 'API tokens are under その他');
  await ctx.shot(phone, '16-micro-nav-390');
  await nav.getByText(ja.nav.more, { exact: true }).click();
  await nav.getByRole('link', { name: ja.nav.tokens }).waitFor();
  await ctx.shot(phone, '17-micro-nav-more-390');

  await executiveFlow({ base, orgId, buyerId: buyer.id, desk, phone, begin, shot });
});

/** The organization's slug (for the public page's address). */
async function orgSlug(page, base, orgId) {
  const { organization } = await (await page.request.get(`${base}/api/orgs/${orgId}`)).json();
  return organization.slug;
}

/** Executive flow: governance assessment, targets, an action, the board report PDF. */
async function executiveFlow({ base, orgId, buyerId, desk, phone, begin, shot }) {
  const orgBase = `${base}/orgs/${orgId}`;

  // Last year's assessment, answered through the API (level 2 everywhere), so the radar has a "previous".
  begin('governance: last year (API)');
  const { items: catalogs } = await apiCall(desk, 'GET', `${base}/api/orgs/${orgId}/catalogs`);
  const governance = catalogs.find((c) => c.urn === 'urn:shinrai:catalog:meti-cyber-mgmt-guidelines');
  assert(governance, 'the governance catalog is built in');
  const { pack } = await apiCall(desk, 'GET', `${base}/api/orgs/${orgId}/catalogs/${governance.id}`);
  const refs = [];
  const walk = (nodes) => {
    for (const n of nodes) {
      if (n.answerModel) refs.push(n.ref);
      if (n.children) walk(n.children);
    }
  };
  walk(pack.nodes);
  const { assessment: lastYear } = await apiCall(desk, 'POST', `${base}/api/orgs/${orgId}/assessments`, {
    catalogId: governance.id,
    title: 'サイバーセキュリティ経営 2024年度',
  });
  for (const ref of refs)
    await apiCall(desk, 'PUT', `${base}/api/orgs/${orgId}/assessments/${lastYear.id}/answers/${ref}`, {
      value: { kind: 'maturity', level: 2 },
      revision: 0,
    });

  begin('governance: answering this year with the keyboard');
  await desk.goto(`${orgBase}/overview`);
  await desk.getByRole('link', { name: ja.nav.governance, exact: true }).click();
  await desk.getByRole('heading', { name: ja.governance.title }).waitFor();
  await desk.getByRole('button', { name: ja.governance.startAnother }).click();
  await desk.waitForURL(/\/assessments\/[^/]+$/);
  const item = (ref) => desk.locator(`[data-item-ref="${ref}"]`);
  await item(refs[0]).focus();
  for (let i = 0; i < refs.length; i++) {
    // levels 3 and 4 alternating by directive, 1 for the last two items
    const level = i >= refs.length - 2 ? 1 : refs[i].startsWith('D1-') || refs[i].startsWith('D2-') ? 4 : 3;
    await until(`item ${refs[i]} focused`, () =>
      item(refs[i]).evaluate((el) => el === document.activeElement),
    );
    await desk.keyboard.press(String(level));
    if (i < refs.length - 1) await desk.keyboard.press('j');
  }
  // The answering screen shows no internal ids ("principle-1") and no provenance notes or badges.
  await desk
    .getByText(/^原則1 /)
    .first()
    .waitFor();
  assert((await desk.getByText('principle-1').count()) === 0, 'no internal id on the answering screen');
  assert(
    (await desk.getByText(/Shinrai独自の設問/).count()) === 0,
    'no provenance note on the answering screen',
  );
  assert(
    (await desk.getByText(ja.provenance?.own ?? 'Shinrai独自', { exact: true }).count()) === 0,
    'no provenance badge',
  );
  const answered = ja.workspace.progress
    .replace('{{answered}}', String(refs.length))
    .replace('{{items}}', String(refs.length));
  await desk.getByText(answered).waitFor();
  await shot(desk, '39-governance-answering-1440');

  begin('governance: the results list labels answers as the answer screen does');
  await desk.goto(`${desk.url().replace(/\/$/, '')}/results`);
  const fixList = desk.getByRole('list', { name: ja.results.fixTitle });
  await fixList.getByText('1 場当たり的', { exact: true }).first().waitFor();
  assert((await fixList.getByText(/一部のみ/).count()) === 0, 'no "一部のみ（20%）" label');
  await shot(desk, '39b-governance-results-1440');

  begin('governance: dashboard');
  await desk.getByRole('link', { name: ja.nav.governance, exact: true }).click();
  await desk.getByRole('heading', { name: ja.governance.title }).waitFor();
  await desk.locator('[data-testid="governance-radar"] canvas').waitFor();
  await desk
    .getByTestId('peers-unavailable')
    // Computed at start and then daily: too few organizations, or not computed yet.
    .getByText(/10組織以上|まだ計算されていません/)
    .waitFor();
  const directives = desk.getByRole('table', { name: ja.governance.directivesTitle });
  await directives.getByRole('cell', { name: '4.0（80%）' }).first().waitFor();
  await directives.getByRole('cell', { name: '2.0（40%）' }).first().waitFor();

  begin('governance: targets');
  const editor = desk.getByTestId('targets-editor');
  const inputs = editor.getByRole('textbox');
  assert((await inputs.count()) === 10, 'ten target fields');
  for (let i = 0; i < 10; i++) await inputs.nth(i).fill(i < 2 ? '4.5' : '4');
  await editor.getByRole('button', { name: ja.governance.targets.save }).click();
  await desk.getByText(ja.governance.targets.saved).waitFor();
  await directives
    .getByRole('cell', { name: ja.governance.below.replace('{{points}}', '20') })
    .first()
    .waitFor();

  begin('governance: an action item');
  await desk.getByRole('button', { name: ja.governance.actions.add }).first().click();
  const dialog = desk.getByRole('dialog', { name: ja.governance.actions.newTitle });
  await dialog.getByRole('combobox', { name: label(ja.governance.actions.directive) }).click();
  await desk.getByRole('option', { name: /^指示3 / }).click();
  await dialog.getByLabel(label(ja.governance.actions.title)).fill('セキュリティ担当者を2名に増やす');
  await dialog.getByLabel(label(ja.governance.actions.due)).fill('2025-03-31');
  await dialog.getByLabel(label(ja.governance.actions.kpi)).fill('専任の担当者数');
  await dialog.getByLabel(label(ja.governance.actions.kpiCurrent)).fill('1');
  await dialog.getByLabel(label(ja.governance.actions.kpiTarget)).fill('2');
  await dialog.getByRole('button', { name: ja.governance.actions.add }).click();
  await dialog.waitFor({ state: 'hidden' });
  const actionsTable = desk.getByRole('table', { name: ja.governance.actions.heading });
  await actionsTable.getByText('セキュリティ担当者を2名に増やす').waitFor();
  await actionsTable.getByText(ja.governance.actions.overdue, { exact: true }).waitFor();
  await actionsTable.getByText(ADMIN.name).waitFor();
  await shot(desk, '40-governance-1440');

  begin('governance: editing the action');
  await actionsTable.getByRole('button', { name: ja.governance.actions.edit }).click();
  const edit = desk.getByRole('dialog', { name: ja.governance.actions.editTitle });
  await edit.getByRole('combobox', { name: label(ja.governance.actions.status) }).click();
  await desk.getByRole('option', { name: ja.governance.actions.statuses.in_progress, exact: true }).click();
  await edit.getByRole('button', { name: ja.common.save }).click();
  await edit.waitFor({ state: 'hidden' });
  await actionsTable.getByText(ja.governance.actions.statuses.in_progress, { exact: true }).waitFor();

  begin('governance: summary and commentary for the board report');
  const notes = desk.getByTestId('report-notes');
  await notes
    .getByLabel(label(ja.governance.report.summary))
    .fill('全体は62%。指示10（情報共有）が目標から最も遠く、来期の重点とします。');
  await notes
    .getByLabel(label(ja.governance.report.commentary))
    .fill('予算と人材（指示3）は担当者を2名に増やす計画で対応します。下書きのため数字は確定前です。');
  await notes.getByRole('button', { name: ja.governance.report.notesSave }).click();
  await desk.getByText(ja.governance.report.notesSaved).waitFor();
  await notes.getByText(/最終更新/).waitFor();
  // One rounding: the target editor's "now" matches the directive table (one decimal).
  await desk.getByTestId('targets-editor').getByText('今回：2.0').first().waitFor();
  await shot(desk, '40a-governance-report-notes-1440');

  begin('governance: board report');
  const pdfDownload = desk.waitForEvent('download');
  await desk.getByRole('link', { name: ja.governance.report.pdf }).click();
  const pdfFile = await pdfDownload;
  const pdfBytes = await readFile(await pdfFile.path());
  assert(pdfBytes.subarray(0, 4).toString('latin1') === '%PDF', 'board report PDF starts with %PDF');
  await writeFile(path.join(SHOTS, 'board-report.pdf'), pdfBytes);
  if (spawnSync('pdftoppm', ['-v']).status === 0) {
    spawnSync('pdftoppm', [
      '-r',
      '70',
      '-png',
      path.join(SHOTS, 'board-report.pdf'),
      path.join(SHOTS, '45-board-report'),
    ]);
    const text = spawnSync('pdftotext', ['-layout', path.join(SHOTS, 'board-report.pdf'), '-'], {
      encoding: 'utf8',
    }).stdout;
    for (const s of [
      'エグゼクティブサマリー',
      'CISOのコメント',
      '指示10（情報共有）が目標から最も遠く',
      '下書き — DRAFT',
      'ページ 1 /',
    ])
      assert(text.includes(s), `board report PDF has "${s}"`);
  }
  const xlsxDownload = desk.waitForEvent('download');
  await desk.getByRole('link', { name: ja.governance.report.xlsx }).click();
  const xlsxBytes = await readFile(await (await xlsxDownload).path());
  assert(xlsxBytes.subarray(0, 2).toString('latin1') === 'PK', 'board report .xlsx is a zip');

  begin('governance: English and the phone');
  await desk.getByRole('radiogroup', { name: ja.language.label }).getByText(ja.language.en).click();
  await desk.getByRole('heading', { name: en.governance.title }).waitFor();
  await desk.waitForTimeout(500);
  await shot(desk, '41-governance-1440-en');
  await desk.getByRole('radiogroup', { name: en.language.label }).getByText(en.language.ja).click();
  await phone.goto(`${orgBase}/governance`);
  await phone.locator('[data-testid="governance-radar"] canvas').waitFor();
  await phone.waitForTimeout(500);
  assert(await noSideScroll(phone), 'governance has no sideways scrolling at 390 px');
  await shot(phone, '42-governance-390');

  // The buyer organization as the parent company: last year's (approved) assessment in the group table.
  begin('governance: group comparison');
  for (const to of ['in_review', 'approved'])
    await apiCall(desk, 'POST', `${base}/api/orgs/${orgId}/assessments/${lastYear.id}/status`, { to });
  const { relationship: group } = await apiCall(desk, 'POST', `${base}/api/orgs/${buyerId}/relationships`, {
    counterpartSlug: await orgSlug(desk, base, orgId),
    type: 'group_company',
    side: 'from',
  });
  await apiCall(desk, 'POST', `${base}/api/orgs/${orgId}/relationships/${group.id}/accept`);
  await desk.goto(`${base}/orgs/${buyerId}/governance`);
  const groupTable = desk.getByRole('table', { name: ja.governance.group.title });
  const row = groupTable.getByRole('row').filter({ hasText: ORG.name });
  await row.getByRole('cell', { name: '40%' }).first().waitFor();
  await desk.getByText(ja.governance.noneTitle).waitFor();
  await shot(desk, '43-governance-group-1440');

  // Provenance stays in the catalog view: the node's source note (directive 9's confirmed Ver3.0 title).
  begin('governance: provenance notes in the catalog view');
  await desk.goto(`${orgBase}/catalogs/${governance.id}`);
  await desk.getByPlaceholder(ja.catalogs.searchPlaceholder).fill('指示9');
  await desk
    .getByText(/指示9 取引先・委託先を含むサプライチェーン全体/)
    .first()
    .click();
  await desk
    .getByTestId('node-note')
    .getByText(/Practice236/)
    .waitFor();
  await shot(desk, '46-catalog-note-1440');
}
