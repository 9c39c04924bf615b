type Doc = PDFKit.PDFDocument;

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A simple table; rows wrap inside their cells, the header repeats after a page break. */
export function table(doc: Doc, cols: readonly Column[], rows: readonly string[][]) {
  const x0 = doc.page.margins.left;
  const total = cols.reduce((s, c) => s + c.width, 0);
  const pad = 3;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 16;
  const height = (cells: readonly string[]) =>
    Math.max(
      ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (cols[i]?.width ?? 40) - 2 * pad })),
    ) +
    2 * pad;
  const draw = (cells: readonly string[], header: boolean) => {
    doc.font(header ? 'jp-bold' : 'jp').fontSize(8);
    const h = height(cells);
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!header)
        draw(
          cols.map((c) => c.title),
          true,
        );
      doc.font(header ? 'jp-bold' : 'jp').fontSize(8);
    }
    const y = doc.y;
    if (header) doc.save().rect(x0, y, total, h).fill('#f1f3f5').restore();
    let x = x0;
    cells.forEach((c, i) => {
      const col = cols[i];
      if (!col) return;
      doc
        .fillColor('#000000')
        .text(c, x + pad, y + pad, { width: col.width - 2 * pad, align: col.align ?? 'left' });
      x += col.width;
    });
    doc
      .save()
      .strokeColor('#dee2e6')
      .lineWidth(0.5)
      .moveTo(x0, y + h)
      .lineTo(x0 + total, y + h)
      .stroke()
      .restore();
    doc.x = x0;
    doc.y = y + h;
  };
  draw(
    cols.map((c) => c.title),
    true,
  );
  for (const r of rows) draw(r, false);
  doc.x = x0;
  doc.moveDown(0.8);
}

export function heading(doc: Doc, text: string, needed = 100) {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.font('jp-bold').fontSize(12).fillColor('#000000').text(text);
  doc.moveDown(0.3);
}
