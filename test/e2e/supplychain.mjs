// Supplier registry in Chromium: the menu entry, a CSV with a mistake refused with its row and column,
// the corrected CSV of three suppliers imported through preview and commit, the list, a supplier's page
// with a ★3/★4 decision and an override that needs a note, the tier view; at 1440 px and 390 px.
import path from 'node:path';
import { assert, completeSetup, ja, ROOT, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-supplychain');
const SETUP_CODE = 'supplychain-setup-2468';
const ADMIN = { email: 'buyer@example.co.jp', name: '山田 太郎', password: 'Yamada-Taro-Passw0rd!' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const T = ja.supplychain;

/** A valid 法人番号 for 12 body digits (check digit in front). */
function cn(body) {
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(body[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return `${9 - (sum % 9)}${body}`;
}
const HEADER = '法人番号,名称,供給内容,重要度,契約開始日,担当者名,担当者メール';
const ROWS = [
  `${cn('000012050002')},アルファ部品,部品,高,2026-04-01,営業 一郎,ichiro@alpha.example.jp`,
  `${cn('010401000001')},ベータ情報サービス,ソフトウェア、データ取扱い,高,2025-10-01,佐藤 次郎,sato@beta.example.jp`,
  `${cn('011001000002')},ガンマ物流,サービス,低,,,`,
];
/** The chain graph's zoom, read from React Flow's viewport transform (0 until it is set). */
const zoomOf = (page) =>
  page
    .locator('.react-flow__viewport')
    .evaluate((el) => Number(/scale\(([\d.]+)\)/.exec(el.style.transform)?.[1] ?? 0));
const noSideScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
/** Opens the supplier's edit dialog: the imported contract start and a new end, each spelled under its field. */
async function editDates(page) {
  await page.getByRole('button', { name: T.detail.edit, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: T.form.titleEdit });
  await dialog.getByTestId('date-spelled').getByText('2025年10月1日', { exact: true }).waitFor();
  await dialog.getByLabel(T.form.contractEnd).fill('2027-09-30');
  await dialog.getByTestId('date-spelled').getByText('2027年9月30日', { exact: true }).waitFor();
  await until(
    'the dialog is fully drawn',
    async () => (await dialog.evaluate((el) => getComputedStyle(el).opacity)) === '1',
  );
  return dialog;
}
const csv = (rows) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);

await runScenario('supplychain', SHOTS, async ({ begin, shot, startServer, launchBrowser, newPage }) => {
  const base = await startServer({ setupCode: SETUP_CODE });
  await launchBrowser();
  const desk = await newPage('desk', DESKTOP);
  begin('setup');
  const orgId = await completeSetup(desk, base, {
    setupCode: SETUP_CODE,
    admin: ADMIN,
    org: { name: '信頼精機', kind: 'enterprise', size: 'large' },
  });

  begin('the supplier registry from the menu');
  const navbar = desk.getByRole('navigation', { name: ja.nav.label });
  await navbar.getByRole('link', { name: T.title, exact: true }).click();
  await desk.waitForURL(`${base}/orgs/${orgId}/suppliers`);
  await desk.getByRole('heading', { name: T.title }).waitFor();
  await shot(desk, 'suppliers-empty-1440');

  begin('a CSV with a mistake is refused with its row and column, nothing registered');
  await desk.getByRole('button', { name: T.importButton }).click();
  const dialog = desk.getByRole('dialog', { name: T.import.title });
  const broken = [ROWS[0], ROWS[1].replace('ソフトウェア、データ取扱い', 'ソフトウェア、なにか'), ROWS[2]];
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'suppliers.csv', mimeType: 'text/csv', buffer: csv(broken) });
  await dialog.getByRole('button', { name: T.import.preview }).click();
  const problems = dialog.getByTestId('import-problems');
  await problems.getByRole('alert').waitFor();
  assert((await problems.innerText()).includes('なにか'), 'the wrong value is named');
  assert(
    /\b3\b/.test(await problems.innerText()) && (await problems.innerText()).includes('C'),
    'row 3, column C',
  );
  await shot(desk, 'suppliers-import-problems-1440');

  begin('the corrected CSV: preview, then register three suppliers');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'suppliers.csv', mimeType: 'text/csv', buffer: csv(ROWS) });
  await dialog.getByRole('button', { name: T.import.preview }).click();
  const preview = dialog.getByTestId('import-preview');
  await preview.getByText(T.import.summary.replace('{{creates}}', '3').replace('{{merges}}', '0')).waitFor();
  await shot(desk, 'suppliers-import-preview-1440');
  await dialog.getByRole('button', { name: T.import.apply.replace('{{count}}', '3') }).click();
  await dialog.waitFor({ state: 'hidden' });
  const table = desk.getByRole('table', { name: T.tableLabel });
  await table.waitFor();
  assert((await table.getByRole('row').count()) === 4, 'three suppliers and a header');
  await desk.getByTestId('coverage').waitFor();
  await shot(desk, 'suppliers-list-1440');

  begin('filter by criticality');
  await desk.getByLabel(T.filterCriticality).selectOption('high');
  assert((await table.getByRole('row').count()) === 3, 'two high-criticality suppliers');
  await desk.getByLabel(T.filterCriticality).selectOption('');

  begin('★3/★4 decision with an override that needs a note');
  await table.getByRole('link', { name: 'ベータ情報サービス' }).click();
  await desk.getByRole('heading', { name: 'ベータ情報サービス' }).waitFor();
  const star = desk.getByTestId('star-panel');
  await star.getByText(T.star.result.replace('{{level}}', '3')).waitFor();
  await star.getByLabel(T.star.q.importantInfo).check();
  await star.getByText(T.star.result.replace('{{level}}', '4')).waitFor();
  await star.getByLabel(T.star.level).selectOption('3');
  await star.getByText(T.star.noteRequired).waitFor();
  assert(await star.getByRole('button', { name: T.star.decide }).isDisabled(), 'no override without a note');
  await star.getByLabel(T.star.note).fill('委託データは暗号化済みで鍵は当社保有のため');
  await star.getByRole('button', { name: T.star.decide }).click();
  await star.getByText(T.star.overridden).waitFor();
  await shot(desk, 'supplier-star-1440');
  const deskEdit = await editDates(desk);
  await shot(desk, 'supplier-edit-dates-1440');
  await deskEdit.getByRole('button', { name: T.form.cancel }).click();
  await deskEdit.waitFor({ state: 'detached' });

  begin('the same tier-2 company recorded behind two tier-1 suppliers');
  const common = cn('040001000005');
  for (const parent of ['ベータ情報サービス', 'アルファ部品']) {
    await desk.goto(`${base}/orgs/${orgId}/suppliers`);
    await desk.getByRole('table', { name: T.tableLabel }).getByRole('link', { name: parent }).click();
    await desk.getByRole('heading', { name: parent }).waitFor();
    await desk.getByRole('button', { name: T.detail.addChild }).click();
    const modal = desk.getByRole('dialog', { name: T.form.titleNew });
    await modal.getByLabel(T.form.name, { exact: false }).first().fill('共通基板工業');
    await modal.getByLabel(T.form.corporateNumber).fill(common);
    await modal.getByRole('button', { name: T.form.save }).click();
    await modal.waitFor({ state: 'hidden' });
    await desk.getByRole('link', { name: /共通基板工業/ }).waitFor();
  }

  begin('the chain graph: nodes drawn, a concentration marked, filters change the visible nodes');
  await desk.goto(`${base}/orgs/${orgId}/suppliers/chain`);
  await desk.getByRole('heading', { name: T.chainPage.title }).waitFor();
  const graph = desk.getByTestId('chain-graph');
  const nodes = graph.getByTestId('chain-node');
  await graph.getByText('ガンマ物流').waitFor();
  assert((await nodes.count()) === 6, 'the buyer, three tier-1 suppliers and the company behind two of them');
  assert(
    (await graph.locator('[data-testid="chain-node"][data-concentration="true"]').count()) === 2,
    'both nodes of the concentration marked',
  );
  await graph.locator('[data-concentration="true"]').first().getByText('×2').waitFor();
  const deskZoom = await until('the graph viewport', () => zoomOf(desk));
  assert(deskZoom >= 0.7 && deskZoom <= 1, `the whole chain fits legibly (zoom ${deskZoom})`);
  assert((await desk.getByTestId('chain-partial').count()) === 0, 'no partial-view hint when it all fits');
  for (const name of Object.values(T.chainPage.controls).slice(1))
    await graph.getByRole('button', { name }).waitFor();
  await shot(desk, 'suppliers-chain-graph-1440');
  await desk.getByLabel(T.filterCriticality).selectOption('high');
  await graph.getByText('ガンマ物流').waitFor({ state: 'detached' });
  const highCount = await nodes.count();
  assert(
    highCount > 1 && highCount < 6,
    `the high-criticality filter narrows the graph (${highCount} nodes)`,
  );
  await desk.getByLabel(T.filterCriticality).selectOption('');
  await desk.getByLabel(T.chainPage.scoreFilter).selectOption('high');
  await graph.getByText('アルファ部品').waitFor({ state: 'detached' });
  assert((await nodes.count()) === 1, 'no supplier scored 80 or more yet: only the buyer');
  await desk.getByLabel(T.chainPage.scoreFilter).selectOption('none');
  await graph.getByText('ガンマ物流').waitFor();
  assert((await nodes.count()) === 6, 'every supplier is unscored');
  await desk.getByLabel(T.chainPage.scoreFilter).selectOption('');

  begin('a node selected by keyboard shows its details');
  const alpha = graph.locator('.react-flow__node', { hasText: 'アルファ部品' });
  const details = desk.getByTestId('chain-details');
  // the filter reset above lays the graph out again (asynchronously) and may re-mount the node after it took
  // focus, so focus and Enter are repeated until the selection lands (it failed under load otherwise)
  await until('the node selected by keyboard', async () => {
    await alpha.focus();
    await desk.keyboard.press('Enter');
    return (await details.getByText('アルファ部品').count()) > 0;
  });
  await details.getByText(T.chainPage.scoreDetail, { exact: false }).waitFor();
  await details.getByRole('link', { name: T.chainPage.openSupplier }).waitFor();
  await shot(desk, 'suppliers-chain-graph-detail-1440');

  begin('the list view keeps the tree and highlights the concentration');
  await desk.getByText(T.chainPage.viewList, { exact: true }).click();
  await desk.getByRole('list', { name: T.chainPage.title }).getByText('ガンマ物流').waitFor();
  assert(
    (await desk.locator('[data-concentration="true"]').count()) === 2,
    'both records of the company highlighted',
  );
  await desk.getByText(T.chainPage.concentration.replace('{{count}}', '2')).first().waitFor();
  await shot(desk, 'suppliers-chain-1440');

  begin('phone');
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(new RegExp(`^${ja.login.email}`)).fill(ADMIN.email);
  await phone.getByLabel(new RegExp(`^${ja.login.password}`)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/overview$/);
  await phone.goto(`${base}/orgs/${orgId}/suppliers`);
  await phone.getByRole('heading', { name: T.title }).waitFor();
  await phone.getByRole('list', { name: T.tableLabel }).getByText('アルファ部品').waitFor();
  await shot(phone, 'suppliers-390');
  await phone.getByRole('link', { name: 'ベータ情報サービス' }).click();
  await phone.getByTestId('star-panel').getByText(T.star.overridden).waitFor();
  await shot(phone, 'supplier-390');
  const phoneEdit = await editDates(phone);
  assert(await noSideScroll(phone), 'supplier dialog: no sideways scrolling at 390 px');
  await shot(phone, 'supplier-edit-dates-390');
  await phoneEdit.getByRole('button', { name: T.form.cancel }).click();
  await phoneEdit.waitFor({ state: 'detached' });
  await phone.goto(`${base}/orgs/${orgId}/suppliers/chain`);
  // on a phone the chain opens as the list; the graph is one tap away
  await phone.getByRole('list', { name: T.chainPage.title }).getByText('ガンマ物流').waitFor();
  await shot(phone, 'suppliers-chain-390');
  await phone.getByText(T.chainPage.viewGraph, { exact: true }).click();
  await phone.getByTestId('chain-graph').getByText('ガンマ物流').waitFor();
  // too wide to fit legibly on a phone: the buyer's end at a readable size, with a hint (was fitted to ~0.35)
  await phone.getByTestId('chain-partial').waitFor();
  const phoneZoom = await until('the graph viewport', () => zoomOf(phone));
  assert(phoneZoom >= 0.7, `the phone graph is readable (zoom ${phoneZoom})`);
  await phone.getByRole('button', { name: T.chainPage.controls.fitView }).waitFor();
  // React Flow's credit under the graph, not its badge over the nodes (it covered them at 390 px)
  assert(
    (await phone.locator('.react-flow__attribution').count()) === 0,
    'no attribution badge in the canvas',
  );
  const graphBox = await phone.getByTestId('chain-graph').boundingBox();
  const creditBox = await phone.getByTestId('chain-credit').boundingBox();
  assert(
    creditBox && graphBox && creditBox.y >= graphBox.y + graphBox.height,
    'the credit sits under the graph',
  );
  await shot(phone, 'suppliers-chain-graph-390');
});
