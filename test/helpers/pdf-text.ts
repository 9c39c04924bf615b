import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

/** pdftotext (poppler), where installed (CI installs it): what a user's own tools extract. */
function popplerText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shinrai-pdf-'));
  try {
    const file = path.join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF as a reader would copy it: pdftotext where installed, otherwise Mozilla pdf.js (so
 * `npm test` needs no system tools). Either way it proves the glyphs carry their Unicode mapping, so
 * Japanese text is really in the file and not just shapes.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  if (hasPdftotext) return popplerText(pdf).replace(/[ \t]+/g, ' ');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}
