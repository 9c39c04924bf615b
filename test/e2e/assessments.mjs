// End-to-end test of catalogs and assessments: import an .xlsx catalog through the UI (inspect → map →
// preview → apply), browse it, answer an assessment, see the results (radar chart), download .xlsx files,
// pre-fill through a mapping, and answer the built-in SME self-check with the keyboard on a phone. Items
// get an assignee, a due date and evidence files; submitting and approving are confirmed, and with the
// organization's four-eyes setting the submitter cannot approve.
// Run `npm run build --workspace @shinrai/web` first, then `node test/e2e/assessments.mjs`.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT, assert, completeSetup, en, ja, label, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-assessments');
const SETUP_CODE = 'e2e-assessments-setup-0815';
const ADMIN = { email: 'hyoka@example.co.jp', name: '評価 一郎', password: 'Genba-Tenken-Passw0rd!' };
const ORG = { name: '信頼精機', kind: 'supplier' };
const CATALOG_SLUG = 'e2e-genba-check';
const CATALOG_TITLE = { ja: '現場セキュリティ点検（E2E）', en: 'Shop-floor security check (E2E)' };
const ITEMS = [
  {
    ref: 'F-1',
    title: '制御用パソコンのパスワードを初期設定から変えていますか？',
    description: '初期パスワードのままの機器は、誰でも操作できてしまいます。',
    hint: '全ての制御用パソコンと機器の一覧を作り、初期パスワードを変更しましょう。',
  },
  {
    ref: 'F-2',
    title: 'USBメモリの持ち込みを制限していますか？',
    description: 'USBメモリはウイルスが入り込む主な経路の一つです。',
    hint: '許可したUSBメモリだけを使うルールを決め、保管場所を決めましょう。',
  },
  {
    ref: 'F-3',
    title: '生産設備のバックアップを定期的に取っていますか？',
    description: '設定やプログラムのバックアップがないと、故障や攻撃から戻せません。',
    hint: '月に一度、設定とプログラムをバックアップし、戻せるか試しましょう。',
  },
];

/** An .xlsx with one group and three items, Japanese headings, and a second sheet to pick from. */
async function makeWorkbook(file) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('点検表');
  ws.addRow(['番号', '親番号', '項目名', '説明', '対策のヒント']);
  ws.addRow(['G-1', '', '工場の基本対策', '現場で最初に確かめる3項目です。', '']);
  for (const item of ITEMS) ws.addRow([item.ref, 'G-1', item.title, item.description, item.hint]);
  wb.addWorksheet('メモ').addRow(['このシートは取り込みません']);
  await wb.xlsx.writeFile(file);
}

// A real 1×1 PNG and the start of a Windows program (refused as evidence).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

const noSideScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

