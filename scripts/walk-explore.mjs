// A user's walk through the sharing and supply-chain screens, for looking at (not a CI suite: it asserts only
// that the seeding works). Seeds a hub and a member with a report carrying an .eml, a published report, STIX
// intake and a TAXII source, and a chain to tier 4 through onward shares; then opens each screen in ja and en
// at 1440 and 390 px and saves a full-page screenshot of each into test-results/walk/, with findings.txt
// listing per screen: sideways overflow, unlabelled fields and buttons, and Latin-only text in ja (much of it
// data: hosts, hashes, header names).
// Run: npm run build, then node scripts/walk-explore.mjs
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assert, completeSetup, ja, label, ROOT, runScenario } from '../test/e2e/lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/walk');
const SETUP_CODE = 'walk-setup-1357';
const ADMIN = { email: 'soc@sample-denki.co.jp', name: '北斗 太郎', password: 'Hokuto-Taro-Passw0rd!' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const S = ja.sharing;
const EML = path.join(ROOT, 'test/fixtures/sharing/eml/invoice-iso2022jp.eml');
const FIX = path.join(ROOT, 'test/fixtures/sharing/stix-intake');
const findings = [];

async function apiCall(page, base, method, url, body) {
  const me = await (await page.request.get(`${base}/api/me`)).json();
  const response = await page.request.fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
    data: body ?? {},
  });
  assert(response.ok(), `${method} ${url} → ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? null : response.json();
}

async function audit(page, name, lang) {
  const r = await page.evaluate(() => {
    const out = { overflow: document.documentElement.scrollWidth, unlabeled: [], latin: [], wide: [] };
    const vis = (el) => el.getClientRects().length > 0;
    for (const el of document.querySelectorAll('input, select, textarea, button, [role=combobox], a')) {
      if (!vis(el) && el.type !== 'file') continue;
      if (el.type === 'hidden') continue;
      const labelled =
        el.getAttribute('aria-label') ||
        el.getAttribute('aria-labelledby') ||
        (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) ||
        el.closest('label') ||
        el.getAttribute('title');
      const text = (el.innerText || el.value || '').trim();
      if (!labelled && !(['BUTTON', 'A'].includes(el.tagName) && text))
        out.unlabeled.push(`${el.tagName.toLowerCase()}[${el.type || ''}] ${el.outerHTML.slice(0, 140)}`);
    }
    const walker = document.createTreeWalker(
      document.querySelector('main') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent.trim();
      if (
        /[A-Za-z]{4,}/.test(t) &&
        !/[\u3040-\u30ff\u4e00-\u9fff]/.test(t) &&
        n.parentElement &&
        vis(n.parentElement)
      )
        out.latin.push(t.slice(0, 80));
    }
    for (const el of document.querySelectorAll('main *')) {
      const b = el.getBoundingClientRect();
      if (b.right > window.innerWidth + 1 && vis(el))
        out.wide.push(`${el.tagName}.${String(el.className).slice(0, 60)} right=${Math.round(b.right)}`);
    }
    out.wide = out.wide.slice(0, 8);
    return out;
  });
  const w = page.viewportSize().width;
  findings.push(`## ${name} ${lang} ${w}px scrollWidth=${r.overflow}${r.overflow > w ? ' OVERFLOW' : ''}`);
  if (r.unlabeled.length) findings.push(`  unlabeled: ${[...new Set(r.unlabeled)].join('\n    ')}`);
  if (lang === 'ja' && r.latin.length) findings.push(`  latin: ${[...new Set(r.latin)].join(' | ')}`);
  if (r.wide.length) findings.push(`  wide: ${r.wide.join(' | ')}`);
}

