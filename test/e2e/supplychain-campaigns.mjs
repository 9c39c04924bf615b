// Questionnaire campaigns in Chromium: the buyer sends a campaign to three suppliers with its mails in
// Japanese only (the form's mail language); the SMTP server of the test receives the mails (invitation,
// forward and send-back checked to carry no English part); a supplier opens its link on a phone (390 px), answers, forwards one item to a
// colleague (who answers it and attaches evidence), attaches evidence, submits; the buyer sends one item
// back, the supplier answers it, the buyer accepts and the coverage (状況把握率) changes; then a catalog with a
// date and a file question (imported from CSV) is answered on a phone. Screenshots at 1440 px and 390 px.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assert, completeSetup, ja, ROOT, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-supplychain-campaigns');
const SETUP_CODE = 'campaigns-setup-1357';
const ADMIN = {
  email: 'buyer@shinrai-seiki.example.jp',
  name: '山田 太郎',
  password: 'Yamada-Taro-Passw0rd!',
};
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const C = JSON.parse(
  await readFile(path.join(ROOT, 'packages/web/src/modules/supplychain/campaigns/i18n/ja.json'), 'utf8'),
);
const S = JSON.parse(
  await readFile(path.join(ROOT, 'packages/web/src/modules/supplychain/i18n/ja.json'), 'utf8'),
).supplychain;
const LINK = /(http:\/\/[^\s]+\/respond\/#r1_[A-Za-z0-9_-]+)/;
const day = (offset) => new Date(Date.now() + offset * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
/** A YYYY-MM-DD date as the Japanese UI spells it under a date field (2026年9月15日). */
const spelled = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
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

/** Waits for the autosave of one answer (PUT /api/respond/answers/…) after `act`. */
async function saved(page, act) {
  const done = page.waitForResponse(
    (r) => r.url().includes('/api/respond/answers/') && r.request().method() === 'PUT',
  );
  const reloaded = page.waitForResponse(
    (r) => r.url().endsWith('/api/respond/questionnaire') && r.request().method() === 'GET',
  );
  try {
    await act();
  } catch (error) {
    done.catch(() => undefined);
    reloaded.catch(() => undefined);
    throw error;
  }
  const res = await done;
  assert(res.status() === 204, `answer saved: ${res.status()}`);
  await reloaded;
}

/** What a phone shows at once (the full page of 25 items is too tall to look at). */
async function viewport(page, file, locator) {
  if (locator) await locator.scrollIntoViewIfNeeded();
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${file}.png`) });
}

await runScenario('supplychain-campaigns', SHOTS, async (ctx) => {
  const { begin, shot, mails, startSmtp, startServer, launchBrowser, newPage } = ctx;
  const smtpPort = await startSmtp();
  const base = await startServer({ smtpPort, setupCode: SETUP_CODE });
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);
  begin('setup');
  const orgId = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: '信頼精機株式会社', kind: 'enterprise', size: 'large' },
  });

  begin('three suppliers in the registry');
  const suppliersUrl = `${base}/api/orgs/${orgId}/suppliers`;
  for (const [name, email, contact] of [
    ['株式会社あおば部品', 'ichiro@aoba.example.jp', '青葉 一郎'],
    ['北斗システム株式会社', 'hanako@hokuto.example.jp', '北斗 花子'],
    ['みなと物流株式会社', 'minato@minato.example.jp', '港 三郎'],
  ])
    await apiCall(desk, 'POST', suppliersUrl, {
      name,
      criticality: 'high',
      contacts: [{ name: contact, email }],
    });
  const coverage = async () => (await apiCall(desk, 'GET', `${suppliersUrl}/coverage`)).overall;
  assert((await coverage()).known === 0, 'no status known before the campaign');

  begin('the buyer sends a campaign');
  const navbar = desk.getByRole('navigation', { name: ja.nav.label });
  await navbar.getByRole('link', { name: '回答依頼', exact: true }).click();
  await desk.waitForURL(`${base}/orgs/${orgId}/campaigns`);
  await desk.getByRole('heading', { name: C.campaigns.title }).waitFor();
  await desk.getByRole('link', { name: C.campaigns.new }).click();
  await desk
    .getByLabel(C.campaigns.form.title, { exact: false })
    .first()
    .fill('2027年度 取引先セキュリティ確認');
  await desk.getByRole('combobox', { name: new RegExp(C.campaigns.form.catalog) }).click();
  await desk.getByRole('option', { name: /自社診断/ }).click();
  await desk.getByLabel(C.campaigns.form.deadline, { exact: false }).fill(day(21));
  await desk
    .getByTestId('date-spelled')
    .getByText(spelled(day(21)), { exact: true })
    .waitFor();
  for (const name of ['株式会社あおば部品', '北斗システム株式会社', 'みなと物流株式会社'])
    await desk.getByRole('checkbox', { name: new RegExp(name) }).check();
  // Mails to respondents: Japanese then English by default; this campaign chooses Japanese only.
  const mailLanguage = desk.getByRole('combobox', { name: C.campaigns.form.mailLanguage });
  assert(
    (await mailLanguage.inputValue()) === C.campaigns.form.mailLanguages.ja_en,
    'mails in Japanese and English by default',
  );
  await mailLanguage.click();
  await desk.getByRole('option', { name: C.campaigns.form.mailLanguages.ja, exact: true }).click();
  await desk.getByRole('button', { name: C.campaigns.form.check }).click();
  await desk.getByText(C.campaigns.form.checkOk).waitFor();
  await shot(desk, 'new-campaign-1440');
  await desk.getByRole('button', { name: C.campaigns.form.send }).click();
  await desk.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
  const campaignUrl = desk.url();

  begin('the SMTP server receives one mail per supplier');
  await until('3 mails', async () => mails.length >= 3);
  const linkOf = (to, subject) => {
    const m = [...mails]
      .reverse()
      .find((x) => x.to?.text.includes(to) && (!subject || subject.test(x.subject)));
    return m && LINK.exec(m.text)?.[1];
  };
  const link = linkOf('ichiro@aoba.example.jp');
  assert(link, 'a link in the mail to ichiro');
  const japaneseOnly = (m) =>
    !/Dear|Hello,|deadline|questionnaire|\[Shinrai\]/.test(`${m.subject}\n${m.text}`) &&
    m.text.includes('様');
  const invite = mails.find((x) => x.to?.text.includes('ichiro@aoba.example.jp'));
  assert(japaneseOnly(invite), `the invitation is in Japanese only: ${invite.subject}`);
  await desk.reload();
  await desk.getByRole('cell', { name: 'ichiro@aoba.example.jp' }).waitFor();
  await desk.getByText(`${C.campaigns.form.mailLanguage}: ${C.campaigns.form.mailLanguages.ja}`).waitFor();
  await shot(desk, 'campaign-1440');

  begin('the supplier opens the link on a phone');
  const phone = await newPage('supplier', PHONE);
  const opened = await phone.goto(link);
  assert(
    opened.headers()['referrer-policy'] === 'no-referrer',
    'respondent page sends Referrer-Policy: no-referrer',
  );
  await phone.getByRole('heading', { name: '2027年度 取引先セキュリティ確認' }).waitFor();
  assert(!phone.url().includes('r1_'), 'the token is removed from the address bar');
  await shot(phone, 'respond-390');
  await viewport(phone, 'respond-top-390');

  begin('answers, a follow-up, evidence');
  const cards = phone.locator('section');
  const count = await cards.count();
  assert(count === 25, `25 items, saw ${count}`);
  for (let i = 0; i < count; i++) {
    if (i === 6) continue; // item 7 goes to a colleague
    const answer = i === 2 ? '実施していない' : '実施している';
    await saved(phone, () => cards.nth(i).getByRole('radio', { name: answer, exact: true }).check());
  }
  await cards.nth(2).getByText(C.respond.followUpTitle).waitFor();
  await saved(phone, () =>
    cards
      .nth(2)
      .getByLabel(C.respond.followUpReason)
      .fill('来期に EDR を導入する予定')
      .then(() => cards.nth(2).getByLabel(C.respond.followUpReason).blur()),
  );
  await saved(phone, () => cards.nth(2).getByLabel(C.respond.followUpDate).fill(day(120)));
  // the follow-up date, drawn by the browser in its own order, is spelled in Japanese under the field
  await cards
    .nth(2)
    .getByTestId('date-spelled')
    .getByText(spelled(day(120)), { exact: true })
    .waitFor();
  assert(await noSideScroll(phone), 'follow-up date: no sideways scrolling at 390 px');
  await viewport(phone, 'respond-follow-up-390', cards.nth(2));
  const pdf = path.join(os.tmpdir(), 'shinrai-e2e-policy.pdf');
  await (
    await import('node:fs/promises')
  ).writeFile(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  await cards.nth(0).locator('input[type=file]').setInputFiles(pdf);
  await cards
    .nth(0)
    .getByText(/shinrai-e2e-policy\.pdf/)
    .waitFor();
  await viewport(phone, 'respond-evidence-390', cards.nth(0));

  begin('forwards one item to a colleague');
  await cards.nth(6).getByRole('button', { name: C.respond.forwardItem }).click();
  await phone.getByLabel(C.respond.forwardEmail, { exact: false }).fill('jiro@aoba.example.jp');
  await phone.getByLabel(C.respond.forwardName).fill('青葉 次郎');
  await phone.screenshot({ path: path.join(SHOTS, 'respond-forward-390.png') });
  await phone.getByRole('button', { name: C.respond.forwardSend }).click();
  await until('forward mail', async () => Boolean(linkOf('jiro@aoba.example.jp')));
  assert(
    japaneseOnly(mails.findLast((x) => x.to?.text.includes('jiro@aoba.example.jp'))),
    'the forward is in Japanese only',
  );
  const colleague = await newPage('colleague', PHONE);
  await colleague.goto(linkOf('jiro@aoba.example.jp'));
  await colleague.getByText(C.respond.itemOnly).waitFor();
  const theirs = colleague.locator('section');
  assert((await theirs.count()) === 1, 'the colleague sees only the forwarded item');
  await saved(colleague, () =>
    theirs.first().getByRole('radio', { name: '一部実施している', exact: true }).check(),
  );
  await theirs.first().locator('input[type=file]').setInputFiles(pdf);
  await theirs
    .first()
    .getByText(/shinrai-e2e-policy\.pdf/)
    .waitFor();
  await shot(colleague, 'respond-forwarded-item-390');

  begin('submits');
  await phone.reload();
  await phone.getByRole('heading', { name: '2027年度 取引先セキュリティ確認' }).waitFor();
  await phone.getByText(C.respond.progress.replace('{{done}}', '25').replace('{{total}}', '25')).waitFor();
  await phone.getByRole('button', { name: C.respond.submit }).click();
  await phone.getByText(C.respond.submittedState).waitFor();
  await viewport(phone, 'respond-submitted-390');

  begin('the buyer sends item 3 back');
  await desk.goto(campaignUrl);
  await desk.getByRole('link', { name: C.campaigns.detail.review }).first().waitFor();
  const row = desk.getByRole('row', { name: /株式会社あおば部品/ });
  await row.getByRole('link', { name: C.campaigns.detail.review }).click();
  await desk.getByText('来期に EDR を導入する予定', { exact: false }).waitFor();
  const reviewUrl = desk.url();
  const third = desk.locator('.mantine-Card-root').nth(2);
  await third.getByLabel(C.campaigns.review.returnNote).fill('導入する製品と時期を教えてください');
  await third.getByRole('button', { name: C.campaigns.review.return }).click();
  await third.getByText('導入する製品と時期を教えてください').waitFor();
  await shot(desk, 'review-returned-1440');
  await until('clarification mail', async () => Boolean(linkOf('ichiro@aoba.example.jp', /確認のお願い/)));
  assert(
    japaneseOnly(mails.findLast((x) => x.to?.text.includes('ichiro@aoba.example.jp'))),
    'the send-back is in Japanese only',
  );

  begin('the supplier answers the returned item (same browser, its session)');
  await phone.goto(`${base}/respond/`);
  await phone.getByText('導入する製品と時期を教えてください').waitFor();
  await viewport(phone, 'respond-returned-390', cards.nth(2));
  await saved(phone, () =>
    cards.nth(2).getByRole('radio', { name: '一部実施している', exact: true }).check(),
  );
  await phone.getByRole('button', { name: C.respond.resubmit }).click();
  await phone.getByText(C.respond.submittedState).waitFor();

  begin('the buyer accepts; coverage changes');
  await desk.reload();
  await desk.getByText(C.campaigns.review.answeredAfterReturn).waitFor();
  await desk.getByRole('button', { name: C.campaigns.review.acceptAll }).click();
  await desk.getByText(C.campaigns.statuses.accepted, { exact: true }).first().waitFor();
  const after = await coverage();
  assert(
    after.known === 1 && after.total === 3,
    `coverage 1 of 3 after accepting, got ${JSON.stringify(after)}`,
  );
  await shot(desk, 'review-accepted-1440');
  await desk.goto(`${base}/orgs/${orgId}/suppliers`);
  await shot(desk, 'suppliers-coverage-1440');

  begin('the coverage dashboard shows the accepted answer and exports for the board');
  await desk.getByRole('link', { name: S.dashboard.open }).click();
  await desk.waitForURL(`${base}/orgs/${orgId}/suppliers/coverage`);
  await desk.getByRole('heading', { name: S.dashboard.title }).waitFor();
  const weakest = desk.getByTestId('weakest');
  await weakest.getByText(S.dashboard.scoreDefinition).waitFor();
  await weakest.getByRole('link', { name: '株式会社あおば部品' }).waitFor();
  await desk.getByTestId('overdue').getByText(S.dashboard.noOverdue).waitFor();
  await desk.getByTestId('trend').getByText('1 / 3').waitFor();
  await desk
    .getByTestId('reevaluation')
    .getByText(S.dashboard.reevaluationCount.replace('{{count}}', '2'))
    .waitFor();
  for (const ext of ['pdf', 'xlsx']) {
    const res = await desk.request.get(`${suppliersUrl}/coverage/export.${ext}`);
    assert(res.ok(), `coverage export.${ext} → ${res.status()}`);
    const body = await res.body();
    assert(
      ext === 'pdf' ? body.subarray(0, 5).toString() === '%PDF-' : body.subarray(0, 2).toString() === 'PK',
      `coverage export.${ext} is a ${ext}`,
    );
  }
  await shot(desk, 'coverage-dashboard-1440');

  begin('outbox and buyer pages at 390 px');
  const buyerPhone = await newPage('buyer-phone', PHONE);
  await buyerPhone.goto(`${base}/login`);
  await buyerPhone.getByLabel(new RegExp(`^${ja.login.email}`)).fill(ADMIN.email);
  await buyerPhone.getByLabel(new RegExp(`^${ja.login.password}`)).fill(ADMIN.password);
  await buyerPhone.getByRole('button', { name: ja.login.submit }).click();
  await buyerPhone.waitForURL(/\/overview$/);
  await buyerPhone.goto(`${base}/orgs/${orgId}/campaigns/outbox`);
  await buyerPhone.getByText('ichiro@aoba.example.jp').first().waitFor();
  await shot(buyerPhone, 'outbox-390');
  await buyerPhone.goto(reviewUrl);
  await buyerPhone.getByText('来期に EDR を導入する予定', { exact: false }).waitFor();
  await viewport(buyerPhone, 'review-390');
  await buyerPhone.goto(`${base}/orgs/${orgId}/suppliers/coverage`);
  await buyerPhone.getByTestId('weakest').getByRole('link', { name: '株式会社あおば部品' }).waitFor();
  await shot(buyerPhone, 'coverage-dashboard-390');
  await buyerPhone.goto(`${base}/orgs/${orgId}/campaigns/new`);
  await buyerPhone.getByLabel(C.campaigns.form.deadline, { exact: false }).fill(day(30));
  await buyerPhone
    .getByTestId('date-spelled')
    .getByText(spelled(day(30)), { exact: true })
    .waitFor();
  await buyerPhone.getByRole('combobox', { name: C.campaigns.form.mailLanguage }).click();
  await buyerPhone.getByRole('option', { name: C.campaigns.form.mailLanguages.en, exact: true }).click();
  assert(
    (await buyerPhone.getByRole('combobox', { name: C.campaigns.form.mailLanguage }).inputValue()) ===
      C.campaigns.form.mailLanguages.en,
    'English only chosen on a phone',
  );
  assert(await noSideScroll(buyerPhone), 'new campaign: no sideways scrolling at 390 px');
  await shot(buyerPhone, 'new-campaign-390');
  await desk.goto(`${base}/orgs/${orgId}/campaigns/outbox`);
  await desk.getByText('jiro@aoba.example.jp').first().waitFor();
  await shot(desk, 'outbox-1440');

  begin('a used link is refused with its own message');
  const stranger = await newPage('stranger', PHONE);
  await stranger.goto(link);
  await stranger.getByText(C.respond.refused.respond_link_used).waitFor();
  await stranger.getByRole('button', { name: C.respond.relink }).waitFor();
  await shot(stranger, 'respond-link-used-390');

  begin('date and file questions: a catalog imported from CSV, answered on a phone');
  const me = await (await desk.request.get(`${base}/api/me`)).json();
  const csv =
    '\uFEFFID,親ID,項目名,Title,回答形式\r\n' +
    'G,,体制,Organization,\r\n' +
    'Q1,G,セキュリティ方針を定めている,A security policy is set,impl\r\n' +
    'D1,G,直近のインシデント対応訓練の実施日,Date of the last incident response exercise,date\r\n' +
    'F1,G,ISMS 認証の証明書を添付してください,Attach your ISMS certificate,file\r\n';
  const imported = await desk.request.post(`${base}/api/orgs/${orgId}/catalogs/import`, {
    headers: { 'x-csrf-token': me.csrfToken },
    multipart: {
      file: { name: 'kinds.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') },
      options: JSON.stringify({
        mode: 'apply',
        mapping: { ref: 'ID', parent: '親ID', titleJa: '項目名', titleEn: 'Title', answerModel: '回答形式' },
        header: {
          id: 'urn:shinrai:catalog:e2e-question-types',
          version: '1.0.0',
          title: { ja: '取引先確認（日付・ファイル）', en: 'Supplier check (date, file)' },
        },
        defaultProvenance: 'own',
      }),
    },
  });
  assert(imported.status() === 201, `catalog import → ${imported.status()} ${await imported.text()}`);
  const kinds = (await apiCall(desk, 'GET', `${base}/api/orgs/${orgId}/catalogs`)).items.find(
    (c) => c.urn === 'urn:shinrai:catalog:e2e-question-types',
  );
  const hokuto = (await apiCall(desk, 'GET', suppliersUrl)).items.find(
    (x) => x.name === '北斗システム株式会社',
  );
  const mailsBefore = mails.filter((x) => x.to?.text.includes('hanako@hokuto.example.jp')).length;
  await apiCall(desk, 'POST', `${base}/api/orgs/${orgId}/supplychain/campaigns`, {
    title: '証明書と訓練日の確認',
    catalogId: kinds.id,
    deadline: day(21),
    supplierIds: [hokuto.id],
  });
  await until(
    'mail to hanako',
    async () => mails.filter((x) => x.to?.text.includes('hanako@hokuto.example.jp')).length > mailsBefore,
  );
  const hanako = await newPage('hanako', PHONE);
  await hanako.goto(linkOf('hanako@hokuto.example.jp'));
  await hanako.getByRole('heading', { name: '証明書と訓練日の確認' }).waitFor();
  const qs = hanako.locator('section');
  assert((await qs.count()) === 3, `3 items, saw ${await qs.count()}`);
  await saved(hanako, () => qs.nth(0).getByRole('radio', { name: '実施している', exact: true }).check());
  const dateInput = qs.nth(1).locator('input[type=date]');
  await saved(hanako, () => dateInput.fill('2026-09-15'));
  // the browser draws the field in its own order (09/15/2026 here): the date is spelled in Japanese under it
  await qs.nth(1).getByTestId('date-spelled').getByText('2026年9月15日').waitFor();
  await qs.nth(2).getByText(C.respond.fileQuestion).waitFor();
  await viewport(hanako, 'respond-date-file-390', qs.nth(1));
  await hanako.getByRole('button', { name: C.respond.submit }).click();
  await qs.nth(2).getByText(C.respond.problem.unanswered).waitFor();
  await viewport(hanako, 'respond-file-missing-390', qs.nth(2));
  await qs.nth(2).locator('input[type=file]').setInputFiles(pdf);
  await qs
    .nth(2)
    .getByText(/shinrai-e2e-policy\.pdf/)
    .waitFor();
  await hanako.getByText(C.respond.progress.replace('{{done}}', '3').replace('{{total}}', '3')).waitFor();
  assert((await dateInput.inputValue()) === '2026-09-15', 'the date answer stays after reload');
  await viewport(hanako, 'respond-file-answered-390', qs.nth(2));
  await hanako.getByRole('button', { name: C.respond.submit }).click();
  await hanako.getByText(C.respond.submittedState).waitFor();
  await viewport(hanako, 'respond-date-file-submitted-390');

  begin('the same date and file questions on the assessment answer screen');
  const A = JSON.parse(
    await readFile(path.join(ROOT, 'packages/web/src/modules/assessments/i18n/ja.json'), 'utf8'),
  );
  const own = await apiCall(desk, 'POST', `${base}/api/orgs/${orgId}/assessments`, {
    catalogId: kinds.id,
    title: '自社の証明書と訓練日',
  });
  await desk.goto(`${base}/orgs/${orgId}/assessments/${own.assessment.id}`);
  const dateCard = desk.getByRole('group', { name: 'D1 直近のインシデント対応訓練の実施日' });
  const fileCard = desk.getByRole('group', { name: 'F1 ISMS 認証の証明書を添付してください' });
  await fileCard.getByText(A.workspace.fileHint).waitFor();
  await dateCard.locator('input[type=date]').fill('2026-09-15');
  await dateCard.getByText(A.workspace.saved).waitFor();
  await dateCard.getByTestId('date-spelled').getByText('2026年9月15日').waitFor();
  const fileWork = fileCard.getByTestId('item-work');
  await fileWork.getByRole('button', { name: A.work.toggle }).click();
  await fileWork.locator('input[type="file"]').setInputFiles(pdf);
  await fileCard.getByText(A.workspace.fileAnswered.replace('{{count}}', '1')).waitFor();
  await desk.getByText(A.workspace.progress.replace('{{answered}}', 2).replace('{{items}}', 3)).waitFor();
  await dateCard.scrollIntoViewIfNeeded();
  await desk.screenshot({ path: path.join(SHOTS, 'assessment-date-file-1440.png') });
});
