// Outside intelligence in Chromium: an organization opens 外部インテリジェンス on the sharing page, uploads a MISP
// export (the result shows added counts and the located warnings), uploads it again (nothing added), uploads an
// OpenCTI export, filters indicators by TLP and source, and adds a TAXII source. 1440 px and 390 px.
import path from 'node:path';
import {
  assert,
  completeSetup,
  escapeRe,
  ja,
  label,
  ROOT,
  runScenario,
  splitAcrossLines,
  until,
} from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-sharing-intake');
const SETUP_CODE = 'intake-setup-1357';
const ADMIN = { email: 'soc@hokuto-denki.example.jp', name: '北斗 太郎', password: 'Hokuto-Taro-Passw0rd!' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const S = ja.sharing;
const FIX = path.join(ROOT, 'test/fixtures/sharing/stix-intake');
const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
const count = (template, n) => template.replace('{{count}}', String(n));

await runScenario('sharing-intake', SHOTS, async ({ begin, shot, startServer, launchBrowser, newPage }) => {
  const base = await startServer({ setupCode: SETUP_CODE });
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);
  begin('setup');
  const orgId = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: '北斗電機株式会社', kind: 'enterprise', size: 'large' },
  });

  begin('the external intelligence tab');
  await desk.goto(`${base}/orgs/${orgId}/sharing`);
  await desk.getByRole('tab', { name: S.tabs.intake }).click();
  await desk.waitForURL(/view=intake/);
  await desk.getByText(S.intake.empty).waitFor();

  begin('upload a MISP export: added, with located warnings');
  await desk.locator('input[type=file]').setInputFiles(path.join(FIX, 'misp-event-1842.json'));
  const result = desk.getByTestId('intake-result');
  await result.waitFor();
  const text = await result.innerText();
  assert(text.includes(count(S.intake.added, 11)), `11 added: ${text}`);
  assert(text.includes('/objects/2/target_ref'), 'the missing relationship end is located');
  assert(
    text.includes(S.intake.resultOf.replace('{{file}}', 'misp-event-1842.json')),
    'the result names the file',
  );
  await desk.getByTestId('intake-objects').getByText('203.0.113.45').waitFor();
  await shot(desk, 'misp-imported-1440');

  begin('the same bundle again adds nothing');
  await desk.locator('input[type=file]').setInputFiles(path.join(FIX, 'misp-event-1842.json'));
  await desk.getByTestId('intake-result').getByText(count(S.intake.unchanged, 11)).waitFor();
  assert((await desk.getByTestId('intake-result').innerText()).includes(count(S.intake.added, 0)), '0 added');

  begin('a grouping is named as analysts know it, over its STIX type');
  const grouping = {
    type: 'grouping',
    spec_version: '2.1',
    id: 'grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3',
    created: '2026-11-20T01:00:00.000Z',
    modified: '2026-11-20T01:00:00.000Z',
    name: '請求書メールの調査メモ',
    context: 'suspicious-activity',
    object_refs: ['indicator--1b9c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e'],
  };
  await desk.locator('input[type=file]').setInputFiles({
    name: 'grouping.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ type: 'bundle', id: 'bundle--2', objects: [grouping] })),
  });
  await desk.getByTestId('intake-result').getByText(count(S.intake.added, 1)).waitFor();
  await desk.getByRole('combobox', { name: S.intake.view, exact: true }).click();
  await desk.getByRole('option', { name: S.intake.reports, exact: true }).click();
  const groupingRow = desk.getByTestId('intake-objects').locator('tr', { hasText: '請求書メールの調査メモ' });
  const typeCell = (await groupingRow.getByTestId('stix-type').innerText()).split(/\n+/);
  assert(
    typeCell.join('|') === `${S.intake.stixType.grouping}|grouping`,
    `named, then the STIX type: ${typeCell.join('|')}`,
  );
  await desk.getByRole('combobox', { name: S.intake.view, exact: true }).click();
  await desk.getByRole('option', { name: S.intake.indicators, exact: true }).click();
  await desk.getByTestId('intake-objects').getByText('203.0.113.45').waitFor();

  begin('an OpenCTI export; filter by TLP');
  await desk.locator('input[type=file]').setInputFiles(path.join(FIX, 'opencti-report.json'));
  await desk.getByTestId('intake-result').getByText('OpenCTI', { exact: true }).waitFor();
  await desk.getByRole('combobox', { name: 'TLP', exact: true }).click();
  await desk.getByRole('option', { name: 'TLP:AMBER+STRICT', exact: true }).click();
  assert(
    await desk
      .getByRole('combobox', { name: 'TLP', exact: true })
      .evaluate((el) => el.value === 'TLP:AMBER+STRICT' && el.scrollWidth <= el.clientWidth + 1),
    'the chosen TLP:AMBER+STRICT shown whole in the filter',
  );
  // a Japanese line takes full-width brackets around its Japanese label
  await desk.getByText(`opencti-report.json（${S.intake.kind.upload}）`, { exact: false }).waitFor();
  await desk.getByTestId('intake-objects').getByText('9f86d081', { exact: false }).waitFor();
  assert(
    (await desk.getByTestId('intake-objects').locator('tbody tr').count()) === 1,
    'one AMBER+STRICT indicator',
  );
  // the object type in Japanese, and the TLP badge whole (it was cut to "TLP:AMBER+STRI…")
  await desk.getByTestId('intake-objects').getByText(S.intake.stixType.indicator, { exact: true }).waitFor();
  const badgeCut = await desk
    .getByTestId('intake-objects')
    .getByTestId('tlp-badge')
    .evaluateAll(
      (els) =>
        els.filter((el) => [...el.querySelectorAll('*')].some((c) => c.scrollWidth > c.clientWidth + 1))
          .length,
    );
  assert(badgeCut === 0, `TLP:AMBER+STRICT shown whole (${badgeCut} cut)`);

  begin('a broken bundle is refused with a located problem');
  await desk.locator('input[type=file]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [{ type: 'indicator' }] }),
    ),
  });
  const refused = desk.getByTestId('intake-refused');
  await refused.getByText('/objects/0/id').waitFor();
  // the refusal names the file the user chose, then the place inside it
  await refused.getByText(S.intake.refusedFile.replace('{{file}}', 'broken.json')).waitFor();
  const where = await refused.getByTestId('intake-location').first().innerText();
  assert(/^broken\.json\s+\/objects\/0\/id$/.test(where), `file, then JSON pointer: ${where}`);
  await shot(desk, 'intake-refused-1440');

  begin('the TAXII source form says in Japanese what is missing or wrong, next to the field');
  const P = S.sources.problem;
  await desk.getByRole('button', { name: S.sources.save }).click();
  await desk.getByText(P.required).first().waitFor();
  assert((await desk.getByText(P.required).count()) === 3, 'name, API root and collection marked required');
  await desk.getByLabel(label(S.sources.name)).fill('製造業 ISAC');
  await desk.getByLabel(label(S.sources.apiRoot)).fill('http://taxii.isac.example.jp/taxii2/root/');
  await desk.getByLabel(label(S.sources.collection)).fill('91a7b528-80eb-42ed-a74d-c6fbd5a26116');
  await desk.getByRole('button', { name: S.sources.save }).click();
  await desk.getByText(P.scheme).waitFor();
  assert(
    (await desk.getByLabel(label(S.sources.apiRoot)).getAttribute('aria-invalid')) === 'true',
    'the URL field is the one marked',
  );
  await shot(desk, 'sources-refused-1440');

  begin('add a TAXII source');
  await desk.getByLabel(label(S.sources.name)).fill('製造業 ISAC');
  await desk.getByLabel(label(S.sources.apiRoot)).fill('https://taxii.isac.example.jp/taxii2/root/');
  await desk.getByLabel(label(S.sources.collection)).fill('91a7b528-80eb-42ed-a74d-c6fbd5a26116');
  await desk.getByLabel(label(S.sources.token)).fill('secret-token-value');
  await desk.getByRole('button', { name: S.sources.save }).click();
  await desk.getByTestId('intake-sources').getByText('製造業 ISAC').waitFor();
  await desk.getByTestId('intake-source-auth').getByText(S.sources.secretStored, { exact: false }).waitFor();
  assert(
    !(await desk.getByTestId('intake-sources').innerText()).includes('secret-token-value'),
    'the token is never shown',
  );
  // the first pull cannot reach the (fictional) host: the error is explained in Japanese, not as a raw line
  const unreachable = S.sources.fetchError.network.replace('{{page}}', '1').split('（')[0];
  await until('the failed pull explained', async () => {
    await desk.reload();
    await desk.getByTestId('intake-sources').waitFor();
    const error = desk.getByTestId('intake-source-error');
    return (await error.count()) === 1 && (await error.innerText()).includes(unreachable);
  });
  // dates and bracketed ages move to the next line whole (the table split 2026年11月25日 after 月)
  const split = await splitAcrossLines(desk, '[data-nowrap], .mantine-Badge-label');
  assert(split.length === 0, `no date, age or badge broken across lines: ${split.join(' | ')}`);
  const age = new RegExp(`（${escapeRe(S.sources.minutesAgo).replace('\\{\\{count\\}\\}', '\\d+')}）$`);
  assert(
    age.test(await desk.getByTestId('intake-source-error').innerText()),
    'the age in full-width brackets',
  );
  await shot(desk, 'intake-1440');

  begin('on a phone');
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(label(ja.login.email)).fill(ADMIN.email);
  await phone.getByLabel(label(ja.login.password)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/overview$/);
  await phone.goto(`${base}/orgs/${orgId}/sharing?view=intake`);
  await phone.getByTestId('intake-objects').waitFor();
  await phone.getByTestId('intake-sources').waitFor();
  assert(await fits(phone), 'no sideways scrolling at 390 px');
  const splitOnPhone = await splitAcrossLines(phone, '[data-nowrap], .mantine-Badge-label');
  assert(splitOnPhone.length === 0, `nothing split at 390 px: ${splitOnPhone.join(' | ')}`);
  await shot(phone, 'intake-390');
});
