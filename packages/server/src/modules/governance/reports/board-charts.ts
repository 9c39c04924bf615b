import type { Locale } from '@shinrai/core';
import type { GovernanceAssessmentRef, RadarAxis } from '../service.ts';
import { COLORS, directiveNo, jstDate, L, pct } from './board-labels.ts';

type Doc = PDFKit.PDFDocument;

/** Radar with vector paths: a ring per maturity level, polygons for current, previous and target. */
export function radarChart(
  doc: Doc,
  cx: number,
  cy: number,
  r: number,
  axes: readonly RadarAxis[],
  locale: Locale,
) {
  const t = L[locale];
  const n = axes.length;
  const point = (i: number, f: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + Math.cos(angle) * r * f, cy + Math.sin(angle) * r * f];
  };
  doc.save().lineWidth(0.5).strokeColor(COLORS.grid);
  for (const ring of [0.2, 0.4, 0.6, 0.8, 1]) doc.polygon(...axes.map((_, i) => point(i, ring))).stroke();
  axes.forEach((_, i) =>
    doc
      .moveTo(cx, cy)
      .lineTo(...point(i, 1))
      .stroke(),
  );
  doc.restore();
  doc.font('jp').fontSize(6).fillColor('#999999');
  for (let level = 1; level <= 5; level++) {
    const [x, y] = point(0, level / 5);
    doc.text(String(level), x + 2, y - 7, { lineBreak: false });
  }

  const series = (
    pick: (a: RadarAxis) => number | null,
    color: string,
    opts: { fill?: boolean; dash?: boolean },
  ) => {
    const values = axes.map(pick);
    if (values.every((v) => v === null)) return;
    const pts = values.map((v, i) => (v === null ? null : point(i, Math.max(0, Math.min(1, v / 100)))));
    doc.save().strokeColor(color).fillColor(color).lineWidth(1.5);
    if (opts.dash) doc.dash(3, { space: 2 });
    const poly = pts.filter((p) => p !== null);
    if (poly.length === pts.length) {
      if (opts.fill)
        doc
          .polygon(...poly)
          .fillOpacity(0.18)
          .fillAndStroke();
      else doc.polygon(...poly).stroke();
    }
    doc.undash().fillOpacity(1);
    for (const p of pts) if (p) doc.circle(p[0], p[1], 1.8).fill();
    doc.restore();
  };
  series((a) => a.target, COLORS.target, { dash: false });
  series((a) => a.previous, COLORS.previous, { dash: true });
  series((a) => a.current, COLORS.current, { fill: true });

  doc.font('jp').fontSize(8).fillColor('#333333');
  axes.forEach((a, i) => {
    const [x, y] = point(i, 1.13);
    const label = t.short(directiveNo(a.ref));
    const w = doc.widthOfString(label);
    doc.text(label, x - w / 2, y - 5, { lineBreak: false });
  });

  // Legend, to the right of the chart: only the series that have data (no "previous" without one).
  let ly = cy - r;
  const lx = cx + r + 40;
  for (const [label, color, dash] of legendEntries(axes, locale)) {
    doc.save().strokeColor(color).lineWidth(2);
    if (dash) doc.dash(3, { space: 2 });
    doc
      .moveTo(lx, ly + 5)
      .lineTo(lx + 18, ly + 5)
      .stroke();
    doc.restore();
    doc
      .font('jp')
      .fontSize(8)
      .fillColor('#333333')
      .text(label, lx + 24, ly, { lineBreak: false });
    ly += 14;
  }
  doc.fillColor('#000000');
}

/** Overall percent of every assessment over time: a polyline over a 0–100 % grid. */
export function trendChart(
  doc: Doc,
  x0: number,
  y0: number,
  w: number,
  h: number,
  points: readonly GovernanceAssessmentRef[],
  locale: Locale,
) {
  doc.save().lineWidth(0.5).strokeColor(COLORS.grid);
  for (const f of [0, 0.5, 1]) {
    doc
      .moveTo(x0, y0 + h - f * h)
      .lineTo(x0 + w, y0 + h - f * h)
      .stroke();
  }
  doc.restore();
  doc.font('jp').fontSize(6).fillColor('#999999');
  for (const f of [0, 0.5, 1]) doc.text(`${f * 100}%`, x0 - 24, y0 + h - f * h - 4, { lineBreak: false });
  const step = points.length > 1 ? w / (points.length - 1) : 0;
  const xy = points.map((p, i) => ({
    x: points.length > 1 ? x0 + i * step : x0 + w / 2,
    y: p.percent === null ? null : y0 + h - (Math.max(0, Math.min(100, p.percent)) / 100) * h,
    p,
  }));
  const drawn = xy.filter((q): q is { x: number; y: number; p: GovernanceAssessmentRef } => q.y !== null);
  if (drawn.length > 1) {
    doc.save().strokeColor(COLORS.current).lineWidth(1.5);
    const [first, ...rest] = drawn;
    if (first) doc.moveTo(first.x, first.y);
    for (const q of rest) doc.lineTo(q.x, q.y);
    doc.stroke().restore();
  }
  for (const q of drawn) {
    doc.save().fillColor(COLORS.current).circle(q.x, q.y, 2.2).fill().restore();
    doc
      .font('jp')
      .fontSize(6)
      .fillColor('#333333')
      .text(pct(q.p.percent), q.x - 12, q.y - 10, { width: 24, align: 'center', lineBreak: false });
  }
  // Date labels, thinned out so they do not overlap.
  const every = Math.max(1, Math.ceil(points.length / 8));
  xy.forEach((q, i) => {
    if (i % every !== 0 && i !== xy.length - 1) return;
    doc
      .font('jp')
      .fontSize(6)
      .fillColor('#666666')
      .text(jstDate(q.p.createdAt, locale), q.x - 30, y0 + h + 4, {
        width: 60,
        align: 'center',
        lineBreak: false,
      });
  });
  doc.fillColor('#000000');
}

/** The radar legend's entries: current, previous and target, each only when some directive has a value. */
export function legendEntries(axes: readonly RadarAxis[], locale: Locale): [string, string, boolean][] {
  const t = L[locale];
  const has = (pick: (a: RadarAxis) => number | null) => axes.some((a) => pick(a) !== null);
  const out: [string, string, boolean][] = [];
  if (has((a) => a.current)) out.push([t.current, COLORS.current, false]);
  if (has((a) => a.previous)) out.push([t.last, COLORS.previous, true]);
  if (has((a) => a.target)) out.push([t.target, COLORS.target, false]);
  return out;
}