await runScenario('walk', SHOTS, async ({ begin, startServer, launchBrowser, newPage }) => {
  const base = await startServer({ setupCode: SETUP_CODE });
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);
  begin('setup');
  const memberId = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: 'サンプル電機株式会社', kind: 'enterprise', size: 'large' },
  });
  const mk = async (name, kind = 'enterprise') =>
    (await apiCall(desk, base, 'POST', '/api/orgs', { name, kind })).organization;
  const hub = await mk('製造業情報共有ハブ', 'hub');
  await apiCall(desk, base, 'PUT', `/api/orgs/${hub.id}/sharing/hub`, { ndaVersion: '2026-04' });
  const slugOf = async (id) =>
    (await (await desk.request.get(`${base}/api/orgs/${id}`)).json()).organization.slug;
  const rel = await apiCall(desk, base, 'POST', `/api/orgs/${hub.id}/relationships`, {
    counterpartSlug: await slugOf(memberId),
    type: 'hub_member',
    side: 'from',
  });
  await apiCall(desk, base, 'POST', `/api/orgs/${memberId}/relationships/${rel.relationship.id}/accept`);

  begin('walk: member sharing page before NDA');
  const pages = [];
  pages.push(['member-nda', `/orgs/${memberId}/sharing`]);
  await desk.goto(`${base}/orgs/${memberId}/sharing`);
  await desk.getByRole('button', { name: S.member.acceptNda }).waitFor();
  await desk.screenshot({ path: path.join(SHOTS, 'x-member-nda-ja-1440.png'), fullPage: true });
  await desk.getByRole('button', { name: S.member.acceptNda }).click();
  await desk.getByRole('button', { name: S.form.submit }).waitFor();

  begin('member writes a report with the eml');
  await desk.getByLabel(label(S.form.title)).fill('請求書を装ったメール');
  await desk
    .getByLabel(label(S.form.text))
    .fill(
      '11月12日9時頃、サンプル電機 経理部の佐藤健一さん宛に請求書を装ったメールが届いた。C2 は 198.51.100.23。感染端末 KEIRI-PC07（10.20.3.17）を隔離した。連絡先 03-5555-0142。',
    );
  await desk.locator('input[type=file]').first().setInputFiles(EML);
  await desk.screenshot({ path: path.join(SHOTS, 'x-member-form-filled-ja-1440.png'), fullPage: true });
  await desk.getByRole('button', { name: S.form.submit }).click();
  await desk.waitForURL(/\/sharing\/reports\/[^/]+$/);
  const reportId = new URL(desk.url()).pathname.split('/').pop();
  await desk.getByTestId('eml').waitFor();
  pages.push(['member-report-proposed', `/orgs/${memberId}/sharing/reports/${reportId}`, 'eml']);
  pages.push(['hub-review', `/orgs/${hub.id}/sharing/reports/${reportId}`, 'preview']);
  pages.push(['hub-sharing', `/orgs/${hub.id}/sharing`]);

  // a second report that goes all the way to published
  const r2 = await apiCall(desk, base, 'POST', `/api/orgs/${memberId}/sharing/hubs/${hub.id}/reports`, {
    lang: 'ja',
    attackType: 'other',
    occurredOn: '2026-11-30',
    title: 'VPN 機器への不正アクセス',
    text: 'VPN 装置 203.0.113.77 からの不正ログインを検知。',
  }).catch((e) => {
    findings.push(`seed report2 failed: ${e.message}`);
    return null;
  });
  if (r2) {
    const id2 = r2.report?.id ?? r2.id;
    findings.push(`report2 ${id2}`);
    await desk.goto(`${base}/orgs/${hub.id}/sharing/reports/${id2}`);
    await desk.getByRole('button', { name: S.report.sendForApproval }).click();
    await desk.getByText(S.status.awaiting_approval).first().waitFor();
    await desk.goto(`${base}/orgs/${memberId}/sharing/reports/${id2}`);
    pages.push(['member-approve', `/orgs/${memberId}/sharing/reports/${id2}`]);
    await desk.screenshot({ path: path.join(SHOTS, 'x-member-approve-ja-1440.png'), fullPage: true });
    await desk.getByRole('button', { name: S.report.approve }).click();
    await desk.getByText(S.status.approved).first().waitFor();
    await desk.goto(`${base}/orgs/${hub.id}/sharing/reports/${id2}`);
    await desk.getByRole('button', { name: S.report.publish, exact: true }).click();
    await desk.getByText(S.status.published).first().waitFor();
    pages.push(['member-feed-item', `/orgs/${memberId}/sharing/feed/${id2}`]);
    pages.push(['member-sharing-after', `/orgs/${memberId}/sharing`]);
  }

  begin('intake');
  const intakeUrl = `/orgs/${memberId}/sharing?view=intake`;
  pages.push(['intake-empty', intakeUrl]);
  for (const lang of ['ja']) {
    await desk.goto(`${base}${intakeUrl}`);
    await desk.getByText(S.intake.empty).waitFor();
    await desk.screenshot({ path: path.join(SHOTS, `intake-empty-${lang}-1440.png`), fullPage: true });
    await audit(desk, 'intake-empty', lang);
    // refused bundle
    await desk.locator('input[type=file]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          type: 'bundle',
          id: 'bundle--1',
          objects: [{ type: 'indicator' }, { type: 'malware', id: 'malware--x' }],
        }),
      ),
    });
    await desk.getByTestId('intake-refused').waitFor();
    await desk.screenshot({ path: path.join(SHOTS, `intake-refused-${lang}-1440.png`), fullPage: true });
    await desk.locator('input[type=file]').setInputFiles({
      name: 'notjson.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"type": "bundle", '),
    });
    await desk.waitForTimeout(1500);
    await desk.screenshot({ path: path.join(SHOTS, `intake-notjson-${lang}-1440.png`), fullPage: true });
    // sources form empty submit
    await desk.getByRole('button', { name: S.sources.save }).click();
    await desk.waitForTimeout(800);
    await desk.screenshot({
      path: path.join(SHOTS, `intake-sources-empty-submit-${lang}-1440.png`),
      fullPage: true,
    });
    await desk.getByLabel(label(S.sources.name)).fill('製造業 ISAC');
    await desk.getByLabel(label(S.sources.apiRoot)).fill('http://not-https.example/taxii2/');
    await desk.getByLabel(label(S.sources.collection)).fill('not-a-uuid');
    await desk.getByRole('button', { name: S.sources.save }).click();
    await desk.waitForTimeout(1000);
    await desk.screenshot({
      path: path.join(SHOTS, `intake-sources-invalid-${lang}-1440.png`),
      fullPage: true,
    });
    await desk.getByLabel(label(S.sources.apiRoot)).fill('https://taxii.isac.example.jp/taxii2/root/');
    await desk.getByLabel(label(S.sources.collection)).fill('91a7b528-80eb-42ed-a74d-c6fbd5a26116');
    await desk.getByLabel(label(S.sources.token)).fill('secret-token-value');
    await desk.getByRole('button', { name: S.sources.save }).click();
    await desk.getByTestId('intake-sources').getByText('製造業 ISAC').waitFor();
    await desk.locator('input[type=file]').setInputFiles(path.join(FIX, 'misp-event-1842.json'));
    await desk.getByTestId('intake-result').waitFor();
    await desk.locator('input[type=file]').setInputFiles(path.join(FIX, 'opencti-report.json'));
    await desk.waitForTimeout(1500);
    await desk.screenshot({ path: path.join(SHOTS, `intake-filled-${lang}-1440.png`), fullPage: true });
  }
  pages.push(['intake-filled', intakeUrl]);

  begin('supply chain to tier 4');
  const a = await mk('エー電子工業株式会社');
  const b = await mk('ビー精密部品株式会社');
  const c = await mk('シー素材化学株式会社');
  const relate = async (buyerOrg, supplierOrg) => {
    const rr = await apiCall(desk, base, 'POST', `/api/orgs/${supplierOrg}/relationships`, {
      counterpartSlug: await slugOf(buyerOrg),
      type: 'buyer_supplier',
      side: 'to',
    });
    await apiCall(desk, base, 'POST', `/api/orgs/${buyerOrg}/relationships/${rr.relationship.id}/accept`);
  };
  const record = (inOrg, name, extra = {}) =>
    apiCall(desk, base, 'POST', `/api/orgs/${inOrg}/suppliers`, { name, supplies: ['components'], ...extra });
  await relate(memberId, a.id);
  await relate(a.id, b.id);
  await relate(b.id, c.id);
  await record(memberId, 'エー電子工業株式会社', { linkedOrgId: a.id, criticality: 'high' });
  await record(memberId, 'ガンマ物流サービス株式会社', { criticality: 'low' });
  await record(memberId, 'デルタ・インフォメーション・テクノロジー・ソリューションズ株式会社', {
    criticality: 'medium',
  });
  await record(a.id, 'ビー精密部品株式会社', { linkedOrgId: b.id });
  await record(a.id, '共通基板工業株式会社');
  await record(b.id, 'シー素材化学株式会社', { linkedOrgId: c.id });
  await record(c.id, 'ディー原料株式会社');
  const share = (from, withOrgId, onward) =>
    apiCall(desk, base, 'PUT', `/api/orgs/${from}/suppliers/registry-shares`, {
      withOrgId,
      shared: true,
      onward,
    });
  await share(a.id, memberId, true);
  await share(b.id, a.id, true);
  await share(c.id, b.id, true);
  pages.push(['chain', `/orgs/${memberId}/suppliers/chain`, 'chain']);
  pages.push(['chain-a-shares', `/orgs/${a.id}/suppliers/chain`]);
  pages.push(['suppliers', `/orgs/${memberId}/suppliers`]);
  pages.push(['inbox-a', `/orgs/${a.id}/inbox`]);
  pages.push(['campaigns', `/orgs/${memberId}/campaigns`]);
  pages.push(['campaign-new', `/orgs/${memberId}/campaigns/new`]);

  begin('visit all pages');
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(label(ja.login.email)).fill(ADMIN.email);
  await phone.getByLabel(label(ja.login.password)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/overview$/);
  for (const lang of ['ja', 'en']) {
    await apiCall(desk, base, 'PATCH', '/api/me', { locale: lang });
    for (const [name, url] of pages) {
      for (const [p, w] of [
        [desk, 1440],
        [phone, 390],
      ]) {
        await p.goto(`${base}${url}`);
        await p.waitForLoadState('networkidle');
        await p.waitForTimeout(600);
        await p.screenshot({ path: path.join(SHOTS, `${name}-${lang}-${w}.png`), fullPage: true });
        await audit(p, name, lang);
        if (name === 'chain' && w === 390) {
          await p.getByText(lang === 'ja' ? '図' : 'Graph', { exact: true }).click();
          await p.getByTestId('chain-graph').waitFor();
          await p.waitForTimeout(1500);
          await p.screenshot({ path: path.join(SHOTS, `chain-graph-${lang}-${w}.png`), fullPage: true });
          await audit(p, 'chain-graph', lang);
        }
      }
    }
  }
  await writeFile(path.join(SHOTS, 'findings.txt'), findings.join('\n') + '\n');
});
