// The scheduled advisory feed in Chromium: an instance administrator adds a source (a local HTTP server
// serving an OSV all.zip built here from the repository's OSV examples), runs it now and sees it imported
// with its age; a broken source shows its error in Japanese. At 1440 px and 390 px.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import yazl from 'yazl';
import { assert, completeSetup, ja, label, ROOT, runScenario, until } from './lib.mjs';

const SHOTS = path.join(ROOT, 'test-results/e2e-advisory-feed');
const SETUP_CODE = 'feed-setup-2468';
const ADMIN = { email: 'ops@example.co.jp', name: '田中 一郎', password: 'Tanaka-Ichiro-Passw0rd!' };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const F = ja.software.feed;
const RECORDS = path.join(ROOT, 'test/conformance/data/osv-schema/records');

async function osvZip() {
  const zip = new yazl.ZipFile();
  for (const name of ['GHSA-9v2f-6vcg-3hgv.json', 'GO-2020-0001.json', 'PYSEC-2023-74.json'])
    zip.addBuffer(readFileSync(path.join(RECORDS, name)), name);
  zip.end();
  const chunks = [];
  for await (const c of zip.outputStream) chunks.push(c);
  return Buffer.concat(chunks);
}

await runScenario('advisory-feed', SHOTS, async ({ begin, shot, startServer, launchBrowser, newPage }) => {
  const zip = await osvZip();
  const osv = createServer((req, res) => {
    if (req.url === '/PyPI/all.zip') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { etag: '"v1"', 'content-length': zip.length }).end(zip);
    }
    res.writeHead(503).end('down');
  });
  await new Promise((ok) => osv.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${osv.address().port}`;
  try {
    const base = await startServer({ setupCode: SETUP_CODE });
    await launchBrowser();
    const desk = await newPage('desk', DESKTOP);
    begin('setup');
    const orgId = await completeSetup(desk, base, {
      setupCode: SETUP_CODE,
      admin: ADMIN,
      org: { name: '信頼電機', kind: 'enterprise', size: 'large' },
    });

    const page = `${base}/orgs/${orgId}/software/advisories`;
    const addSource = async (name, location) => {
      await desk.getByTestId('feed-add').click();
      const dialog = desk.getByRole('dialog');
      await dialog.getByLabel(label(F.name)).fill(name);
      await dialog.getByLabel(label(F.location)).fill(location);
      await dialog.getByLabel(label(F.ecosystem)).fill('PyPI');
      await dialog.getByTestId('feed-save').click();
      await dialog.waitFor({ state: 'detached' });
    };
    const row = (name) => desk.getByTestId('advisory-feed').getByRole('row').filter({ hasText: name });

    begin('add a source and run it now');
    await desk.goto(page);
    await desk.getByRole('heading', { name: F.title }).waitFor();
    assert((await desk.getByText(F.empty).count()) === 1, 'no source yet');
    await addSource('osv-pypi', `${origin}/PyPI/all.zip`);
    await row('osv-pypi').getByRole('button', { name: F.runNow }).click();
    await until('the run imported', async () => {
      await desk.reload();
      const status = row('osv-pypi').getByTestId('feed-source-status');
      await status.waitFor();
      return (await status.getAttribute('data-result')) === 'imported';
    });
    const text = await row('osv-pypi').innerText();
    assert(text.includes(F.results.imported), 'result shown');
    assert(text.includes(F.age.minutes.replace('{{n}}', '0')), 'age shown');

    begin('a broken source shows its error');
    await addSource('broken-mirror', `${origin}/broken/all.zip`);
    await row('broken-mirror').getByRole('button', { name: F.runNow }).click();
    await until('the run failed', async () => {
      await desk.reload();
      const status = row('broken-mirror').getByTestId('feed-source-status');
      await status.waitFor();
      return (await status.getAttribute('data-result')) === 'failed';
    });
    const error = await row('broken-mirror').getByTestId('feed-source-error').innerText();
    assert(error.includes('HTTP 503'), `error detail shown: ${error}`);
    await shot(desk, 'advisory-feed-1440');

    begin('phone');
    const phone = await newPage('phone', PHONE);
    await phone.context().addCookies(await desk.context().cookies());
    await phone.goto(page);
    await phone.getByRole('heading', { name: F.title }).waitFor();
    await phone.getByText('osv-pypi').first().waitFor();
    await shot(phone, 'advisory-feed-390');

    begin('the notice on the products page names the feed');
    await desk.goto(`${base}/orgs/${orgId}/software`);
    await desk.getByTestId('advisory-feed-age').waitFor();
    assert(
      (await desk.getByTestId('advisory-feed-age').innerText()).includes('osv-pypi'),
      'feed in the notice',
    );
  } finally {
    await new Promise((ok) => osv.close(ok));
  }
});