await runScenario('e2e-assessments', SHOTS, async (ctx) => {
  const { log, begin, shot, startSmtp, startServer, launchBrowser, newPage } = ctx;
  begin('starting SMTP server and Shinrai server');
  const smtpPort = await startSmtp();
  const base = await startServer({ smtpPort, setupCode: SETUP_CODE });
  log(`server on ${base}`);
  const browser = await launchBrowser();
  const page = await newPage('desktop', { viewport: { width: 1440, height: 900 }, acceptDownloads: true });

  // 1. First-run setup
  begin('first-run setup');
  const orgId = await completeSetup(page, base, { setupCode: SETUP_CODE, admin: ADMIN, org: ORG });
  const orgBase = `${base}/orgs/${orgId}`;

  // 2. Catalog list, then the import page
  begin('catalog list');
  await page.getByRole('link', { name: ja.nav.catalogs }).click();
  await page.waitForURL(`${orgBase}/catalogs`);
  await page.getByRole('heading', { name: ja.catalogs.title }).waitFor();
  await page.getByRole('link', { name: '5分でできる！情報セキュリティ自社診断（Shinrai版）' }).waitFor();
  await shot(page, '01-catalogs');

  begin('import: inspect');
  const xlsx = path.join(SHOTS, 'genba-check.xlsx');
  await makeWorkbook(xlsx);
  await page.getByRole('link', { name: ja.catalogs.import }).click();
  await page.waitForURL(`${orgBase}/catalogs/import`);
  await page.locator('input[type="file"]').setInputFiles(xlsx);
  await page.getByRole('button', { name: ja.catalogImport.inspect }).click();
  const sample = page.getByRole('table', { name: ja.catalogImport.sample });
  await sample.getByRole('cell', { name: ITEMS[0].title }).waitFor();
  await page.getByText(ja.catalogImport.rowCount.replace('{{count}}', '4')).waitFor();
  assert(
    (await page.getByRole('combobox', { name: label(ja.catalogImport.sheet) }).inputValue()) === '点検表',
    'first sheet chosen',
  );
  await shot(page, '02-import-inspect');

  begin('import: map columns');
  await page.getByRole('button', { name: `${ja.catalogImport.stepMap} →` }).click();
  // ID, parent, title and description are recognised from their headings; the hint column is mapped here.
  assert(
    (await page.getByRole('combobox', { name: label(ja.catalogImport.fields.ref) }).inputValue()) ===
      'A: 番号',
    'ref column guessed',
  );
  await page.getByRole('combobox', { name: label(ja.catalogImport.fields.guidanceJa) }).click();
  await page.getByRole('option', { name: 'E: 対策のヒント', exact: true }).click();
  await page.getByLabel(label(ja.catalogImport.urn)).fill(CATALOG_SLUG);
  await page.getByLabel(label(ja.catalogImport.titleJa)).fill(CATALOG_TITLE.ja);
  await page.getByLabel(label(ja.catalogImport.titleEn)).fill(CATALOG_TITLE.en);
  await shot(page, '03-import-map');

  begin('import: preview');
  await page.getByRole('button', { name: ja.catalogImport.preview }).click();
  await page.getByTestId('import-item-count').waitFor();
  assert(
    (await page.getByTestId('import-item-count').textContent()) ===
      ja.catalogImport.itemCount.replace('{{count}}', '3'),
    'preview counts 3 items',
  );
  for (const ref of ['G-1', 'F-1', 'F-2', 'F-3'])
    await page.getByText(ref, { exact: true }).first().waitFor();
  // The preview names each new item beside its ID.
  const addedList = page.getByRole('list', { name: ja.catalogImport.added });
  for (const item of ITEMS) await addedList.getByText(item.title, { exact: true }).waitFor();
  await addedList.getByText('工場の基本対策', { exact: true }).waitFor();
  await shot(page, '04-import-preview');

  begin('import: apply');
  await page.getByRole('button', { name: ja.catalogImport.apply, exact: true }).click();
  await page.waitForURL(/\/catalogs\/(?!import)[^/]+$/);
  const catalogId = new URL(page.url()).pathname.split('/')[4];
  await page.getByRole('heading', { name: CATALOG_TITLE.ja }).waitFor();
  // The publisher of an imported catalog is the organization that imported it, not the catalog's name.
  const publisherLine = await page.getByText(`${ja.catalogs.publisher}:`).locator('xpath=..').textContent();
  assert(publisherLine?.includes(ORG.name), `publisher is the organization: ${publisherLine}`);
  assert(!publisherLine?.includes(CATALOG_TITLE.ja), 'publisher is not the catalog title');

  begin('catalog browser: search and details');
  const tree = page.getByRole('tree', { name: ja.catalogs.tree });
  await tree.getByText(ITEMS[1].title).waitFor();
  await page.getByLabel(ja.catalogs.search).fill('USB');
  await until('search filters the tree', async () => (await tree.getByText(ITEMS[0].title).count()) === 0);
  await tree.getByText(ITEMS[1].title).click();
  await page.getByText(ITEMS[1].hint).waitFor();
  // Items of an imported catalog are the organization's own, not "Shinrai独自".
  await page.getByText(ja.provenance.organization, { exact: true }).first().waitFor();
  assert(
    (await page.getByText(ja.provenance.own, { exact: true }).count()) === 0,
    'no "Shinrai独自" on imported items',
  );
  await page.getByText(ja.catalogs.answerOptions).waitFor();
  await page.getByLabel(ja.catalogs.search).fill('backup'); // English search finds nothing here…
  await page.getByText(ja.catalogs.noMatch).waitFor();
  await page.getByLabel(ja.catalogs.search).fill('f-3'); // …the ref does
  await tree.getByText(ITEMS[2].title).waitFor();
  await page.getByLabel(ja.catalogs.search).fill('');
  await tree.getByText(ITEMS[0].title).waitFor();
  await shot(page, '05-catalog-browser');

  begin('catalog download');
  const catalogDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: ja.catalogs.download }).click();
  const catalogFile = await catalogDownload;
  assert(
    catalogFile.suggestedFilename() === `${CATALOG_SLUG}-1.0.0.xlsx`,
    `catalog file name: ${catalogFile.suggestedFilename()}`,
  );
  const catalogBytes = await readFile(await catalogFile.path());
  assert(catalogBytes.subarray(0, 2).toString('latin1') === 'PK', 'catalog .xlsx is a zip');
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.load(catalogBytes);
  const metaRows = [];
  exported.getWorksheet('meta').eachRow((r) => metaRows.push([1, 2, 3, 4, 5].map((i) => r.getCell(i).text)));
  assert(
    metaRows.slice(1).every((r) => !/^\s*[[{"]/.test(r[3]) && !/^\s*[[{"]/.test(r[4])),
    'meta sheet values are readable, not JSON',
  );
  assert(
    metaRows.some((r) => r[1] === '発行元' && r[3] === ORG.name),
    `meta sheet names the publisher: ${JSON.stringify(metaRows)}`,
  );
  assert(exported.getWorksheet('meta_json')?.state === 'hidden', 'exact header kept in a hidden sheet');

  begin('import: located errors');
  const badCsv = path.join(SHOTS, 'broken.csv');
  await writeFile(badCsv, '番号,親番号,項目名\nB-1,,項目1\nB-1,,項目2\nB-2,ZZ,項目3\n');
  await page.goto(`${orgBase}/catalogs/import`);
  await page.locator('input[type="file"]').setInputFiles(badCsv);
  await page.getByRole('button', { name: ja.catalogImport.inspect }).click();
  await page.getByRole('table', { name: ja.catalogImport.sample }).waitFor();
  await page.getByRole('button', { name: `${ja.catalogImport.stepMap} →` }).click();
  await page.getByLabel(label(ja.catalogImport.urn)).fill('e2e-broken');
  await page.getByRole('button', { name: ja.catalogImport.preview }).click();
  const problems = page.getByRole('table', { name: ja.catalogImport.errorsTitle });
  await problems.getByRole('cell', { name: 'ID「B-1」が重複しています（2 行目と同じ）。' }).waitFor();
  await problems.getByRole('cell', { name: '親 ID「ZZ」が見つかりません。' }).waitFor();
  assert((await problems.getByRole('row').count()) === 3, 'two located problems');
  await shot(page, '05b-import-errors');
  await page.goto(`${orgBase}/catalogs/${catalogId}`);
  await page.getByRole('heading', { name: CATALOG_TITLE.ja }).waitFor();

  // 3. Start an assessment of it (from the catalog browser)
  begin('starting an assessment');
  await page.getByRole('link', { name: ja.catalogs.startAssessment }).click();
  const dialog = page.getByRole('dialog', { name: ja.assessments.dialogTitle });
  await until('catalog preselected', async () =>
    (await dialog.getByRole('combobox', { name: label(ja.assessments.catalog) }).inputValue()).startsWith(
      CATALOG_TITLE.ja,
    ),
  );
  await dialog.getByLabel(label(ja.assessments.name)).fill('第1工場 2025年度点検');
  await dialog.getByRole('combobox', { name: label(ja.assessments.scopeType) }).click();
  await page.getByRole('option', { name: ja.assessments.scopeTypes.site, exact: true }).click();
  await dialog.getByLabel(label(ja.assessments.scopeLabel)).fill('第1工場');
  await dialog.getByLabel(label(ja.assessments.dueDate)).fill('2025-12-26');
  await shot(page, '06-new-assessment');
  await dialog.getByRole('button', { name: ja.assessments.submit }).click();
  await page.waitForURL(/\/assessments\/[^/]+$/);
  const assessmentId = new URL(page.url()).pathname.split('/')[4];
  await page.getByRole('heading', { name: '第1工場 2025年度点検' }).waitFor();

  // 4. Answer the three items (autosave)
  begin('answering');
  const progress = (answered, items) =>
    ja.workspace.progress.replace('{{answered}}', answered).replace('{{items}}', items);
  await page.getByText(progress(0, 3)).waitFor();
  const choices = ['実施している', '一部実施している', '実施していない'];
  for (const [i, item] of ITEMS.entries()) {
    const card = page.getByRole('group', { name: `${item.ref} ${item.title}` });
    await card.getByRole('radio', { name: choices[i], exact: true }).check();
    await card.getByText(ja.workspace.saved).waitFor();
  }
  const first = page.getByRole('group', { name: `${ITEMS[0].ref} ${ITEMS[0].title}` });
  await first.getByRole('button', { name: ja.workspace.guidance }).click();
  await first.getByText(ITEMS[0].hint).waitFor();
  await first.getByRole('button', { name: ja.workspace.addComment }).click();
  await first.getByLabel(ja.workspace.comment).fill('第1ラインの2台は来月対応予定');
  await first.getByLabel(ja.workspace.comment).blur();
  await page.getByText(progress(3, 3)).waitFor();
  await shot(page, '07-workspace');

  // 5. Results: overall, band, radar canvas, items to fix
  begin('results');
  await page.getByRole('tab', { name: ja.workspace.resultsTab }).click();
  await page.waitForURL(`${orgBase}/assessments/${assessmentId}/results`);
  await page.locator('[data-testid="radar-chart"] canvas').waitFor();
  await page.locator('[data-testid="bar-chart"] canvas').waitFor();
  const fixList = page.getByRole('list', { name: ja.results.fixTitle });
  await fixList.getByText(ITEMS[2].title).waitFor();
  await fixList.getByText(ITEMS[1].title).waitFor();
  assert((await fixList.getByText(ITEMS[0].title).count()) === 0, 'fully done item is not listed');
  await page.waitForTimeout(500); // chart animation
  await shot(page, '08-results');

  begin('assessment download');
  const assessmentDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: ja.results.downloadAssessment }).click();
  const assessmentFile = await assessmentDownload;
  assert(
    // The download carries the assessment's title (UTF-8 name per RFC 6266).
    assessmentFile.suggestedFilename() === '第1工場 2025年度点検.xlsx',
    `assessment file name: ${assessmentFile.suggestedFilename()}`,
  );
  const assessmentBytes = await readFile(await assessmentFile.path());
  assert(assessmentBytes.subarray(0, 2).toString('latin1') === 'PK', 'assessment .xlsx is a zip');

  begin('results in English');
  await page.getByRole('radiogroup', { name: ja.language.label }).getByText(ja.language.en).click();
  await page.getByRole('tab', { name: en.workspace.resultsTab }).waitFor();
  await page.getByRole('heading', { name: en.results.fixTitle }).waitFor();
  await page.waitForTimeout(500);
  await shot(page, '09-results-en');
  await page.getByRole('tab', { name: en.workspace.answersTab }).click();
  await page.getByText(en.workspace.progress.replace('{{answered}}', 3).replace('{{items}}', 3)).waitFor();
  await shot(page, '10-workspace-en');
  await page.getByRole('radiogroup', { name: en.language.label }).getByText(en.language.ja).click();
  await page.getByRole('tab', { name: ja.workspace.answersTab }).waitFor();

  begin('answer conflict');
  // Someone else (a second tab) changes F-3 first; this tab still holds the older revision.
  const other = await page.context().newPage();
  await other.goto(`${orgBase}/assessments/${assessmentId}`);
  const otherCard = other.getByRole('group', { name: `${ITEMS[2].ref} ${ITEMS[2].title}` });
  await otherCard.getByRole('radio', { name: choices[0], exact: true }).check();
  await otherCard.getByText(ja.workspace.saved).waitFor();
  await other.close();
  const third = page.getByRole('group', { name: `${ITEMS[2].ref} ${ITEMS[2].title}` });
  await third.getByRole('radio', { name: '該当しない', exact: true }).check();
  await third.getByText(ja.workspace.conflictTitle).waitFor();
  await third.getByText(`${choices[0]}（`).waitFor(); // "新しい回答: 実施している（…）"
  await third.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, '10b-conflict.png') });
  await third.getByRole('button', { name: ja.workspace.keepMine }).click();
  await third.getByText(ja.workspace.saved).waitFor();
  assert(await third.getByRole('radio', { name: '該当しない', exact: true }).isChecked(), 'kept my answer');

  begin('assignee, due date and evidence of an item');
  const work = first.getByTestId('item-work');
  await work.getByRole('button', { name: ja.work.toggle }).click();
  await work.getByRole('combobox', { name: ja.work.assignee }).click();
  await page.getByRole('option', { name: ADMIN.name, exact: true }).click();
  await work.getByLabel(ja.work.dueDate).fill('2027-01-29');
  await work.getByLabel(ja.work.dueDate).blur();
  await first.getByText(ja.work.assigneeBadge.replace('{{name}}', ADMIN.name)).waitFor();
  await first.getByText(ja.workspace.saved).waitFor();
  await work.getByText(ja.work.limits).waitFor();
  const fileInput = work.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: '点検記録.png', mimeType: 'image/png', buffer: PNG });
  await work.getByRole('link', { name: '点検記録.png' }).waitFor();
  await fileInput.setInputFiles({
    name: 'メモ.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('来月対応'),
  });
  await work.getByRole('link', { name: 'メモ.txt' }).waitFor();
  await first.getByText(ja.work.evidenceBadge.replace('{{count}}', '2')).waitFor();
  // Refused files say why, in Japanese: too large (checked before sending) and a type not taken.
  await fileInput.setInputFiles({
    name: '大きな動画.mp4',
    mimeType: 'video/mp4',
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
  });
  await work.getByText(ja.work.tooLarge.split('（')[0]).waitFor();
  await fileInput.setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: EXE });
  await work.getByText(ja.work.badType).waitFor();
  const evidenceDownload = page.waitForEvent('download');
  await work.getByRole('link', { name: '点検記録.png' }).click();
  const evidenceFile = await evidenceDownload;
  assert((await readFile(await evidenceFile.path())).equals(PNG), 'evidence downloads byte for byte');
  await work.getByRole('button', { name: ja.work.deleteNamed.replace('{{name}}', 'メモ.txt') }).click();
  const deleteDialog = page.getByRole('dialog', { name: ja.work.deleteTitle });
  await deleteDialog.getByText(ja.work.deleteConfirm.replace('{{name}}', 'メモ.txt')).waitFor();
  await deleteDialog.getByRole('button', { name: ja.work.delete }).click();
  await until(
    'evidence deleted',
    async () => (await work.getByRole('link', { name: 'メモ.txt' }).count()) === 0,
  );
  await first.getByText(ja.work.evidenceBadge.replace('{{count}}', '1')).waitFor();
  await shot(page, '10c-item-work-1440');

  begin('item work at 390 px');
  const narrow = await newPage('phone-390', {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    storageState: await page.context().storageState(),
  });
  await narrow.goto(`${orgBase}/assessments/${assessmentId}`);
  const narrowFirst = narrow.getByRole('group', { name: `${ITEMS[0].ref} ${ITEMS[0].title}` });
  await narrowFirst.getByText(ja.work.assigneeBadge.replace('{{name}}', ADMIN.name)).waitFor();
  await narrowFirst.getByText(ja.work.dueBadge.replace('{{date}}', '2027年1月29日')).waitFor();
  await narrowFirst.getByRole('button', { name: ja.work.toggle }).click();
  await narrowFirst.getByRole('link', { name: '点検記録.png' }).waitFor();
  assert(await noSideScroll(narrow), 'item work has no sideways scrolling at 390 px');
  await shot(narrow, '10d-item-work-390');

  begin('import preview and publisher at 390 px');
  await narrow.goto(`${orgBase}/catalogs/import`);
  await narrow.locator('input[type="file"]').setInputFiles(xlsx);
  await narrow.getByRole('button', { name: ja.catalogImport.inspect }).click();
  await narrow.getByRole('table', { name: ja.catalogImport.sample }).waitFor();
  await narrow.getByRole('button', { name: `${ja.catalogImport.stepMap} →` }).click();
  await narrow.getByLabel(label(ja.catalogImport.urn)).fill(`${CATALOG_SLUG}-phone`);
  await narrow.getByLabel(label(ja.catalogImport.titleJa)).fill(CATALOG_TITLE.ja);
  await narrow.getByLabel(label(ja.catalogImport.titleEn)).fill(CATALOG_TITLE.en);
  await narrow.getByRole('button', { name: ja.catalogImport.preview }).click();
  const narrowAdded = narrow.getByRole('list', { name: ja.catalogImport.added });
  for (const item of ITEMS) await narrowAdded.getByText(item.title, { exact: true }).waitFor();
  assert(await noSideScroll(narrow), 'import preview has no sideways scrolling at 390 px');
  await shot(narrow, '10j-import-preview-390');
  await narrow.goto(`${orgBase}/catalogs/${catalogId}`);
  await narrow.getByRole('heading', { name: CATALOG_TITLE.ja }).waitFor();
  const narrowPublisher = await narrow
    .getByText(`${ja.catalogs.publisher}:`)
    .locator('xpath=..')
    .textContent();
  assert(narrowPublisher?.includes(ORG.name), `publisher at 390 px: ${narrowPublisher}`);
  await shot(narrow, '10k-catalog-publisher-390');

  begin('submitting for review (confirmed)');
  await page.getByRole('button', { name: ja.workspace.submit }).click();
  const submitDialog = page.getByRole('dialog', { name: ja.review.title.in_review });
  await submitDialog.getByText(/3 項目に回答済み/).waitFor();
  await submitDialog.getByRole('button', { name: ja.workspace.submit }).click();
  await page
    .getByText(ja.workspace.readOnlyStatus.replace('{{status}}', ja.assessments.statuses.in_review))
    .waitFor();
  assert(
    (await work.getByRole('button', { name: ja.work.upload }).count()) === 0,
    'no upload once submitted',
  );

  begin('four-eyes review');
  await page.goto(`${orgBase}/assessments`);
  const fourEyes = page.getByRole('switch', { name: ja.settings.fourEyes });
  await until('review settings loaded', () => fourEyes.isEnabled());
  await fourEyes.click({ force: true }); // the switch follows the saved setting, once the server answers
  await until('four-eyes on', () => fourEyes.isChecked());
  await page.getByText(ja.settings.saved).first().waitFor();
  await shot(page, '10e-review-settings-1440');
  await page.goto(`${orgBase}/assessments/${assessmentId}`);
  await page.getByTestId('four-eyes-hint').waitFor();
  assert(
    await page.getByRole('button', { name: ja.workspace.approve }).isDisabled(),
    'the submitter cannot approve with four-eyes on',
  );
  await shot(page, '10f-four-eyes-1440');
  await narrow.goto(`${orgBase}/assessments/${assessmentId}`);
  await narrow.getByTestId('four-eyes-hint').waitFor();
  assert(await noSideScroll(narrow), 'four-eyes hint has no sideways scrolling at 390 px');
  await shot(narrow, '10g-four-eyes-390');
  await narrow.goto(`${orgBase}/assessments`);
  const narrowSwitch = narrow.getByRole('switch', { name: ja.settings.fourEyes });
  await until(
    'review settings loaded at 390 px',
    async () => (await narrowSwitch.isEnabled()) && (await narrowSwitch.isChecked()),
  );
  await narrowSwitch.click({ force: true });
  await until('four-eyes off', async () => !(await narrowSwitch.isChecked()));
  await narrow.getByText(ja.settings.saved).first().waitFor();
  assert(await noSideScroll(narrow), 'review settings have no sideways scrolling at 390 px');
  await shot(narrow, '10h-review-settings-390');
  await page.reload();
  await page.getByRole('button', { name: ja.workspace.approve }).click();
  const approveDialog = page.getByRole('dialog', { name: ja.review.title.approved });
  await approveDialog.getByText(ja.review.approveSelf, { exact: false }).waitFor();
  await shot(page, '10i-approve-confirm-1440');
  await approveDialog.getByRole('button', { name: ja.workspace.approve }).click();
  await page
    .getByText(ja.workspace.readOnlyStatus.replace('{{status}}', ja.assessments.statuses.approved))
    .waitFor();
  assert(
    await first.getByRole('radio', { name: choices[0], exact: true }).isDisabled(),
    'answers are read-only in review',
  );

  // 6. SME self-check on a phone, answered with the keyboard
  begin('SME self-check on a phone');
  const phone = await newPage('phone', {
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    storageState: await page.context().storageState(),
  });
  await phone.goto(`${orgBase}/assessments`);
  await phone.getByRole('heading', { name: ja.assessments.title }).waitFor();
  await phone.getByRole('list', { name: ja.assessments.title }).getByText('第1工場 2025年度点検').waitFor();
  await phone.getByRole('button', { name: ja.assessments.new }).click();
  const phoneDialog = phone.getByRole('dialog', { name: ja.assessments.dialogTitle });
  await phoneDialog.getByRole('combobox', { name: label(ja.assessments.catalog) }).click();
  await phone
    .getByRole('option', { name: '5分でできる！情報セキュリティ自社診断（Shinrai版）（1.1.0）' })
    .click();
  await until(
    'title proposed from the catalog',
    async () => (await phoneDialog.getByLabel(label(ja.assessments.name)).inputValue()).length > 0,
  );
  await phoneDialog.getByLabel(label(ja.assessments.name)).fill('自社診断 2025');
  await shot(phone, '11-phone-new-assessment');
  await phoneDialog.getByRole('button', { name: ja.assessments.submit }).click();
  await phone.waitForURL(/\/assessments\/[^/]+$/);
  const smeId = new URL(phone.url()).pathname.split('/')[4];
  await phone.getByText(progress(0, 25)).waitFor();

  begin('keyboard answering');
  const smeItem = (ref) => phone.locator(`[data-item-ref="${ref}"]`);
  await smeItem('1').focus();
  await phone.keyboard.press('1'); // 実施している
  await phone.keyboard.press('j');
  await until('item 2 focused', () => smeItem('2').evaluate((el) => el === document.activeElement));
  await phone.keyboard.press('3'); // 実施していない
  await phone.keyboard.press('ArrowDown');
  await phone.keyboard.press('4'); // わからない
  await phone.keyboard.press('k');
  await until('item 2 focused again', () => smeItem('2').evaluate((el) => el === document.activeElement));
  await phone.keyboard.press('2'); // change item 2 to 一部実施している
  await until('item 2 partly', () =>
    smeItem('2').getByRole('radio', { name: '一部実施している', exact: true }).isChecked(),
  );
  assert(
    await smeItem('1').getByRole('radio', { name: '実施している', exact: true }).isChecked(),
    'item 1 answered',
  );
  assert(
    await smeItem('3').getByRole('radio', { name: 'わからない', exact: true }).isChecked(),
    'item 3 answered',
  );
  await phone.getByText(progress(3, 25)).waitFor();
  await until('item 2 saved', async () => (await smeItem('2').getByText(ja.workspace.saved).count()) === 1);
  assert(await noSideScroll(phone), 'workspace has no sideways scrolling at 375 px');
  await smeItem('2').scrollIntoViewIfNeeded();
  await phone.screenshot({ path: path.join(SHOTS, '12-phone-keyboard.png') });

  begin('phone results');
  await phone.getByRole('tab', { name: ja.workspace.resultsTab }).click();
  await phone.locator('[data-testid="radar-chart"] canvas').waitFor();
  await phone.getByText('49点以下：すぐに対策が必要です').waitFor();
  await phone.waitForTimeout(500);
  assert(await noSideScroll(phone), 'results have no sideways scrolling at 375 px');
  await shot(phone, '13-phone-results');

  begin('phone catalog browser and import page');
  await phone.goto(`${orgBase}/catalogs/${catalogId}`);
  await phone.getByRole('tree', { name: ja.catalogs.tree }).getByText(ITEMS[0].title).click();
  await phone.getByText(ITEMS[0].hint).waitFor();
  assert(await noSideScroll(phone), 'catalog browser has no sideways scrolling at 375 px');
  await shot(phone, '14-phone-catalog');
  await phone.goto(`${orgBase}/catalogs/import`);
  await phone.locator('input[type="file"]').setInputFiles(xlsx);
  await phone.getByRole('button', { name: ja.catalogImport.inspect }).click();
  await phone.getByRole('table', { name: ja.catalogImport.sample }).waitFor();
  assert(await noSideScroll(phone), 'import page has no sideways scrolling at 375 px');
  await shot(phone, '15-phone-import');

  // 7. Pre-fill the five rules from the SME self-check through the built-in mapping
  begin('pre-fill');
  await page.goto(`${orgBase}/assessments`);
  await page.getByRole('button', { name: ja.assessments.new }).click();
  await dialog.getByRole('combobox', { name: label(ja.assessments.catalog) }).click();
  await page.getByRole('option', { name: '情報セキュリティ5か条（1.0.0）' }).click();
  await dialog.getByRole('button', { name: ja.assessments.submit }).click();
  await page.waitForURL(/\/assessments\/[^/]+$/);
  await page.getByRole('button', { name: ja.prefill.button }).click();
  const prefill = page.getByRole('dialog', { name: ja.prefill.title });
  await prefill.getByRole('combobox', { name: label(ja.prefill.source) }).click();
  await page.getByRole('option', { name: /^自社診断 2025/ }).click();
  await prefill.getByRole('button', { name: ja.prefill.preview }).click();
  const proposals = prefill.getByRole('table', { name: ja.prefill.title });
  await proposals.getByRole('row').nth(1).waitFor();
  const rows = await proposals.getByRole('row').count();
  assert(rows - 1 === 2, `two proposals (items 1 and 2 are answered with points; got ${rows - 1})`);
  await shot(page, '16-prefill-preview');
  await prefill.getByRole('button', { name: ja.prefill.apply }).click();
  await page.getByText(ja.prefill.applied.replace('{{count}}', '2')).waitFor();
  await page.getByText(progress(2, 5)).waitFor();
  await shot(page, '17-prefill-applied');
  void smeId;
  void browser;
});
