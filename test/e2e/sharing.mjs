// Attack-information sharing in Chromium: a member accepts the hub's NDA, reports an attack, sees the proposed
// redactions and why; the hub's analyst drops one and asks for approval; the reporter approves the text it
// sees; the hub publishes it with TLP:AMBER; the published page shows no reporter name; the member sees the
// notice delivered and sets a signed webhook. 1440 px and 390 px.
// One person runs both organizations here (hub and member), switching by URL; the API tests cover the tenants.
import path from 'node:path';
import {
  assert,
  completeSetup,
  cutShort,
  escapeRe,
  ja,
  label,
  ROOT,
  runScenario,
  splitAcrossLines,
  until,
} from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-sharing');
const SETUP_CODE = 'sharing-setup-2468';
const ADMIN = { email: 'soc@hokuto-denki.example.jp', name: '北斗 太郎', password: 'Hokuto-Taro-Passw0rd!' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const S = ja.sharing;
const TEXT =
  '11月12日9時頃、北斗電機 経理部の佐藤健一さん宛に請求書を装ったメールが届いた。送信元は invoice@hokuto-billing.com、' +
  'C2 は 198.51.100.23。感染端末 KEIRI-PC07（10.20.3.17）を隔離した。連絡先 03-5555-0142。';

/** A JSON API call in the page's session, with the CSRF token for changes. */
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

await runScenario('sharing', SHOTS, async ({ begin, shot, startServer, launchBrowser, newPage }) => {
  const base = await startServer({ setupCode: SETUP_CODE });
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);
  begin('setup: the member organization');
  const memberId = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: '北斗電機株式会社', kind: 'enterprise', size: 'large' },
  });

  begin('a hub with an NDA and a relationship to the member');
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

  begin('the member accepts the NDA from the menu');
  await desk.goto(`${base}/orgs/${memberId}/overview`);
  await desk
    .getByRole('navigation', { name: ja.nav.label })
    .getByRole('link', { name: '攻撃情報の共有' })
    .click();
  await desk.waitForURL(`${base}/orgs/${memberId}/sharing`);
  await desk.getByText(S.member.ndaNeeded.replace('{{version}}', '2026-04')).waitFor();
  await desk.getByRole('button', { name: S.member.acceptNda }).click();
  await desk.getByRole('button', { name: S.form.submit }).waitFor();

  begin('the member reports; redactions are proposed with reasons');
  // The browser draws the date field in its own order (11/12/2026 in this Chromium, whatever <html lang>
  // says), so the form spells the date out in the UI's language under it.
  assert((await desk.evaluate(() => document.documentElement.lang)) === 'ja', '<html lang> follows the UI');
  await desk.getByLabel(label(S.form.occurredOn)).fill('2026-11-12');
  await until(
    'the date spelled in Japanese',
    async () => (await desk.getByTestId('date-spelled').innerText()) === '2026年11月12日',
  );
  await desk.getByLabel(label(S.form.title)).fill('請求書を装った標的型メール');
  await desk.getByLabel(label(S.form.text)).fill(TEXT);
  await desk.getByRole('button', { name: S.form.submit }).click();
  await desk.waitForURL(/\/sharing\/reports\/[^/]+$/);
  const reportUrl = new URL(desk.url()).pathname;
  const reportId = reportUrl.split('/').pop();
  const preview = desk.getByTestId('preview');
  await preview.waitFor();
  const proposed = await preview.innerText();
  for (const hidden of ['北斗電機', '佐藤健一', 'KEIRI-PC07', '10.20.3.17'])
    assert(!proposed.includes(hidden), `preview hides ${hidden}`);
  assert(proposed.includes('198.51.100.23'), 'the C2 address stays');
  assert((await desk.getByText(S.reason.public_ip).count()) === 1, 'why the C2 address is kept');
  await shot(desk, 'report-proposed-1440');

  begin("the hub's analyst drops the phone redaction and asks for approval");
  await desk.goto(`${base}/orgs/${hub.id}/sharing/reports/${reportId}`);
  await desk.getByRole('heading', { name: S.report.review }).waitFor();
  assert(!(await desk.getByTestId('preview').innerText()).includes('03-5555-0142'), 'phone hidden at first');
  await desk.getByRole('checkbox', { name: /03-5555-0142/ }).uncheck();
  await until('the text to publish follows the unticked box', async () =>
    (await desk.getByTestId('preview').innerText()).includes('03-5555-0142'),
  );
  await desk.getByLabel(label(S.report.publishedTitle)).fill('請求書を装ったメールによる標的型攻撃');
  await shot(desk, 'hub-review-1440');
  await desk.getByRole('button', { name: S.report.sendForApproval }).click();
  await desk.getByText(S.status.awaiting_approval).first().waitFor();

  begin('the reporter approves the exact text (phone)');
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(label(ja.login.email)).fill(ADMIN.email);
  await phone.getByLabel(label(ja.login.password)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/overview$/);
  await phone.goto(`${base}${reportUrl}`);
  await phone.getByRole('heading', { name: S.report.approveTitle }).waitFor();
  assert(
    (await phone.getByTestId('preview').innerText()).includes('03-5555-0142'),
    'the approved text shows the kept phone',
  );
  assert(await fits(phone), 'no sideways scrolling at 390 px');
  await shot(phone, 'reporter-approve-390');
  await phone.getByRole('button', { name: S.report.approve }).click();
  await phone.getByText(S.status.approved).first().waitFor();

  begin('the hub publishes with TLP:AMBER');
  await desk.goto(`${base}/orgs/${hub.id}/sharing/reports/${reportId}`);
  await desk.getByRole('heading', { name: S.report.publishTitle, exact: true }).waitFor();
  await desk.getByRole('button', { name: S.report.publish, exact: true }).click();
  await desk.getByText(S.status.published).first().waitFor();

  begin('the member reads it in its feed: no reporter name, a sighting without a name');
  await desk.goto(`${base}/orgs/${memberId}/sharing`);
  await desk.locator(`a[href$="/sharing/feed/${reportId}"]`).click();
  await desk.waitForURL(/\/sharing\/feed\/[^/]+$/);
  await desk.getByText('TLP:AMBER').waitFor();
  await desk.getByText(S.published.occurred.replace('{{date}}', '2026年11月12日')).waitFor();
  const body = await desk.locator('main').innerText();
  for (const hidden of ['北斗電機', '佐藤健一', 'KEIRI-PC07'])
    assert(!body.includes(hidden), `published page hides ${hidden}`);
  await desk.getByRole('textbox', { name: S.published.comment }).fill('当社でも同じ送信元から受信');
  await desk.getByRole('button', { name: S.published.add }).click();
  await until(
    'sighting listed',
    async () => (await desk.getByText('当社でも同じ送信元から受信').count()) === 1,
  );
  await shot(desk, 'published-1440');
  await phone.goto(`${base}${new URL(desk.url()).pathname}`);
  await phone.getByText('TLP:AMBER').waitFor();
  assert(await fits(phone), 'published page fits 390 px');
  await shot(phone, 'published-390');

  begin('the reporter goes from its report to the published version and back');
  await desk.goto(`${base}${reportUrl}`);
  const where = desk.getByTestId('where-published');
  await where.getByText('TLP:AMBER').waitFor();
  await where.getByRole('link', { name: new RegExp(escapeRe(S.report.openInFeed)) }).click();
  await desk.waitForURL(`${base}/orgs/${memberId}/sharing/feed/${reportId}`);
  await desk.getByRole('link', { name: new RegExp(escapeRe(S.published.ownReport)) }).click();
  await desk.waitForURL(`${base}${reportUrl}`);
  await desk.getByTestId('where-published').waitFor();
  await phone.goto(`${base}${reportUrl}`);
  await phone.getByTestId('where-published').getByRole('link').waitFor();
  assert(await fits(phone), 'the published report with its feed link fits 390 px');
  await shot(phone, 'reporter-published-390');
  // the hub's own view of the published report links to the feed item too
  await desk.goto(`${base}/orgs/${hub.id}/sharing/reports/${reportId}`);
  await desk.getByTestId('where-published').getByRole('link').click();
  await desk.waitForURL(`${base}/orgs/${hub.id}/sharing/feed/${reportId}`);
  await desk.getByText('TLP:AMBER').waitFor();
  assert((await desk.getByTestId('own-report').count()) === 0, 'the hub is not offered a reporter link');

  begin('the member sees the publication notice delivered, and sets a signed webhook');
  const N = S.notify;
  await desk.goto(`${base}/orgs/${memberId}/sharing`);
  await desk.getByRole('heading', { name: N.title, exact: true }).waitFor();
  await until('the e-mail delivery is listed as delivered', async () => {
    await desk.reload();
    await desk.getByRole('heading', { name: N.title, exact: true }).waitFor();
    return (await desk.getByTestId('sharing-deliveries').getByText(N.status.delivered).count()) > 0;
  });
  const deliveries = await desk.getByTestId('sharing-deliveries').innerText();
  assert(deliveries.includes(N.channel.email), 'the delivery names its channel');
  await desk.getByTestId('sharing-webhook-url').fill('https://hooks.example.com/shinrai');
  await desk.getByRole('button', { name: N.save, exact: true }).click();
  await desk.getByTestId('sharing-webhook-secret').waitFor();
  await desk.getByTestId('sharing-webhook-url').scrollIntoViewIfNeeded();
  await shot(desk, 'notifications-1440');
  await phone.goto(`${base}/orgs/${memberId}/sharing`);
  await phone.getByTestId('sharing-deliveries').scrollIntoViewIfNeeded();
  assert(await fits(phone), 'notifications fit 390 px');
  // badges and dates move to the next line whole (the status column took a fixed 150 px and split the dates)
  const split = await splitAcrossLines(phone, '[data-nowrap], .mantine-Badge-label');
  assert(split.length === 0, `no badge or date broken across lines at 390 px: ${split.join(' | ')}`);
  const cut = await cutShort(phone, '.mantine-Badge-root');
  assert(cut.length === 0, `no badge cut short at 390 px: ${cut.join(' | ')}`);
  await shot(phone, 'notifications-390');
});
