// The supplier's inbox and "answer once" in Chromium: buyers A and B both send campaigns of the same
// catalog (the SME self-check) to the same supplier organization on Shinrai (linked in their registries
// through agreed relationships); a member of the supplier answers A's request from its own account on a
// phone (390 px), then reuses those answers for B's with one confirmation; buyer B sees the answers marked
// as reused (never A's name); buyer A never reaches B's request. The owner of S records its ★3 result; the
// member shows it on A's request after previewing what A will see; A sees it on the request and as the
// supplier-attested ★ in its registry; the owner corrects the result's validity on a phone and A sees the
// corrected date with 修正日; B sees nothing of it. Screenshots at 390 and 1440 px go to
// test-results/e2e-supplychain-inbox/. Run `npm run build` first.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { assert, completeSetup, ja, ROOT, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-supplychain-inbox');
const SETUP_CODE = 'inbox-setup-2468';
const ADMIN = { email: 'kobai@a-kikai.example.jp', name: '購買 一郎', password: 'A-Kikai-Passw0rd!' };
const MEMBER = { email: 'tanto@s-buhin.example.jp', name: '江洲 花子', password: 'S-Buhin-Passw0rd!' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const strings = async (file) =>
  JSON.parse(await readFile(path.join(ROOT, 'packages/web/src/modules/supplychain', file), 'utf8'));
const C = await strings('campaigns/i18n/ja.json');
const I = await strings('inbox/i18n/ja.json');
const R = await strings('i18n/ja.json');
const day = (offset) => new Date(Date.now() + offset * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
/** The same day as the Japanese UI spells it (2027年9月29日). */
const jaDay = (offset) => {
  const [y, m, d] = day(offset).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** A JSON API call in the page's session (cookies), with the CSRF token for changes. */
async function apiCall(page, method, url, body, expect) {
  const me = await (await page.request.get(url.replace(/\/api\/.*/, '/api/me'))).json();
  const response = await page.request.fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
    data: body === undefined ? (method === 'GET' ? undefined : {}) : body,
  });
  if (expect !== undefined) {
    assert(response.status() === expect, `${method} ${url} → ${response.status()}, want ${expect}`);
    return null;
  }
  assert(response.ok(), `${method} ${url} → ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? null : response.json();
}

/** Waits for the save of one answer from the inbox (PUT …/inbox/…/answers/…) after `act`. */
async function saved(page, act) {
  const done = page.waitForResponse(
    (r) =>
      r.url().includes('/supplychain/inbox/') &&
      r.url().includes('/answers/') &&
      r.request().method() === 'PUT',
  );
  await act();
  const res = await done;
  assert(res.status() === 204, `answer saved: ${res.status()}`);
}

/** What the screen shows at once (a page of 25 items is too tall to look at whole). */
async function viewport(page, file) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${file}.png`) });
}

