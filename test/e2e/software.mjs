// End-to-end test of the software supply-chain pages on a desktop (1440×900) and a phone (390×844):
// first-run setup → an OSV all.zip built here (a malicious-package record for flatmap-stream, a normal
// advisory for minimist) imported from the advisory page with its progress bar → a product and a release →
// a broken SBOM refused with located problems → a package-lock.json with event-stream 3.3.6 →
// flatmap-stream 0.1.1 → the critical malicious finding with its dependency path → VEX "not affected" with a
// justification on the minimist finding → the 10,000-row-capable component table filtered → where-used for
// flatmap-stream → the shares tab, the incidents tab (the malicious package) and the notification settings (an
// internal webhook address refused). The advisory records are our own test fixtures (ids MAL-E2E-… / E2E-…, not real OSV ids).
// Screenshots go to test-results/e2e-software/. Run `npm run build --workspace @shinrai/web` first, then
// `node test/e2e/software.mjs`.
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { ROOT, assert, completeSetup, en, ja, label, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-software');
const SETUP_CODE = 'e2e-software-setup-8642';
const ADMIN = { email: 'sbom@example.co.jp', name: '鈴木 一郎', password: 'Suzuki-Ichiro-Passw0rd!' };
const ORG = { name: '信頼ウォレット', kind: 'supplier' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const PRODUCT = 'コパイ ウォレット';
const VERSION = '4.2.0';

const MAL_ID = 'MAL-E2E-0001';
const VULN_ID = 'E2E-MINIMIST-0001';

/** A zip archive (deflate) of the given files, written by hand: the test needs no zip library. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const advisories = {
  [`${MAL_ID}.json`]: JSON.stringify({
    schema_version: '1.6.0',
    id: MAL_ID,
    modified: '2024-01-01T00:00:00Z',
    published: '2018-11-26T00:00:00Z',
    summary: 'Malicious code in flatmap-stream (npm) [test fixture]',
    details: 'The package steals wallet keys when bundled into a particular application.',
    affected: [{ package: { ecosystem: 'npm', name: 'flatmap-stream' }, versions: ['0.1.1'] }],
  }),
  [`${VULN_ID}.json`]: JSON.stringify({
    schema_version: '1.6.0',
    id: VULN_ID,
    modified: '2024-01-01T00:00:00Z',
    published: '2020-03-11T00:00:00Z',
    aliases: ['CVE-2020-7598'],
    summary: 'Prototype pollution in minimist [test fixture]',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L' }],
    affected: [
      {
        package: { ecosystem: 'npm', name: 'minimist' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.6' }] }],
      },
    ],
  }),
};

const lockfile = JSON.stringify(
  {
    name: 'copay-wallet',
    version: VERSION,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': {
        name: 'copay-wallet',
        version: VERSION,
        license: 'MIT',
        dependencies: { 'event-stream': '3.3.6', minimist: '^1.2.0' },
      },
      'node_modules/event-stream': {
        version: '3.3.6',
        resolved: 'https://registry.npmjs.org/event-stream/-/event-stream-3.3.6.tgz',
        license: 'MIT',
        dependencies: { 'flatmap-stream': '^0.1.0' },
      },
      'node_modules/flatmap-stream': {
        version: '0.1.1',
        resolved: 'https://registry.npmjs.org/flatmap-stream/-/flatmap-stream-0.1.1.tgz',
        license: 'MIT',
      },
      'node_modules/minimist': {
        version: '1.2.0',
        resolved: 'https://registry.npmjs.org/minimist/-/minimist-1.2.0.tgz',
        license: 'MIT',
      },
      // A version no npm range can be compared with: the minimist advisory cannot be evaluated for it,
      // which the release page says instead of showing nothing (issue 12).
      'node_modules/event-stream/node_modules/minimist': { version: 'fork-1', license: 'MIT' },
    },
  },
  null,
  2,
);

/** Clicks a button that opens a file chooser and hands it the file. */
async function chooseFile(page, button, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

const noSideScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
/** Waits for a dialog's opening transition to end (a screenshot mid-fade shows it half drawn). */
const shown = (dialog) =>
  until(
    'the dialog is fully drawn',
    async () => (await dialog.evaluate((el) => getComputedStyle(el).opacity)) === '1',
  );

await runScenario('e2e-software', SHOTS, async (ctx) => {
  const { log, begin, startServer, launchBrowser, newPage } = ctx;
  const shot = async (page, file) => {
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
  const desk = await newPage('desktop', DESKTOP);

  begin('first-run setup');
  const orgId = await completeSetup(desk, base, { setupCode: SETUP_CODE, admin: ADMIN, org: ORG });

  begin('importing an advisory all.zip from the web');
  await desk.getByRole('link', { name: ja.nav.software, exact: true }).click();
  await desk.getByRole('heading', { name: ja.software.products.title }).waitFor();
  await desk.getByText(ja.software.products.empty).waitFor();
  await desk.getByRole('link', { name: ja.software.nav.advisories }).click();
  await desk.getByRole('heading', { name: ja.software.advisories.title }).waitFor();
  await desk.getByText(ja.software.advisories.neverImported).waitFor();
  await chooseFile(desk, desk.getByRole('button', { name: ja.software.advisories.importButton }), {
    name: 'all.zip',
    mimeType: 'application/zip',
    buffer: zip(advisories),
  });
  const job = desk.getByTestId('advisory-job');
  await job.waitFor();
  await desk.getByRole('progressbar', { name: ja.software.advisories.progress }).waitFor();
  await until(
    'import job finished',
    async () => (await job.getAttribute('data-status')) === 'succeeded',
    30_000,
  );
  await until(
    'two advisories counted',
    async () => (await desk.getByTestId('advisories-total').textContent()) === '2',
  );
  assert((await desk.getByTestId('advisories-malicious').textContent()) === '1', 'one malicious record');
  await desk.getByTestId('last-import-status').getByText(ja.software.advisories.importStatus.done).waitFor();
  // where the data came from: the uploaded file, imported from the web by the server administrator
  const provenance = desk.getByTestId('advisory-provenance');
  await provenance.getByRole('heading', { name: ja.software.advisories.provenance.title }).waitFor();
  await provenance.getByText(ja.software.advisories.provenance.vias.upload).first().waitFor();
  await shot(desk, '01-advisories-1440');

  begin('creating a product and a release');
  await desk.getByRole('link', { name: ja.software.nav.products }).click();
  await desk.getByRole('button', { name: ja.software.products.new }).click();
  const productDialog = desk.getByRole('dialog', { name: ja.software.products.new });
  await productDialog.getByLabel(label(ja.software.products.name)).fill(PRODUCT);
  await productDialog.getByLabel(ja.software.products.kind).selectOption('application');
  await productDialog.getByLabel(ja.software.products.vendor).fill('信頼ウォレット開発部');
  await productDialog.getByRole('button', { name: ja.software.products.create }).click();
  await desk.waitForURL(/\/software\/products\/[^/?]+$/);
  await desk.getByRole('heading', { name: PRODUCT }).waitFor();
  await desk.getByRole('button', { name: ja.software.releases.new }).click();
  const releaseDialog = desk.getByRole('dialog', { name: ja.software.releases.new });
  await releaseDialog.getByLabel(label(ja.software.releases.version)).fill(VERSION);
  await releaseDialog.getByLabel(ja.software.releases.releasedOn).fill('2018-09-01');
  await releaseDialog.getByLabel(ja.software.releases.supportEnds).fill('2020-12-31');
  // the browser draws the fields in its own order (09/01/2018 here): each date is spelled in Japanese under it
  await releaseDialog.getByTestId('date-spelled').getByText('2018年9月1日', { exact: true }).waitFor();
  await releaseDialog.getByTestId('date-spelled').getByText('2020年12月31日', { exact: true }).waitFor();
  await shot(desk, '01b-release-dates-1440');
  await releaseDialog.getByRole('button', { name: ja.software.releases.create }).click();
  await desk.waitForURL(/\/software\/releases\/[^/?]+$/);
  const releaseUrl = desk.url();
  await desk.getByRole('heading', { name: `${PRODUCT} ${VERSION}` }).waitFor();
  await desk.getByTestId('support-ended').first().waitFor();
  await desk.getByText(ja.software.releases.noSbom).waitFor();
  // No SBOM yet: the findings tab says so instead of "no findings".
  await desk.getByText(ja.software.findings.noSbom).waitFor();
  assert((await desk.getByText(ja.software.findings.none).count()) === 0, 'no "no findings" without an SBOM');

  begin('a broken SBOM is refused with located problems');
  const uploadButton = () =>
    desk.getByRole('button', { name: ja.software.sbom.uploadFor.replace('{{version}}', VERSION) });
  await chooseFile(desk, uploadButton(), {
    name: 'package-lock.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{\n  "name": "copay-wallet",\n  "lockfileVersion": 3,\n  "packages": {\n    "": {,\n  }\n}\n',
    ),
  });
  const problems = desk.getByTestId('sbom-problems');
  await problems.waitFor();
  const where = await problems.getByRole('cell').first().textContent();
  log(`located problem: ${where}`);
  assert(/\d+ 行 \d+ 列/.test(where ?? ''), `the problem is located by line and column (${where})`);
  await shot(desk, '02-sbom-problems-1440');

  begin('uploading the package-lock.json with event-stream → flatmap-stream');
  await chooseFile(desk, uploadButton(), {
    name: 'package-lock.json',
    mimeType: 'application/json',
    buffer: Buffer.from(lockfile),
  });
  await problems.waitFor({ state: 'detached' });
  const note = desk
    .getByTestId('sbom-warnings')
    .first()
    .getByText(/minimist@fork-1」は 1 件の脆弱性情報と照合できません/);
  await note.first().waitFor();
  log(`cannot-evaluate note: ${await note.first().textContent()}`);
  const alert = desk.getByTestId('malicious-alert');
  await alert.waitFor();
  // The lockfile's version reads as a version, not as a count ("package-lock.json 3").
  await desk
    .getByText(/npm package-lock\.json（lockfileVersion 3）/)
    .first()
    .waitFor();
  assert(
    (await alert.textContent()).includes('flatmap-stream@0.1.1'),
    'the malicious alert names flatmap-stream@0.1.1',
  );
  const malFinding = desk.locator(`[data-testid="finding"][data-advisory="${MAL_ID}"]`);
  await malFinding.waitFor();
  assert((await malFinding.getAttribute('data-malicious')) === 'true', 'the finding is malicious');
  const malRow = desk.getByRole('row').filter({ has: malFinding });
  await malRow.getByText(ja.software.severity.critical, { exact: true }).waitFor();
  const malPath = await malRow.getByTestId('finding-path').textContent();
  log(`malicious path: ${malPath}`);
  assert(
    /event-stream/.test(malPath) &&
      /flatmap-stream/.test(malPath) &&
      malPath.indexOf('event-stream') < malPath.indexOf('flatmap-stream'),
    `the path shows event-stream before flatmap-stream (${malPath})`,
  );
  // malicious first, then the rest
  const order = await desk
    .getByTestId('finding')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-advisory')));
  assert(order[0] === MAL_ID && order.includes(VULN_ID), `findings order ${order.join(', ')}`);
  await shot(desk, '03-findings-1440');

  begin('VEX: the minimist finding is not affected');
  await desk
    .getByRole('button', {
      name: ja.software.findings.triageFor
        .replace('{{advisory}}', VULN_ID)
        .replace('{{component}}', 'minimist'),
    })
    .click();
  const vexDialog = desk.getByRole('dialog', { name: ja.software.vex.title });
  await vexDialog.getByLabel(ja.software.vex.status).selectOption('not_affected');
  await vexDialog.getByRole('button', { name: ja.common.save }).click();
  await vexDialog.getByText(ja.software.vex.justificationRequired).first().waitFor();
  await vexDialog
    .getByLabel(label(ja.software.vex.justification))
    .selectOption('vulnerable_code_not_in_execute_path');
  await vexDialog
    .getByLabel(ja.software.vex.detail)
    .fill('minimist は CLI 引数の解析にのみ使われ、外部入力を受けません。');
  await shot(desk, '04-vex-dialog-1440');
  await vexDialog.getByRole('button', { name: ja.common.save }).click();
  await vexDialog.waitFor({ state: 'hidden' });
  // a not-affected finding is suppressed: hidden until "show suppressed" is on
  const vulnFinding = desk.locator(`[data-testid="finding"][data-advisory="${VULN_ID}"]`);
  await until('minimist finding suppressed', async () => (await vulnFinding.count()) === 0);
  await desk
    .getByRole('switch', { name: ja.software.findings.showSuppressed.replace('{{count}}', '1') })
    .check();
  const vulnRow = desk.getByRole('row').filter({ has: vulnFinding });
  await vulnRow.getByTestId('vex-status').getByText(ja.software.vexStatus.not_affected).waitFor();
  await vulnRow.getByText(ja.software.vexJustification.vulnerable_code_not_in_execute_path).waitFor();
  await shot(desk, '05-findings-vex-1440');
  // the malicious finding still counts: the release risk shows it
  await desk.getByTestId('risk-malicious').first().waitFor();

  begin('components table and filter');
  await desk.getByRole('tab', { name: new RegExp(`^${ja.software.tabs.components}`) }).click();
  const rows = desk.getByTestId('component-row');
  await rows.first().waitFor();
  const total = await rows.count();
  assert(total >= 3, `at least three components (${total})`);
  await desk.getByRole('textbox', { name: ja.software.components.filter }).fill('flatmap');
  await until('filtered to flatmap-stream', async () => (await rows.count()) === 1);
  await rows.first().getByText('flatmap-stream', { exact: true }).waitFor();
  await shot(desk, '06-components-1440');

  begin('licenses, artifacts and VEX tabs render');
  await desk.getByRole('tab', { name: ja.software.tabs.licenses }).click();
  await desk.getByText(ja.software.licenses.policy).waitFor();
  // No policy yet: an invitation to set one, not every component listed as a violation.
  await desk.getByText(ja.software.licenses.noPolicy).waitFor();
  assert(
    (await desk.getByText(ja.software.licenses.reasons.not_listed).count()) === 0,
    'no "not listed" rows without a policy',
  );
  await shot(desk, '07a-licenses-no-policy-1440');
  await desk.getByRole('tab', { name: ja.software.tabs.artifacts }).click();
  await desk.getByText(ja.software.artifacts.verify, { exact: true }).waitFor();
  await desk.getByRole('tab', { name: ja.software.tabs.vex }).click();
  await desk.getByRole('link', { name: ja.software.vexFiles.formats.openvex }).waitFor();
  await shot(desk, '07-vex-files-1440');
  await desk.getByRole('tab', { name: ja.software.tabs.shares }).click();
  await desk.getByText(ja.software.shares.empty).waitFor();
  await shot(desk, '07b-shares-1440');

  begin('the product list shows the risk badges');
  await desk.getByRole('link', { name: ja.nav.software, exact: true }).click();
  // Where findings are read, the advisory database's size and age are said.
  await desk.getByTestId('advisory-db-age').waitFor();
  await desk.getByRole('heading', { name: ja.software.products.title }).waitFor();
  const productRow = desk.getByRole('row').filter({ hasText: PRODUCT });
  await productRow.getByTestId('risk-malicious').waitFor();
  await desk.getByRole('alert').filter({ hasText: ja.software.alert.maliciousTitle }).waitFor();
  await shot(desk, '08-products-1440');

  begin('incidents tab lists the malicious package; notifications refuse an internal webhook');
  await desk.getByRole('tab', { name: ja.software.products.tabs.incidents }).click();
  const incidents = desk.getByRole('table', { name: ja.software.incidents.title });
  const incidentRow = incidents
    .getByRole('row')
    .filter({ hasText: ja.software.incidents.kinds.malicious_package });
  await incidentRow.getByText('flatmap-stream@0.1.1', { exact: false }).waitFor();
  await incidentRow.getByRole('link', { name: `${PRODUCT} ${VERSION}` }).waitFor();
  await shot(desk, '08b-incidents-1440');
  await desk.getByRole('tab', { name: ja.software.products.tabs.notifications }).click();
  await desk.getByTestId('webhook-url').fill('http://127.0.0.1:8080/hook');
  await desk.getByRole('button', { name: ja.software.notifications.save }).click();
  await desk
    .getByText(/内部向けのアドレス/)
    .first()
    .waitFor();
  await desk.getByTestId('webhook-url').fill('https://93.184.216.34/hooks/shinrai');
  await desk.getByRole('button', { name: ja.software.notifications.save }).click();
  await desk.getByTestId('webhook-secret').waitFor();
  await shot(desk, '08c-notifications-1440');

  begin('where-used for flatmap-stream');
  await desk.getByRole('link', { name: ja.software.nav.whereUsed }).click();
  await desk.getByLabel(label(ja.software.whereUsed.purl)).fill('pkg:npm/flatmap-stream');
  await desk.getByRole('button', { name: ja.common.search }).click();
  const results = desk.getByRole('table', { name: ja.software.whereUsed.results });
  await results.waitFor();
  const hit = results.getByRole('row').filter({ hasText: PRODUCT });
  await hit.getByText('flatmap-stream@0.1.1', { exact: true }).waitFor();
  await hit.getByRole('link', { name: VERSION }).waitFor();
  assert(
    new URL(desk.url()).searchParams.get('purl') === 'pkg:npm/flatmap-stream',
    'the query is in the URL',
  );
  await desk.getByLabel(ja.software.whereUsed.range).fill('vers:npm/>=0.2.0');
  await desk.getByRole('button', { name: ja.common.search }).click();
  await desk.getByText(ja.software.whereUsed.none).waitFor();
  await desk.getByLabel(ja.software.whereUsed.range).fill('vers:npm/>=0.1.0|<0.2.0');
  await desk.getByRole('button', { name: ja.common.search }).click();
  await hit.waitFor();
  // By name in an ecosystem, with a range in plain notation.
  await desk.getByLabel(label(ja.software.whereUsed.purl)).fill('flatmap-stream');
  await desk.getByLabel(ja.software.whereUsed.ecosystem).selectOption('npm');
  await desk.getByLabel(ja.software.whereUsed.range).fill('>= 0.1.0 <0.2.0');
  await desk.getByRole('button', { name: ja.common.search }).click();
  await until(
    'the URL holds the name query',
    async () => new URL(desk.url()).searchParams.get('name') === 'flatmap-stream',
  );
  await hit.getByText('flatmap-stream@0.1.1', { exact: true }).waitFor();
  await shot(desk, '09-where-used-1440');

  begin('a 10,000-component release: the table stays virtualized');
  const bigLock = {
    name: 'copay-wallet',
    version: '5.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'copay-wallet', version: '5.0.0', dependencies: {} } },
  };
  for (let i = 0; i < 10_000; i++) {
    const name = `e2e-pkg-${String(i).padStart(5, '0')}`;
    bigLock.packages[''].dependencies[name] = '1.0.0';
    bigLock.packages[`node_modules/${name}`] = { version: `1.0.${i % 7}`, license: 'MIT' };
  }
  await desk.goto(releaseUrl);
  await desk.getByRole('link', { name: PRODUCT }).first().click();
  await desk.getByRole('button', { name: ja.software.releases.new }).click();
  const bigDialog = desk.getByRole('dialog', { name: ja.software.releases.new });
  await bigDialog.getByLabel(label(ja.software.releases.version)).fill('5.0.0');
  await bigDialog.getByRole('button', { name: ja.software.releases.create }).click();
  await desk.waitForURL(/\/software\/releases\/[^/?]+$/);
  await chooseFile(
    desk,
    desk.getByRole('button', { name: ja.software.sbom.uploadFor.replace('{{version}}', '5.0.0') }),
    { name: 'package-lock.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bigLock)) },
  );
  await desk.getByRole('tab', { name: new RegExp(`^${ja.software.tabs.components}`) }).click();
  const count = desk.getByTestId('components-count');
  await until('10,000 components listed', async () => (await count.textContent()).includes('10,000'), 60_000);
  const rendered = await rows.count();
  log(`10,000 components, ${rendered} rows in the DOM`);
  assert(rendered > 0 && rendered < 80, `only the rows in view are rendered (${rendered})`);
  const table = desk.getByRole('table', { name: ja.software.tabs.components });
  const scrollStart = Date.now();
  await table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await rows.filter({ hasText: 'e2e-pkg-09999' }).waitFor();
  log(`scrolled to the last row in ${Date.now() - scrollStart} ms`);
  const filterStart = Date.now();
  await desk.getByRole('textbox', { name: ja.software.components.filter }).fill('e2e-pkg-0999');
  await until('filtered to ten rows', async () => (await rows.count()) === 10);
  log(`filter over 10,000 rows answered in ${Date.now() - filterStart} ms (including the 120 ms debounce)`);
  await shot(desk, '10-components-10000-1440');

  begin('the release page in English');
  await desk.goto(releaseUrl);
  await desk.getByRole('radiogroup', { name: ja.language.label }).getByText(ja.language.en).click();
  await desk.getByRole('tab', { name: new RegExp(`^${en.software.tabs.findings}`) }).waitFor();
  await desk.getByText(en.software.alert.maliciousTitle).waitFor();
  await shot(desk, '11-findings-en-1440');
  await desk.goto(`${base}/orgs/${orgId}/software`);
  await desk.getByRole('button', { name: en.software.products.new }).click();
  const enProduct = desk.getByRole('dialog', { name: en.software.products.new });
  await enProduct.getByLabel(en.software.products.supportEnds).fill('2030-03-31');
  await enProduct.getByTestId('date-spelled').getByText('Mar 31, 2030', { exact: true }).waitFor();
  await enProduct.getByText(en.software.products.supportEndsHint).waitFor();
  await shown(enProduct);
  await shot(desk, '11b-product-dates-en-1440');
  await enProduct.getByRole('button', { name: en.common.cancel }).click();
  await desk.goto(releaseUrl);
  await desk.getByRole('radiogroup', { name: en.language.label }).getByText(en.language.ja).click();
  await desk.getByRole('tab', { name: new RegExp(`^${ja.software.tabs.findings}`) }).waitFor();

  begin('phone: release page, components, where-used');
  const phone = await newPage('phone', PHONE);
  await phone.goto(`${base}/login`);
  await phone.getByLabel(label(ja.login.email)).fill(ADMIN.email);
  await phone.getByLabel(label(ja.login.password)).fill(ADMIN.password);
  await phone.getByRole('button', { name: ja.login.submit }).click();
  await phone.waitForURL(/\/orgs\//);
  await phone.goto(releaseUrl);
  await phone.getByTestId('malicious-alert').waitFor();
  await phone.locator(`[data-testid="finding"][data-advisory="${MAL_ID}"]`).waitFor();
  assert(await noSideScroll(phone), 'release page: no sideways scrolling at 390 px');
  await shot(phone, '12-findings-390');
  await phone.getByRole('tab', { name: new RegExp(`^${ja.software.tabs.components}`) }).click();
  await phone.getByTestId('component-row').first().waitFor();
  // The release page itself (not only the upload answer) keeps the "cannot evaluate" note.
  await phone
    .getByTestId('sbom-warnings')
    .getByText(/minimist@fork-1」は 1 件/)
    .first()
    .waitFor();
  assert(await noSideScroll(phone), 'components: no sideways scrolling at 390 px');
  await shot(phone, '13-components-390');
  await phone.goto(
    `${base}/orgs/${orgId}/software/where-used?purl=${encodeURIComponent('pkg:npm/flatmap-stream')}`,
  );
  await phone.getByText('flatmap-stream@0.1.1').first().waitFor();
  assert(await noSideScroll(phone), 'where-used: no sideways scrolling at 390 px');
  await shot(phone, '14-where-used-390');
  await phone.goto(`${base}/orgs/${orgId}/software/advisories`);
  await phone.getByTestId('advisories-total').waitFor();
  assert(await noSideScroll(phone), 'advisories: no sideways scrolling at 390 px');
  await shot(phone, '15-advisories-390');
  await phone.goto(`${base}/orgs/${orgId}/software`);
  await phone.getByTestId('risk-malicious').first().waitFor();
  assert(await noSideScroll(phone), 'products: no sideways scrolling at 390 px');
  await shot(phone, '16-products-390');
  await phone.getByRole('button', { name: ja.software.products.new }).click();
  const phoneProduct = phone.getByRole('dialog', { name: ja.software.products.new });
  await phoneProduct.getByLabel(ja.software.products.supportEnds).fill('2030-03-31');
  await phoneProduct.getByTestId('date-spelled').getByText('2030年3月31日', { exact: true }).waitFor();
  await phoneProduct.getByText(ja.software.products.supportEndsHint).waitFor();
  assert(await noSideScroll(phone), 'product dialog: no sideways scrolling at 390 px');
  await shown(phoneProduct);
  await shot(phone, '17-product-dates-390');
  await phoneProduct.getByRole('button', { name: ja.common.cancel }).click();
  await phoneProduct.waitFor({ state: 'detached' });
  await phone.getByRole('radiogroup', { name: ja.language.label }).getByText(ja.language.en).click();
  await phone.getByRole('button', { name: en.software.products.new }).click();
  const enPhoneProduct = phone.getByRole('dialog', { name: en.software.products.new });
  await enPhoneProduct.getByLabel(en.software.products.supportEnds).fill('2030-03-31');
  await enPhoneProduct.getByTestId('date-spelled').getByText('Mar 31, 2030', { exact: true }).waitFor();
  assert(await noSideScroll(phone), 'product dialog in English: no sideways scrolling at 390 px');
  await shown(enPhoneProduct);
  await shot(phone, '18-product-dates-en-390');
});
