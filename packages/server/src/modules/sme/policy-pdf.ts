import type { PolicyDocument } from '@shinrai/core';
import { japanesePdf } from '../../platform/documents/fonts.ts';

/** The basic policy as a printable A4 PDF (Japanese font embedded). */
export function policyToPdf(doc: PolicyDocument, author: string): Promise<Buffer> {
  const { doc: pdf, done } = japanesePdf({ Title: doc.title, Author: author }, 64);
  pdf.font('jp-bold').fontSize(20).text(doc.title, { align: 'center' });
  if (doc.entriesNote) pdf.moveDown(0.5).font('jp').fontSize(9).fillColor('#555555').text(doc.entriesNote);
  pdf.fillColor('#000000').moveDown(1.5);
  pdf.font('jp').fontSize(11).text(doc.preamble, { lineGap: 4 });
  for (const s of doc.sections) {
    pdf.moveDown(0.8);
    pdf.font('jp-bold').fontSize(12).text(s.heading);
    pdf.font('jp').fontSize(11).text(s.body, { lineGap: 4, indent: 12 });
  }
  pdf.moveDown(2);
  for (const line of doc.signature) pdf.font('jp').fontSize(11).text(line, { align: 'right' });
  pdf.end();
  return done;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** The public page of a published policy: static HTML, every text escaped, nothing else of the organization. */
export function policyToHtml(doc: PolicyDocument, lang: 'ja' | 'en'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)} — ${esc(doc.signature[1] ?? '')}</title>
<style>
body{font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic",system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.8;color:#1a1b1e}
h1{text-align:center;font-size:1.6rem}h2{font-size:1.1rem;margin-top:1.6rem}.sig{text-align:right;margin-top:2.5rem}
nav{text-align:right;font-size:.9rem}.entries{font-size:.85rem;color:#555;border-left:3px solid #ccc;padding-left:.6rem}
</style>
</head>
<body>
<nav><a href="?lang=${lang === 'ja' ? 'en' : 'ja'}">${lang === 'ja' ? 'English' : '日本語'}</a></nav>
<h1>${esc(doc.title)}</h1>
${doc.entriesNote ? `<p class="entries" data-entries-lang="${doc.entriesLanguage ?? ''}">${esc(doc.entriesNote)}</p>\n` : ''}<p>${esc(doc.preamble)}</p>
${doc.sections.map((s) => `<h2>${esc(s.heading)}</h2>\n<p>${esc(s.body)}</p>`).join('\n')}
<div class="sig">${doc.signature.map((l) => `<div>${esc(l)}</div>`).join('')}</div>
</body>
</html>
`;
}
