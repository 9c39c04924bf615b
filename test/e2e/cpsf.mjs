// End-to-end test of the CPSF model pages on a desktop (1440×900) and a phone (390×844): first-run
// setup → a new model → in the editor an organization (layer 1), an IoT device (layer 2) and a data
// element (layer 3), connected by a contract and a data flow → a system dragged from layer 3 into layer 2
// (its layer changes) and deleted → the device rated life/safety Lv3 → High-Advanced with its
// requirements → one requirement marked implemented → the heat map shows one gap less; checks, gaps and
// plan, import/export and the table view on a phone (no sideways scrolling). Also: saving is automatic and
// says so (保存中… → 保存済み HH:MM, the element count at once, the element still there after a reload);
// the toolbar covers no lane title, the minimap hides while the element panel is open, names and
// connection labels are not clipped; the PNG export draws the labels white, not as black boxes (decoded
// in the browser); the building wizard starts from counts suggested by the building's size and opens
// automatically laid out (no overlaps, every element inside its lane), and 自動レイアウト does the same.
// Screenshots go to test-results/e2e-cpsf/. Run `npm run build --workspace @shinrai/web` first, then
// `node test/e2e/cpsf.mjs`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, assert, completeSetup, ja, label, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-cpsf');
const SETUP_CODE = 'e2e-cpsf-setup-1357';
const ADMIN = { email: 'cpsf@example.co.jp', name: '佐藤 花子', password: 'Sato-Hanako-Passw0rd!' };
const ORG = { name: '信頼精機', kind: 'supplier' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const noSideScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

await runScenario('e2e-cpsf', SHOTS, async (ctx) => {
  const { log, begin, startServer, launchBrowser, newPage } = ctx;
  const shot = async (page, file) => {
    // notification toasts would cover the canvas
    await page
      .locator('.mantine-Notification-root')
      .first()
      .waitFor({ state: 'detached', timeout: 6000 })
      .catch(() => undefined);
    await ctx.shot(page, file);
  };
  begin('starting the Shinrai server');
  const base = await startServer({ setupCode: SETUP_CODE });
  log(`server on ${base}`);
  await launchBrowser();
  const desk = await newPage('desktop', { ...DESKTOP, acceptDownloads: true });

  begin('first-run setup');
  const orgId = await completeSetup(desk, base, { setupCode: SETUP_CODE, admin: ADMIN, org: ORG });

  begin('creating a model');
  await desk.getByRole('link', { name: ja.nav.cpsf, exact: true }).click();
  await desk.getByRole('heading', { name: ja.cpsf.models.title }).waitFor();
  await desk.getByText(ja.cpsf.models.empty).waitFor();
  await desk.getByRole('button', { name: ja.cpsf.models.new }).click();
  const dialog = desk.getByRole('dialog', { name: ja.cpsf.models.new });
  await dialog.getByLabel(label(ja.cpsf.models.name)).fill('本社工場の生産ライン');
  await dialog.getByLabel(label(ja.cpsf.models.scopeLabel)).fill('本社工場');
  await dialog.getByRole('button', { name: ja.cpsf.models.create }).click();
  await desk.waitForURL(/\/cpsf\/[^/?]+$/);
  await desk.getByRole('heading', { name: '本社工場の生産ライン' }).waitFor();
  await desk.getByTestId('cpsf-lane-1').waitFor();

  const panel = desk.getByRole('region', { name: ja.cpsf.panel.label });
  const saveState = desk.getByTestId('cpsf-save-state');
  const saved = () => until('saved', async () => (await saveState.getAttribute('data-state')) === 'saved');
  const savedText = new RegExp(`^${ja.cpsf.save.savedAt.replace('{{time}}', '\\d{2}:\\d{2}')}$`);
  const node = (id) => desk.locator(`.react-flow__node[data-id="${id}"]`);
  const panelId = async () =>
    (await panel.count()) ? ((await panel.getByText(/^ID: /).textContent()) ?? '').replace('ID: ', '') : '';
  const add = async (component, name) => {
    const before = await panelId();
    await desk
      .getByRole('button', {
        name: ja.cpsf.editor.add.replace('{{component}}', ja.cpsf.components[component]),
      })
      .click();
    const id = await until('new element selected', async () => {
      const now = await panelId();
      return now && now !== before ? now : undefined;
    });
    await panel.getByLabel(label(ja.cpsf.attributes.name)).fill(name);
    await node(id).getByText(name).waitFor();
    return id;
  };

  begin('the toolbar covers no lane title');
  const toolbar = await desk.getByTestId('cpsf-toolbar').boundingBox();
  const laneTitle = await desk.getByTestId('cpsf-lane-1').getByText(ja.cpsf.layers['1']).boundingBox();
  assert(
    toolbar.y + toolbar.height <= laneTitle.y || laneTitle.y + laneTitle.height <= toolbar.y,
    'the palette does not overlap the 第1層 title',
  );

  begin('adding an organization, an IoT device and a data element');
  const orgEl = await add('organization', '取引先 信頼自動車');
  // the header counts it at once, and says that saving is under way or done (never "unsaved")
  await until('header count 1', async () =>
    ((await desk.getByTestId('cpsf-summary').textContent()) ?? '').startsWith(
      ja.cpsf.model.summary.split('{{')[0] + '1',
    ),
  );
  assert(
    ['dirty', 'saving', 'saved'].includes(await saveState.getAttribute('data-state')),
    'save state after a change',
  );
  assert(
    [ja.cpsf.save.saving].includes(await saveState.textContent()) ||
      savedText.test(await saveState.textContent()),
    `save state text (${await saveState.textContent()})`,
  );
  const device = await add('thing', '温度センサー');
  const data = await add('data', '生産実績データ');
  const fit = async () => {
    await desk.locator('.react-flow__controls-fitview').click();
    await desk.waitForTimeout(400);
  };
  await fit();
  for (const [id, layer] of [
    [orgEl, '1'],
    [device, '2'],
    [data, '3'],
  ])
    assert(
      (await node(id).getByTestId('cpsf-node').getAttribute('data-layer')) === layer,
      `${id} on layer ${layer}`,
    );
  await saved();
  assert(
    savedText.test(await saveState.textContent()),
    `saved with its time (${await saveState.textContent()})`,
  );
  // the minimap would cover nodes beside the panel: hidden while an element is open
  assert((await desk.locator('.react-flow__minimap').count()) === 0, 'no minimap beside the panel');
  begin('a reload shows what the page said was saved');
  await desk.reload();
  await node(data).getByText('生産実績データ').waitFor();
  await saved();
  assert((await desk.locator('.react-flow__minimap').count()) === 1, 'minimap without the panel');

  begin('connecting the elements');
  const connect = async (from, to, kind) => {
    const source = await node(from).locator('.react-flow__handle.source').boundingBox();
    const target = await node(to).locator('.react-flow__handle.target').boundingBox();
    await desk.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await desk.mouse.down();
    await desk.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
    await desk.mouse.up();
    const kindDialog = desk.getByRole('dialog', { name: ja.cpsf.editor.edgeKind });
    await kindDialog.getByLabel(ja.cpsf.edgeKinds[kind], { exact: true }).check();
    await kindDialog.getByRole('button', { name: ja.cpsf.editor.connect }).click();
    await kindDialog.waitFor({ state: 'hidden' });
  };
  await fit();
  await connect(orgEl, device, 'contract');
  await connect(device, data, 'data_flow');
  await until('two edges', async () => (await desk.locator('.react-flow__edge').count()) === 2);
  const edgeLabels = desk.getByTestId('cpsf-edge-label');
  await edgeLabels.filter({ hasText: ja.cpsf.edgeKinds.contract }).waitFor();
  await saved();

  begin('names and connection labels are not clipped');
  const clipped = await desk.evaluate(() =>
    [...document.querySelectorAll('[data-testid="cpsf-node-name"], [data-testid="cpsf-edge-label"]')]
      .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  );
  assert(clipped.length === 0, `clipped texts: ${clipped.join(', ')}`);

  begin('the PNG export draws the connection labels, not black boxes');
  const [download] = await Promise.all([
    desk.waitForEvent('download'),
    desk.getByRole('button', { name: ja.cpsf.editor.png }).click(),
  ]);
  const pngPath = path.join(SHOTS, '01b-export.png');
  await download.saveAs(pngPath);
  const png = (await readFile(pngPath)).toString('base64');
  // decoded by the browser: the share of dark pixels, and the largest all-dark block (a black label box
  // is a solid block; text strokes never are)
  const pixels = await desk.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    const w = img.width;
    const h = img.height;
    const dark = new Uint8Array(w * h);
    let darkCount = 0;
    let inked = 0;
    for (let i = 0; i < w * h; i++) {
      const [r, g, bl] = [data[i * 4], data[i * 4 + 1], data[i * 4 + 2]];
      if (r < 60 && g < 60 && bl < 60) {
        dark[i] = 1;
        darkCount++;
      }
      if (r < 235 || g < 235 || bl < 235) inked++;
    }
    // runs of dark pixels 14 wide, stacked 6 high = a solid block
    const run = new Uint16Array(w * h);
    let block = false;
    for (let y = 0; y < h && !block; y++)
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        run[i] = dark[i] ? (x > 0 ? run[i - 1] : 0) + 1 : 0;
      }
    for (let x = 0; x < w && !block; x++) {
      let stack = 0;
      for (let y = 0; y < h; y++) {
        stack = run[y * w + x] >= 14 ? stack + 1 : 0;
        if (stack >= 6) {
          block = true;
          break;
        }
      }
    }
    return { w, h, dark: darkCount / (w * h), inked: inked / (w * h), block };
  }, png);
  log(
    `PNG ${pixels.w}×${pixels.h}: ${(pixels.dark * 100).toFixed(2)}% dark, ${(pixels.inked * 100).toFixed(1)}% drawn`,
  );
  assert(pixels.inked > 0.05, 'the PNG shows the model');
  assert(!pixels.block, 'no solid black box in the PNG (edge labels are drawn white)');
  assert(pixels.dark < 0.02, `the PNG is not dark (${pixels.dark})`);

  begin('dragging a system from layer 3 into layer 2, then deleting it');
  const system = await add('system', '生産管理システム');
  assert(
    (await node(system).getByTestId('cpsf-node').getAttribute('data-layer')) === '3',
    'system on layer 3',
  );
  await fit();
  const box = await node(system).boundingBox();
  const lane2 = await desk.getByTestId('cpsf-lane-2').boundingBox();
  await desk.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await desk.mouse.down();
  await desk.mouse.move(box.x + box.width / 2 + 40, lane2.y + lane2.height / 2, { steps: 15 });
  await desk.mouse.up();
  await until(
    'system moved to layer 2',
    async () => (await node(system).getByTestId('cpsf-node').getAttribute('data-layer')) === '2',
  );
  await shot(desk, '01-editor-1440');
  await panel.getByRole('button', { name: ja.cpsf.attributes.delete }).click();
  await until('system deleted', async () => (await node(system).count()) === 0);
  await saved();

  begin('rating the device life/safety Lv3');
  await node(device).click();
  await panel.getByRole('tab', { name: ja.cpsf.panel.categorization }).click();
  await panel.getByText(ja.cpsf.categorization.source).waitFor();
  await panel
    .getByRole('radio', { name: `${ja.cpsf.viewpoints.life_safety} ${ja.cpsf.impactLevels['3']}` })
    .check();
  await saved();
  const level = panel.getByTestId('cpsf-level');
  await level.getByText(ja.cpsf.measureLevels.high_advanced, { exact: true }).waitFor();
  await until(
    'node badge High-Advanced',
    async () =>
      (await node(device).getByTestId('cpsf-node-level').textContent()) ===
      ja.cpsf.measureLevels.high_advanced,
  );
  await shot(desk, '02-categorization-1440');

  begin('the heat map before');
  await desk.getByRole('tab', { name: ja.cpsf.tabs.heatmap }).click();
  const cell = desk.getByTestId('heat-2-thing');
  await cell.waitFor();
  const gapsBefore = Number(await cell.getAttribute('data-gaps'));
  assert(gapsBefore > 0, `layer 2 things have open requirements (${gapsBefore})`);

  begin('the device requirements; one marked implemented');
  await desk.getByRole('tab', { name: ja.cpsf.tabs.editor }).click();
  await node(device).click();
  await panel.getByRole('tab', { name: ja.cpsf.panel.requirements }).click();
  const requirements = panel.getByTestId('cpsf-requirement');
  await requirements.first().waitFor();
  const count = await requirements.count();
  const ref = await requirements.first().getAttribute('data-ref');
  log(`${count} requirements, first ${ref}`);
  await panel.getByRole('combobox', { name: ja.cpsf.requirements.status.replace('{{ref}}', ref) }).click();
  await desk.getByRole('option', { name: ja.cpsf.statuses.implemented, exact: true }).click();
  await shot(desk, '03-requirements-1440');

  begin('the heat map after');
  await desk.getByRole('tab', { name: ja.cpsf.tabs.heatmap }).click();
  await until(
    'one gap less',
    async () => Number(await desk.getByTestId('heat-2-thing').getAttribute('data-gaps')) === gapsBefore - 1,
  );
  await shot(desk, '04-heatmap-1440');

  begin('checks, requirement finder, gaps and plan, files');
  await desk.getByRole('tab', { name: new RegExp(`^${ja.cpsf.tabs.checks}`) }).click();
  await shot(desk, '05-checks-1440');
  await desk.getByRole('tab', { name: ja.cpsf.tabs.requirements }).click();
  await desk.getByRole('combobox', { name: ja.cpsf.finder.pick }).click();
  await desk.getByRole('option').first().click();
  await shot(desk, '06-finder-1440');
  await desk.getByRole('tab', { name: ja.cpsf.tabs.gaps }).click();
  const gaps = desk.getByTestId('cpsf-gap');
  await gaps.first().waitFor();
  await gaps.first().getByRole('button', { name: ja.cpsf.gaps.plan }).click();
  const planDialog = desk.getByRole('dialog', { name: ja.cpsf.gaps.planTitle });
  await planDialog.getByLabel(ja.cpsf.gaps.owner).fill('製造部 田中');
  await planDialog.getByLabel(ja.cpsf.gaps.dueDate).fill('2026-03-31');
  await planDialog.getByLabel(ja.cpsf.gaps.cost).fill('1200000');
  await planDialog.getByRole('button', { name: ja.common.save }).click();
  await planDialog.waitFor({ state: 'hidden' });
  await gaps.first().getByText('製造部 田中', { exact: false }).waitFor();
  await gaps.first().getByText('1,200,000', { exact: false }).waitFor();
  // Filter to the planned ones: one row, and the count says "of".
  const totalGaps = await desk.getByTestId('cpsf-gap-count').textContent();
  await desk.getByLabel(ja.cpsf.gaps.planFilter, { exact: true }).selectOption('planned');
  await until('one planned gap', async () => (await gaps.count()) === 1);
  const filtered = await desk.getByTestId('cpsf-gap-count').textContent();
  assert(filtered !== totalGaps && filtered.includes('1'), `filtered count (${filtered})`);
  await shot(desk, '07a-gaps-filtered-1440');
  await desk.getByLabel(ja.cpsf.gaps.planFilter, { exact: true }).selectOption('all');
  await shot(desk, '07-gaps-1440');
  await desk.getByRole('tab', { name: ja.cpsf.tabs.files }).click();
  const json = await desk.request.get(
    `${base}/api/orgs/${orgId}/cpsf/models/${new URL(desk.url()).pathname.split('/')[4]}/export?format=json`,
  );
  assert(json.ok(), `JSON export ${json.status()}`);
  await shot(desk, '08-files-1440');

  const modelUrl = desk.url().split('?')[0];

  /** Every element node inside its lane, and no two overlapping (screen boxes). */
  const checkLayout = async (page) =>
    page.evaluate(() => {
      const lanes = Object.fromEntries(
        [1, 2, 3].map((l) => [
          l,
          document.querySelector(`[data-testid="cpsf-lane-${l}"]`).getBoundingClientRect(),
        ]),
      );
      const nodes = [...document.querySelectorAll('[data-testid="cpsf-node"]')].map((n) => ({
        id: n.getAttribute('data-element-id'),
        layer: n.getAttribute('data-layer'),
        r: n.getBoundingClientRect(),
      }));
      const problems = [];
      for (const n of nodes) {
        const lane = lanes[n.layer];
        if (n.r.top < lane.top - 0.5 || n.r.bottom > lane.bottom + 0.5)
          problems.push(`${n.id} outside lane ${n.layer}`);
      }
      for (let i = 0; i < nodes.length; i++)
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i].r;
          const b = nodes[j].r;
          if (
            a.left < b.right - 0.5 &&
            b.left < a.right - 0.5 &&
            a.top < b.bottom - 0.5 &&
            b.top < a.bottom - 0.5
          )
            problems.push(`${nodes[i].id} overlaps ${nodes[j].id}`);
        }
      return { count: nodes.length, problems };
    });

  begin('the building wizard: counts from the building size, laid out automatically');
  await desk.goto(`${base}/orgs/${orgId}/cpsf`);
  await desk.getByRole('button', { name: ja.cpsf.building.open }).click();
  const wizard = desk.getByRole('dialog', { name: ja.cpsf.building.title });
  await wizard.getByLabel(label(ja.cpsf.building.buildingName)).fill('本社ビル');
  await wizard.getByLabel(label(ja.cpsf.building.ownerName)).fill('信頼精機');
  await wizard.getByLabel(ja.cpsf.building.floors).fill('6');
  await wizard.getByLabel(ja.cpsf.building.floorArea).fill('6000');
  await wizard.getByRole('button', { name: `${ja.cpsf.building.stepDevices} →` }).click();
  await wizard.getByTestId('cpsf-building-defaults').waitFor();
  const counts = await wizard
    .locator('input.mantine-NumberInput-input')
    .evaluateAll((inputs) => inputs.map((i) => Number(i.value.replace(/,/g, ''))));
  log(`wizard counts: ${counts.join(' ')}`);
  assert(counts.filter((n) => n > 0).length >= 8, 'most devices start above 0');
  assert(
    counts.every((n) => n <= 30),
    'modest counts',
  );
  await shot(desk, '12-wizard-1440');
  await wizard.getByRole('button', { name: ja.cpsf.building.create }).click();
  await desk.getByRole('heading', { name: '本社ビル' }).waitFor();
  await desk.waitForURL((url) => !url.search.includes('layout='));
  const buildingUrl = desk.url().split('?')[0];
  await until('laid out and saved', async () => {
    // 保存済み HH:MM: this page saved (the layout), not only loaded
    if (!savedText.test((await saveState.textContent()) ?? '')) return false;
    return (await desk.getByTestId('cpsf-node').count()) > 20;
  });
  // the layout was saved: the positions survive a reload
  await desk.reload();
  await desk.getByTestId('cpsf-node').first().waitFor();
  await desk.locator('.react-flow__controls-fitview').click();
  await desk.waitForTimeout(400);
  const built = await checkLayout(desk);
  log(`building model: ${built.count} elements on screen`);
  assert(built.problems.length === 0, `layout problems: ${built.problems.slice(0, 5).join('; ')}`);
  await shot(desk, '13-building-layout-1440');

  begin('自動レイアウト on the first model');
  await desk.goto(modelUrl);
  await desk.getByTestId('cpsf-node').first().waitFor();
  const transformOf = (id) => node(id).evaluate((n) => n.style.transform);
  const before = await transformOf(device);
  await desk.getByRole('button', { name: ja.cpsf.editor.autoLayout }).click();
  await desk.mouse.move(0, 0);
  await until('moved by the layout', async () => (await transformOf(device)) !== before);
  await until('saved after layout', async () => (await saveState.getAttribute('data-state')) === 'saved');
  await desk.waitForTimeout(400);
  const relaid = await checkLayout(desk);
  assert(relaid.problems.length === 0, `layout problems: ${relaid.problems.join('; ')}`);
  await shot(desk, '14-auto-layout-1440');

  begin('the table view on a phone');
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(label(ja.login.email)).fill(ADMIN.email);
  await phone.getByLabel(label(ja.login.password)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/overview$/);
  await phone.goto(`${modelUrl}?tab=table`);
  const rows = phone.getByTestId('cpsf-table-row');
  await until('three rows', async () => (await rows.count()) === 3);
  await phone.getByLabel(ja.cpsf.table.ownerOf.replace('{{id}}', device)).fill('設備保全課');
  await until(
    'phone saved',
    async () => (await phone.getByTestId('cpsf-save-state').getAttribute('data-state')) === 'saved',
  );
  assert(await noSideScroll(phone), 'table view has no sideways scrolling at 390 px');
  await shot(phone, '09-table-390');
  await phone.goto(`${modelUrl}?tab=heatmap`);
  await phone.getByTestId('cpsf-heatmap').waitFor();
  assert(await noSideScroll(phone), 'heat map page has no sideways scrolling at 390 px');
  await shot(phone, '10-heatmap-390');
  await phone.goto(modelUrl);
  await phone.getByTestId('cpsf-node').first().waitFor();
  assert(await noSideScroll(phone), 'editor has no sideways scrolling at 390 px');
  await shot(phone, '10b-editor-390');
  assert((await phone.locator('.react-flow__minimap').count()) === 0, 'no minimap over a phone canvas');
  await phone.goto(buildingUrl);
  await phone.getByTestId('cpsf-node').first().waitFor();
  assert(await noSideScroll(phone), 'building model has no sideways scrolling at 390 px');
  await shot(phone, '10c-building-390');

  begin('the owner edited on the phone is in the desktop table');
  await desk.goto(`${modelUrl}?tab=table`);
  await until(
    'owner saved',
    async () =>
      (await desk.getByLabel(ja.cpsf.table.ownerOf.replace('{{id}}', device)).inputValue()) === '設備保全課',
  );
  await shot(desk, '11-table-1440');
});
