// A suspicious mail attached to a sharing report, in Chromium: the member attaches an .eml on the report
// form; the report page shows the parsed headers, authentication results, the Received chain, the mail's
// attachment hashes and the URLs defanged, with the recipients hidden; indicators proposed from the mail are
// marked as from the attachment; the hub's analyst sees the same. 1440 px and 390 px.
import path from 'node:path';
import { assert, completeSetup, ja, label, ROOT, runScenario, splitAcrossLines } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-sharing-eml');
const SETUP_CODE = 'sharing-eml-setup-1357';
const ADMIN = { email: 'soc@sample-denki.co.jp', name: '北斗 太郎', password: 'Hokuto-Taro-Passw0rd!' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const S = ja.sharing;
const FIXTURE = path.join(ROOT, 'test/fixtures/sharing/eml/invoice-iso2022jp.eml');

async function apiCall(page, base, method, url, body) {
  const me = await (await page.request.get(`${base}/api/me`)).json();
  const response = await page.request.fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
    data: body ?? {},
  });
  assert(response.ok(), `${method} ${url} → ${response.status()} ${await response.text()}`);
  return response.json();
}
const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

await runScenario('sharing-eml', SHOTS, async ({ begin, shot, startServer, launchBrowser, newPage }) => {
  const base = await startServer({ setupCode: SETUP_CODE });
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);
  begin('setup: a member of a hub under NDA');
  const memberId = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: 'サンプル電機株式会社', kind: 'enterprise', size: 'large' },
  });
  const hub = (await apiCall(desk, base, 'POST', '/api/orgs', { name: '製造業情報共有ハブ', kind: 'hub' }))
    .organization;
  await apiCall(desk, base, 'PUT', `/api/orgs/${hub.id}/sharing/hub`, { ndaVersion: '2026-04' });
  const { organization: member } = await (await desk.request.get(`${base}/api/orgs/${memberId}`)).json();
  const rel = await apiCall(desk, base, 'POST', `/api/orgs/${hub.id}/relationships`, {
    counterpartSlug: member.slug,
    type: 'hub_member',
    side: 'from',
  });
  await apiCall(desk, base, 'POST', `/api/orgs/${memberId}/relationships/${rel.relationship.id}/accept`);
  await apiCall(desk, base, 'POST', `/api/orgs/${memberId}/sharing/hubs/${hub.id}/nda`, {
    version: '2026-04',
  });

  begin('the member reports with the suspicious mail attached on the form');
  await desk.goto(`${base}/orgs/${memberId}/sharing`);
  await desk.getByLabel(label(S.form.title)).fill('請求書を装ったメール');
  await desk
    .getByLabel(label(S.form.text))
    .fill('取引先を装った請求書メールが購買部に届いた。メールを添付する。');
  // The form's only file input (Mantine keeps it hidden behind the field).
  await desk.locator('input[type=file]').first().setInputFiles(FIXTURE);
  await desk.getByRole('button', { name: S.form.submit }).click();
  await desk.waitForURL(/\/sharing\/reports\/[^/]+$/);
  const reportId = new URL(desk.url()).pathname.split('/').pop();
  const card = desk.getByTestId('eml');
  await card.waitFor();
  const shown = await desk.getByTestId('attachments').innerText();
  for (const s of [
    '【請求書送付】11月分ご請求のご案内',
    'SPF: softfail',
    'DMARC: fail',
    'Becky!',
    'hxxp://invoice-portal[.]example[.]net/dl/seikyu_202611',
    '請求書_202611.txt',
    'MD5',
  ])
    assert(shown.toLowerCase().includes(s.toLowerCase()), `the mail card shows ${s}`);
  assert((await card.locator('ol > li').count()) === 4, 'four Received hops');
  const page = await desk.locator('main').innerText();
  for (const hidden of ['i.suzuki', 'kobai@', '鈴木'])
    assert(!page.includes(hidden), `the report page hides the recipient ${hidden}`);
  assert(
    (await desk.getByTestId('from-attachment').count()) >= 4,
    'indicators marked as from the attachment',
  );
  assert((await desk.getByText(S.reason.eml_attachment_hash).count()) === 1, 'why the hash is proposed');
  // indicator types in the reader's language and never cut short ("SHA2…", "DOM…" before)
  const types = desk.getByTestId('indicator-type');
  const typeTexts = await types.allInnerTexts();
  for (const want of [S.indicatorType.sha256, S.indicatorType.domain, S.indicatorType.email])
    assert(
      typeTexts.some((x) => x.toLowerCase() === want.toLowerCase()),
      `type ${want} shown: ${typeTexts.join(', ')}`,
    );
  const cut = await types.evaluateAll(
    (els) =>
      els.filter((el) => [...el.querySelectorAll('*')].some((c) => c.scrollWidth > c.clientWidth + 1)).length,
  );
  assert(cut === 0, `no indicator type cut short (${cut})`);
  await card.scrollIntoViewIfNeeded();
  await shot(desk, 'reporter-mail-1440');

  begin('the raw mail downloads for the reporter, as a file');
  const href = await desk.getByTestId('attachments').locator('a').first().getAttribute('href');
  const raw = await desk.request.get(`${base}${href}`);
  assert(raw.status() === 200 && raw.headers()['content-type'] === 'application/octet-stream', 'download');

  begin('back from the report to the sharing page by a link (the menu is folded on a phone)');
  await desk.getByRole('link', { name: new RegExp(S.backToList) }).click();
  await desk.waitForURL(`${base}/orgs/${memberId}/sharing`);
  await desk.getByRole('link', { name: '請求書を装ったメール' }).waitFor();

  begin("the hub's analyst sees the mail too (phone)");
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(label(ja.login.email)).fill(ADMIN.email);
  await phone.getByLabel(label(ja.login.password)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/overview$/);
  await phone.goto(`${base}/orgs/${hub.id}/sharing/reports/${reportId}`);
  await phone.getByTestId('eml').waitFor();
  assert(await fits(phone), 'no sideways scrolling at 390 px');
  const cutOnPhone = await phone
    .getByTestId('indicator-type')
    .evaluateAll(
      (els) =>
        els.filter((el) => [...el.querySelectorAll('*')].some((c) => c.scrollWidth > c.clientWidth + 1))
          .length,
    );
  assert(cutOnPhone === 0, `no indicator type cut short at 390 px (${cutOnPhone})`);

  begin("the hub's own sharing page does not tell the hub to join a hub");
  await phone.goto(`${base}/orgs/${hub.id}/sharing`);
  await phone.getByRole('heading', { name: S.hub.received }).waitFor();
  assert((await phone.getByText(S.member.noHub).count()) === 0, 'no "join a hub" text for the hub');
  const ndaCut = await phone
    .getByTestId('member-nda')
    .evaluateAll(
      (els) =>
        els.filter((el) => [...el.querySelectorAll('*')].some((c) => c.scrollWidth > c.clientWidth + 1))
          .length,
    );
  assert(ndaCut === 0, `the member's NDA version and date shown whole at 390 px (${ndaCut} cut)`);
  // …and not broken inside the bracketed date either: the version badge and the date each on one line
  const split = await splitAcrossLines(
    phone,
    '[data-testid=member-nda] *, [data-nowrap], .mantine-Badge-label',
  );
  assert(split.length === 0, `no badge, date or NDA line broken at 390 px: ${split.join(' | ')}`);
  await shot(phone, 'hub-sharing-390');
  await phone.goto(`${base}/orgs/${hub.id}/sharing/reports/${reportId}`);
  await phone.getByTestId('eml').waitFor();
  await phone.getByTestId('eml').scrollIntoViewIfNeeded();
  await shot(phone, 'hub-mail-390');
  await phone.getByTestId('attachments').screenshot({ path: path.join(SHOTS, 'hub-mail-card-390.png') });

  begin("a mail whose text is over the report's limit: the card says what was left out (1440 px, 390 px)");
  const long = await apiCall(desk, base, 'POST', `/api/orgs/${memberId}/sharing/hubs/${hub.id}/reports`, {
    title: 'URL の多いメール',
    text: 'URL を大量に含むメールが届いた。',
    lang: 'ja',
    attackType: 'targeted-attack',
    occurredOn: '2026-12-01',
  });
  const urls = Array.from({ length: 20 }, (_, i) => `https://evil.example/${i}/${'a'.repeat(7_980)}`);
  const mail = [
    'From: billing@example-verify.com',
    'To: t.sato@sample-denki.co.jp',
    'Subject: x',
    '',
    ...urls,
    '',
  ].join('\r\n');
  const me = await (await desk.request.get(`${base}/api/me`)).json();
  const attached = await desk.request.post(
    `${base}/api/orgs/${memberId}/sharing/reports/${long.report.id}/attachments`,
    {
      headers: { 'x-csrf-token': me.csrfToken },
      multipart: { file: { name: 'urls.eml', mimeType: 'message/rfc822', buffer: Buffer.from(mail) } },
    },
  );
  assert(attached.status() === 201, `attach → ${attached.status()}`);
  const { textCut } = (await attached.json()).report.attachments[0].eml;
  assert(textCut?.urls > 0, `URL lines left out: ${JSON.stringify(textCut)}`);
  for (const [p, name] of [
    [desk, 'reporter-mail-cut-1440'],
    [phone, 'hub-mail-cut-390'],
  ]) {
    const org = p === desk ? memberId : hub.id;
    await p.goto(`${base}/orgs/${org}/sharing/reports/${long.report.id}`);
    const note = p.getByTestId('eml-text-cut');
    await note.waitFor();
    const said = await note.innerText();
    assert(
      said.includes(`URL 一覧の ${textCut.urls} 件`),
      `the card says how many URLs were left out: ${said}`,
    );
    assert(await fits(p), `no sideways scrolling with the long URLs (${name})`);
    // The page is very tall (the URLs in full): the screen around the note, not the whole page.
    await note.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }
});