await runScenario('supplychain-inbox', SHOTS, async (ctx) => {
  const { begin, shot, mails, startSmtp, startServer, launchBrowser, newPage } = ctx;
  const smtpPort = await startSmtp();
  const base = await startServer({ smtpPort, setupCode: SETUP_CODE });
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);
  begin('setup: buyer A');
  const orgA = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: 'エー機械株式会社', kind: 'enterprise', size: 'large' },
  });

  begin('buyer B and the supplier S on Shinrai, with agreed relationships');
  const { organization: orgB } = await apiCall(desk, 'POST', `${base}/api/orgs`, {
    name: 'ビー工業株式会社',
    kind: 'enterprise',
  });
  const { organization: orgS } = await apiCall(desk, 'POST', `${base}/api/orgs`, {
    name: 'エス部品株式会社',
    kind: 'supplier',
    size: 'small',
  });
  begin('before any buyer has sent a request, the inbox says what brings one');
  await desk.goto(`${base}/orgs/${orgS.id}/inbox`);
  await desk.getByText(I.list.empty).waitFor();

  const { organization: a } = await apiCall(desk, 'GET', `${base}/api/orgs/${orgA}`);
  const requests = {};
  const supplierIds = {};
  for (const [buyerId, slug, title] of [
    [orgA, a.slug, '2027年度 エー機械 取引先確認'],
    [orgB.id, orgB.slug, 'ビー工業 2027 調査'],
  ]) {
    const { relationship } = await apiCall(desk, 'POST', `${base}/api/orgs/${orgS.id}/relationships`, {
      counterpartSlug: slug,
      type: 'buyer_supplier',
      side: 'to',
    });
    await apiCall(desk, 'POST', `${base}/api/orgs/${buyerId}/relationships/${relationship.id}/accept`);
    const { supplier } = await apiCall(desk, 'POST', `${base}/api/orgs/${buyerId}/suppliers`, {
      name: 'エス部品株式会社',
      linkedOrgId: orgS.id,
      criticality: 'high',
      contacts: [{ name: '江洲 一郎', email: 'ichiro@s-buhin.example.jp' }],
    });
    const { items: catalogs } = await apiCall(desk, 'GET', `${base}/api/orgs/${buyerId}/catalogs`);
    const catalogId = catalogs.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check').id;
    const sent = await apiCall(desk, 'POST', `${base}/api/orgs/${buyerId}/supplychain/campaigns`, {
      title,
      catalogId,
      deadline: day(21),
      supplierIds: [supplier.id],
    });
    const detail = await apiCall(desk, 'GET', `${base}/api/orgs/${buyerId}/supplychain/campaigns/${sent.id}`);
    requests[buyerId] = detail.requests[0].id;
    supplierIds[buyerId] = supplier.id;
    // Both buyers require ★3 of S (the scheme's three questions all answered no).
    await apiCall(desk, 'POST', `${base}/api/orgs/${buyerId}/suppliers/${supplier.id}/star`, {
      answers: { importantInfo: false, outageDelay: false, networkReach: false },
    });
  }

  begin('a member of the supplier joins by invitation');
  await apiCall(desk, 'POST', `${base}/api/orgs/${orgS.id}/invitations`, {
    email: MEMBER.email,
    role: 'member',
  });
  await until('invitation mail', async () => mails.some((m) => m.to?.text?.includes(MEMBER.email)));
  const token = mails
    .filter((m) => m.to?.text?.includes(MEMBER.email))
    .at(-1)
    .text.match(/\/invite\/([\w-]+)/)[1];
  const phone = await newPage('supplier', PHONE);
  await phone.goto(`${base}/`);
  const accepted = await phone.request.post(`${base}/api/invitations/${token}/accept`, {
    data: { displayName: MEMBER.name, password: MEMBER.password },
  });
  assert(accepted.ok(), `invitation accepted: ${accepted.status()}`);

  begin('the supplier sees both buyers in its inbox, with the open-request badge');
  await phone.goto(`${base}/orgs/${orgS.id}/inbox`);
  await phone.getByRole('heading', { name: I.list.title }).waitFor();
  await phone.getByRole('link', { name: '2027年度 エー機械 取引先確認' }).waitFor();
  await phone.getByRole('link', { name: 'ビー工業 2027 調査' }).waitFor();
  await phone.getByText(I.list.open.replace('{{count}}', '2')).waitFor();
  await shot(phone, 'inbox-390');
  const deskS = await newPage('supplier-desk', DESKTOP);
  await deskS.request.post(`${base}/api/auth/login`, {
    data: { email: MEMBER.email, password: MEMBER.password },
  });
  await deskS.goto(`${base}/orgs/${orgS.id}/inbox`);
  const navbar = deskS.getByRole('navigation', { name: ja.nav.label });
  await until('badge with 2 open requests', async () =>
    (await navbar.getByRole('link', { name: /回答依頼（受信）/ }).innerText()).includes('2'),
  );
  await deskS.getByRole('link', { name: 'ビー工業 2027 調査' }).waitFor();
  await shot(deskS, 'inbox-1440');

  begin(
    'the owner of S records its ★3 result (with evidence) on the inbox page; an expired ★4 is kept but marked',
  );
  await desk.goto(`${base}/orgs/${orgS.id}/inbox`);
  await desk.getByRole('heading', { name: I.star.ownTitle }).waitFor();
  await desk.getByText(I.star.ownEmpty).waitFor();
  await desk.getByRole('button', { name: I.star.add }).click();
  const starForm = desk.getByRole('dialog', { name: I.star.formTitle });
  await starForm.waitFor();
  // Refused before it is sent: the validity end is required (never computed).
  await starForm.getByRole('button', { name: I.star.save }).click();
  await starForm.getByText(I.star.required).first().waitFor();
  await starForm.getByLabel(I.star.obtainedOn).fill(day(-20));
  await starForm.getByLabel(I.star.validUntil).fill(day(345));
  await starForm.getByLabel(I.star.registrationNo).fill('S-2027-0042');
  await starForm.locator('input[type=file]').setInputFiles({
    name: 'star3-result.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await desk.screenshot({ path: path.join(SHOTS, 'star-form-1440.png') });
  const recorded = desk.waitForResponse(
    (r) => r.url().endsWith('/supplychain/star-results') && r.request().method() === 'POST',
  );
  await starForm.getByRole('button', { name: I.star.save }).click();
  assert((await recorded).status() === 201, '★3 recorded');
  await starForm.waitFor({ state: 'hidden' });
  await apiCall(desk, 'POST', `${base}/api/orgs/${orgS.id}/supplychain/star-results`, {
    level: 4,
    kind: 'third_party',
    obtainedOn: day(-400),
    validUntil: day(-1),
    bodyName: '旧評価機関',
  });
  await desk.reload();
  await desk.getByText('S-2027-0042').waitFor();
  await desk.getByText(I.star.expiredNotOffered).waitFor();
  await desk.getByText(/SHA-256 [0-9a-f]{64}/).waitFor();
  await shot(desk, 'star-results-1440');

  begin("the member shows the ★3 result on A's request after previewing what A will see (phone)");
  await phone.goto(`${base}/orgs/${orgS.id}/inbox/${requests[orgA]}`);
  const offerCard = phone.getByRole('alert').filter({ hasText: I.star.offerTitle });
  await offerCard.getByText(I.star.preview).waitFor();
  await offerCard.getByText('S-2027-0042').waitFor();
  assert(!(await offerCard.innerText()).includes('旧評価機関'), 'the expired ★4 is not offered');
  const showStar = offerCard.getByRole('button', { name: I.star.attach });
  assert(await showStar.isDisabled(), 'nothing is shown before agreeing');
  await offerCard.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(SHOTS, 'star-offer-390.png') });
  await offerCard.getByLabel(I.star.confirm).check();
  const starShown = phone.waitForResponse(
    (r) => r.url().endsWith('/star-result') && r.request().method() === 'POST',
  );
  await showStar.click();
  assert((await starShown).status() === 200, '★ result shown');
  const shownCard = phone.getByRole('alert').filter({ hasText: I.star.attachedTitle });
  await shownCard.waitFor();
  await shownCard.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(SHOTS, 'star-shown-390.png') });

  begin('buyer A sees the ★ result on the request and as the attested ★ in its registry');
  await desk.goto(`${base}/orgs/${orgA}/campaigns/requests/${requests[orgA]}`);
  const starReview = desk.locator(`[aria-label="${I.star.reviewTitle}"]`);
  await starReview.getByText('S-2027-0042').waitFor();
  await starReview.getByText(I.star.fromSupplier).waitFor();
  await starReview.getByRole('link', { name: 'star3-result.pdf' }).waitFor();
  await viewport(desk, 'review-a-star-1440');
  await desk.goto(`${base}/orgs/${orgA}/suppliers/${supplierIds[orgA]}`);
  await desk.getByText(R.supplychain.starAttested.badge).first().waitFor();
  await desk.getByText(/提示元: 取引先/).waitFor();
  await desk.getByText(R.supplychain.starMet, { exact: true }).first().waitFor();
  await viewport(desk, 'registry-a-star-1440');
  const phoneA = await newPage('buyer-a-phone', PHONE);
  await phoneA.request.post(`${base}/api/auth/login`, {
    data: { email: ADMIN.email, password: ADMIN.password },
  });
  await phoneA.goto(`${base}/orgs/${orgA}/suppliers/${supplierIds[orgA]}`);
  await phoneA.getByText(/提示元: 取引先/).waitFor();
  await viewport(phoneA, 'registry-a-star-390');
  await phoneA.goto(`${base}/orgs/${orgA}/campaigns/requests/${requests[orgA]}`);
  await phoneA.locator(`[aria-label="${I.star.reviewTitle}"]`).getByText('S-2027-0042').waitFor();
  await viewport(phoneA, 'review-a-star-390');

  begin("the owner of S corrects the ★3 result's validity on a phone; A sees the corrected date and 修正日");
  await phoneA.goto(`${base}/orgs/${orgS.id}/inbox`);
  const ownCard = phoneA.locator('.mantine-Card-root').filter({ hasText: 'S-2027-0042' }).last();
  await ownCard.getByRole('button', { name: I.star.edit }).click();
  const editForm = phoneA.getByRole('dialog', { name: I.star.editTitle });
  await editForm.waitFor();
  await editForm.getByText(I.star.editHelp).waitFor();
  await editForm.getByLabel(I.star.validUntil).fill(day(300));
  await phoneA.screenshot({ path: path.join(SHOTS, 'star-edit-390.png') });
  const corrected = phoneA.waitForResponse(
    (r) => /\/supplychain\/star-results\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PUT',
  );
  await editForm.getByRole('button', { name: I.star.editSave }).click();
  assert((await corrected).status() === 200, '★3 corrected');
  await editForm.waitFor({ state: 'hidden' });
  await ownCard.getByText(jaDay(300)).waitFor();
  await ownCard.scrollIntoViewIfNeeded();
  await phoneA.screenshot({ path: path.join(SHOTS, 'star-edited-390.png') });
  await phoneA.goto(`${base}/orgs/${orgA}/campaigns/requests/${requests[orgA]}`);
  const correctedReview = phoneA.locator(`[aria-label="${I.star.reviewTitle}"]`);
  await correctedReview.getByText(jaDay(300)).waitFor();
  await correctedReview.getByText(I.star.correctedOn).waitFor();
  await correctedReview.scrollIntoViewIfNeeded();
  await phoneA.screenshot({ path: path.join(SHOTS, 'review-a-corrected-390.png') });
  const auditA = await apiCall(desk, 'GET', `${base}/api/orgs/${orgA}/audit?limit=20`);
  assert(
    auditA.items.some((e) => e.action === 'respond.star_result_correct'),
    "the correction is in A's log",
  );

  begin('buyer B, another buyer of S, sees nothing of it');
  const reviewB = await apiCall(
    desk,
    'GET',
    `${base}/api/orgs/${orgB.id}/supplychain/requests/${requests[orgB.id]}`,
  );
  assert(reviewB.starResult === null, 'no ★ result on B’s request');
  const registryB = await apiCall(
    desk,
    'GET',
    `${base}/api/orgs/${orgB.id}/suppliers/${supplierIds[orgB.id]}`,
  );
  assert(
    registryB.supplier.starAttested === null && registryB.supplier.starMet === false,
    'B registry untouched',
  );
  await desk.goto(`${base}/orgs/${orgB.id}/suppliers/${supplierIds[orgB.id]}`);
  await desk.getByText(R.supplychain.starNotMet, { exact: true }).first().waitFor();
  assert((await desk.getByText(R.supplychain.starAttested.badge).count()) === 0, 'no attested ★ for B');
  await viewport(desk, 'registry-b-1440');
  await phone.goto(`${base}/orgs/${orgS.id}/inbox`);
  // Members read the organization's ★ results (only owners and administrators record them).
  await phone.getByText('S-2027-0042').waitFor();
  assert((await phone.getByRole('button', { name: I.star.add }).count()) === 0, 'a member does not record');
  await shot(phone, 'star-results-390');

  begin("the supplier answers A's request from its account (phone)");
  await phone.getByRole('link', { name: '2027年度 エー機械 取引先確認' }).click();
  await phone.getByRole('heading', { name: '2027年度 エー機械 取引先確認' }).waitFor();
  const cards = phone.locator('section');
  await until('25 items', async () => (await cards.count()) === 25);
  assert((await phone.getByRole('button', { name: I.reuse.open }).count()) === 0, 'nothing to reuse yet');
  await viewport(phone, 'request-a-390');
  await viewport(phone, 'request-a-390');

  begin(
    'the member forwards the request to a colleague (phone) and one item (desktop); each is mailed the inbox link',
  );
  const inboxA = `/orgs/${orgS.id}/inbox/${requests[orgA]}`;
  const forwardTo = async (page, open, file) => {
    await open();
    const dialog = page.getByRole('dialog', { name: I.forward.title });
    await dialog.waitFor();
    await dialog.getByLabel(I.forward.colleague).click();
    await page.getByRole('option', { name: new RegExp(ADMIN.name) }).click();
    await dialog.getByLabel(I.forward.note).fill('ご確認をお願いします');
    await page.screenshot({ path: path.join(SHOTS, `${file}.png`) });
    const sent = page.waitForResponse((r) => r.url().endsWith('/forward'));
    await dialog.getByRole('button', { name: I.forward.send }).click();
    assert((await sent).status() === 202, 'forwarded');
    await dialog.waitFor({ state: 'hidden' });
  };
  const forwardMails = () =>
    mails.filter(
      (m) => m.to?.text?.includes(ADMIN.email) && m.text?.includes(inboxA) && m.text.includes(MEMBER.name),
    );
  await forwardTo(
    phone,
    () => phone.getByRole('button', { name: I.forward.open, exact: true }).click(),
    'forward-390',
  );
  await until('forward mail to the colleague', async () => forwardMails().length === 1);
  await deskS.goto(`${base}${inboxA}`);
  await deskS.locator('section').first().waitFor();
  await forwardTo(
    deskS,
    () => deskS.locator('section').nth(2).getByRole('button', { name: C.respond.forwardItem }).click(),
    'forward-item-1440',
  );
  await until('item forward mail', async () => forwardMails().some((m) => m.text.includes('設問「3 ')));
  for (let i = 0; i < 25; i++)
    await saved(phone, () => cards.nth(i).getByRole('radio', { name: '実施している', exact: true }).check());
  // Evidence on item 2 (through the same API the card's file button calls): it comes along on reuse.
  const me = await (await phone.request.get(`${base}/api/me`)).json();
  const uploaded = await phone.request.post(
    `${base}/api/orgs/${orgS.id}/supplychain/inbox/${requests[orgA]}/evidence`,
    {
      headers: { 'x-csrf-token': me.csrfToken },
      multipart: {
        ref: '2',
        file: {
          name: 'policy.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
        },
      },
    },
  );
  assert(uploaded.status() === 201, `evidence: ${uploaded.status()}`);
  const submitted = phone.waitForResponse((r) => r.url().endsWith('/submit'));
  await phone.getByRole('button', { name: I.request.submit }).click();
  assert((await submitted).status() === 204, 'submitted');
  await phone.getByText(C.respond.submittedState).waitFor();

  begin("B's request offers A's answers; the supplier reuses them with one confirmation");
  await phone.goto(`${base}/orgs/${orgS.id}/inbox/${requests[orgB.id]}`);
  await phone.getByRole('heading', { name: 'ビー工業 2027 調査' }).waitFor();

  begin('the supplier attaches its SECURITY ACTION declaration after agreeing');
  await apiCall(desk, 'POST', `${base}/api/orgs/${orgS.id}/sme/declarations`, {
    level: 'star2',
    declarationId: '12345678901',
    declaredOn: day(-30),
  });
  await phone.reload();
  const attach = phone.getByRole('button', { name: I.declaration.attach });
  await attach.waitFor();
  assert(await attach.isDisabled(), 'nothing is attached before agreeing');
  await phone.getByLabel(I.declaration.confirm).check();
  await attach.click();
  // The declaration date is spelled in the UI language (2026年11月3日), never as 2026-11-03.
  await phone.getByText(/の宣言を添付済み（\d{4}年\d{1,2}月\d{1,2}日）/).waitFor();
  await phone.getByRole('button', { name: I.reuse.open }).click();
  const dialog = phone.getByRole('dialog', { name: I.reuse.title });
  await dialog.getByText(/エー機械株式会社/).waitFor();
  await dialog.getByText(I.reuse.items.replace('{{count}}', '25')).waitFor();
  await dialog.getByText(I.reuse.evidence.replace('{{count}}', '1')).waitFor();
  await phone.screenshot({ path: path.join(SHOTS, 'reuse-dialog-390.png') });
  const apply = dialog.getByRole('button', { name: I.reuse.apply });
  assert(await apply.isDisabled(), 'nothing is copied before the confirmation');
  await dialog.getByLabel(I.reuse.confirm).check();
  const reused = phone.waitForResponse((r) => r.url().endsWith('/reuse') && r.request().method() === 'POST');
  await apply.click();
  assert((await reused).status() === 200, 'reused');
  await dialog.waitFor({ state: 'hidden' });
  await until('every item marked', async () => (await phone.getByText(/前回の回答を使用/).count()) === 25);
  await viewport(phone, 'request-b-reused-390');
  const submittedB = phone.waitForResponse((r) => r.url().endsWith('/submit'));
  await phone.getByRole('button', { name: I.request.submit }).click();
  assert((await submittedB).status() === 204, 'B submitted');

  begin('buyer B sees the answers marked as reused, without A’s name');
  await desk.goto(`${base}/orgs/${orgB.id}/campaigns/requests/${requests[orgB.id]}`);
  await until(
    '25 items marked as reused for B',
    async () =>
      (await desk.getByText(/別の質問票への回答を再利用（\d{4}年\d{1,2}月\d{1,2}日）/).count()) === 25,
  );
  assert(!(await desk.locator('main').innerText()).includes('エー機械'), "B never sees A's name");
  assert((await desk.getByText(I.star.reviewTitle).count()) === 0, 'B never sees the ★ result shown to A');
  await viewport(desk, 'review-b-reused-1440');

  begin("buyer A never reaches B's request");
  await apiCall(
    desk,
    'GET',
    `${base}/api/orgs/${orgA}/supplychain/requests/${requests[orgB.id]}`,
    undefined,
    404,
  );
  const reviewA = await apiCall(
    desk,
    'GET',
    `${base}/api/orgs/${orgA}/supplychain/requests/${requests[orgA]}`,
  );
  assert(
    reviewA.items.every((i) => i.reusedFrom === null),
    "A's own answers are not marked",
  );
  await until('inbox without open requests', async () => {
    const box = await apiCall(deskS, 'GET', `${base}/api/orgs/${orgS.id}/supplychain/inbox`);
    return box.open === 0;
  });

  begin("buyer B sends one item back: the supplier's owner is mailed the inbox link; the inbox shows it");
  const note = '規程の写しを添付してください';
  await apiCall(
    desk,
    'POST',
    `${base}/api/orgs/${orgB.id}/supplychain/requests/${requests[orgB.id]}/items/5/return`,
    { note },
  );
  const inboxPath = `/orgs/${orgS.id}/inbox/${requests[orgB.id]}`;
  // S's owner (here the administrator who created it) gets the mail; the member who answered is a member only.
  await until('clarification mail to the owner of S', async () =>
    mails.some((m) => m.to?.text?.includes(ADMIN.email) && m.text?.includes(inboxPath)),
  );
  const told = mails.find((m) => m.to?.text?.includes(ADMIN.email) && m.text?.includes(inboxPath));
  assert(told.subject.includes('ビー工業株式会社') && told.text.includes(note), 'mail names buyer and note');
  await deskS.goto(`${base}/orgs/${orgS.id}/inbox`);
  await deskS.getByText(I.list.clarify.replace('{{count}}', '1')).waitFor();
  await shot(deskS, 'inbox-clarify-1440');
  await phone.goto(`${base}${inboxPath}`);
  const returned = phone.locator('section').filter({ hasText: note });
  await returned.waitFor();
  await returned.getByText(C.respond.returned).first().waitFor();
  await returned.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(SHOTS, 'request-b-clarify-390.png') });
  await saved(phone, () => returned.getByRole('radio', { name: '一部実施している', exact: true }).check());
  const resubmitted = phone.waitForResponse((r) => r.url().endsWith('/submit'));
  await phone.getByRole('button', { name: I.request.resubmit }).click();
  assert((await resubmitted).status() === 204, 'B resubmitted');
  await until('inbox without open requests again', async () => {
    const box = await apiCall(deskS, 'GET', `${base}/api/orgs/${orgS.id}/supplychain/inbox`);
    return box.open === 0;
  });
});
