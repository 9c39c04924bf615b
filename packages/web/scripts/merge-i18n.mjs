// Writes src/i18n/ja.json and en.json: every namespace (common and each module's) merged into one tree,
// for the end-to-end suites (test/e2e/lib.mjs reads the UI's texts from these two files). Key paths
// are the same in a namespace as in the merged tree, so `ja.sme.title` there is `sme:sme.title` here.
// Generated (git-ignored); the app itself loads the namespaces separately.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src');
const modules = (await readdir(path.join(src, 'modules'), { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(src, 'modules', entry.name, 'i18n'))
  .sort();

for (const lang of ['ja', 'en']) {
  const merged = {};
  for (const dir of [path.join(src, 'i18n/common'), ...modules]) {
    const strings = JSON.parse(await readFile(path.join(dir, `${lang}.json`), 'utf8'));
    for (const [key, value] of Object.entries(strings)) {
      if (key in merged) throw new Error(`${key} is in two namespaces (${dir})`);
      merged[key] = value;
    }
  }
  await writeFile(path.join(src, `i18n/${lang}.json`), `${JSON.stringify(merged, null, 2)}\n`);
}
