import {
  COMPONENT_LABELS,
  COMPONENTS,
  LAYERS,
  MEASURE_LEVEL_LABELS,
  type Element,
  type Locale,
  type Model,
  type Text,
} from '@shinrai/core';
import ExcelJS from 'exceljs';
import { japanesePdf } from '../../../platform/documents/fonts.ts';
import { isOpen } from '@shinrai/core';
import type { Analysis } from '../service.ts';

const L = {
  ja: {
    title: 'CPSF リスク評価報告書',
    subtitle: '価値創造過程（3層 × 6構成要素）のリスク源と対策要件',
    organization: '組織',
    model: 'モデル',
    date: '作成日',
    summary: '概要',
    elements: '要素数',
    required: '必要な対策要件（要素×要件）',
    met: '実施済み・該当なし',
    partial: '一部実施',
    unmet: '未実施',
    unanswered: '未回答',
    heat: '層 × 構成要素 のヒートマップ（未対応の数 / 必要な数）',
    checks: 'モデルの点検',
    noChecks: '点検で見つかった問題はありません。',
    gaps: 'ギャップと改善計画',
    noGaps: '未対応の対策要件はありません。',
    element: '要素',
    level: '対策レベル',
    requirement: '対策要件',
    status: '状態',
    owner: '担当',
    due: '期限',
    cost: '費用見積(円)',
    accepted: '残存リスク受容者',
    layer: (n: number) => `第${n}層`,
    more: (n: number) => `ほか ${n} 件（Excel 版にすべて記載）`,
    sheets: { summary: '概要', gaps: 'ギャップ', checks: '点検', heat: 'ヒートマップ' },
    severity: { error: 'エラー', warning: '警告', info: '情報' },
    checkHead: { severity: '重要度', code: 'コード', message: '内容' },
  },
  en: {
    title: 'CPSF risk assessment report',
    subtitle:
      'Risk sources and countermeasure requirements of the value-creation process (3 layers × 6 components)',
    organization: 'Organization',
    model: 'Model',
    date: 'Date',
    summary: 'Summary',
    elements: 'Elements',
    required: 'Requirements needed (element × requirement)',
    met: 'Implemented or not applicable',
    partial: 'Partly implemented',
    unmet: 'Not implemented',
    unanswered: 'Not answered',
    heat: 'Heat map, layer × component (open / needed)',
    checks: 'Model checks',
    noChecks: 'The checks found no problems.',
    gaps: 'Gaps and remediation plan',
    noGaps: 'No open requirements.',
    element: 'Element',
    level: 'Measure level',
    requirement: 'Requirement',
    status: 'Status',
    owner: 'Owner',
    due: 'Due',
    cost: 'Cost estimate (JPY)',
    accepted: 'Residual risk accepted by',
    layer: (n: number) => `Layer ${n}`,
    more: (n: number) => `${n} more (all listed in the Excel version)`,
    sheets: { summary: 'Summary', gaps: 'Gaps', checks: 'Checks', heat: 'Heat map' },
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    checkHead: { severity: 'Severity', code: 'Code', message: 'Message' },
  },
} as const;

const STATUS_LABELS: Record<string, Text> = {
  implemented: { ja: '実施している', en: 'Implemented' },
  partial: { ja: '一部実施している', en: 'Partly implemented' },
  not_implemented: { ja: '実施していない', en: 'Not implemented' },
  not_applicable: { ja: '該当しない', en: 'Not applicable' },
};

export interface CpsfReportInput {
  organization: string;
  modelName: string;
  date: string;
  model: Model;
  analysis: Analysis;
  requirementTitles: Map<string, Text>;
  lang: Locale;
}

interface GapRow {
  element: Element;
  level: string;
  ref: string;
  title: string;
  status: string;
  owner: string;
  due: string;
  cost: number | null;
  accepted: string;
}

function gapRows(p: CpsfReportInput): GapRow[] {
  const byId = new Map(p.model.elements.map((e) => [e.id, e]));
  const rows: GapRow[] = [];
  for (const e of p.analysis.elements) {
    const element = byId.get(e.elementId);
    if (!element) continue;
    for (const r of e.requirements) {
      if (!isOpen(r)) continue;
      rows.push({
        element,
        level: MEASURE_LEVEL_LABELS[e.level.level][p.lang],
        ref: r.ref,
        title: p.requirementTitles.get(r.ref)?.[p.lang] ?? r.ref,
        status: r.status ? (STATUS_LABELS[r.status]?.[p.lang] ?? r.status) : '—',
        owner: r.plan?.owner ?? '',
        due: r.plan?.dueDate ?? '',
        cost: r.plan?.costEstimate ?? null,
        accepted: r.plan?.residualAcceptedBy ?? '',
      });
    }
  }
  return rows;
}

const yen = (n: number | null) => (n === null ? '' : new Intl.NumberFormat('ja-JP').format(n));

export function cpsfReportToPdf(p: CpsfReportInput): Promise<Buffer> {
  const t = L[p.lang];
  const { doc, done } = japanesePdf({ Title: `${t.title} — ${p.modelName}`, Author: p.organization });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  const heading = (s: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font('jp-bold').fontSize(13).fillColor('#1c3d5a').text(s, left, doc.y, { width });
    doc.moveDown(0.3).font('jp').fontSize(9.5).fillColor('#000');
  };
  doc.font('jp-bold').fontSize(20).text(t.title, { width });
  doc.font('jp').fontSize(10).fillColor('#555').text(t.subtitle, { width }).fillColor('#000');
  doc.moveDown(0.6).fontSize(10.5);
  doc.text(`${t.organization}: ${p.organization}`);
  doc.text(`${t.model}: ${p.modelName}`);
  doc.text(`${t.date}: ${p.date}`);

  heading(t.summary);
  const s = p.analysis.summary;
  for (const [label, v] of [
    [t.elements, s.elements],
    [t.required, s.required],
    [t.met, s.met],
    [t.partial, s.partial],
    [t.unmet, s.unmet],
    [t.unanswered, s.unanswered],
  ] as const)
    doc.text(`${label}: ${v.toLocaleString('ja-JP')}`);

  heading(t.heat);
  const colW = (width - 70) / COMPONENTS.length;
  let y = doc.y;
  doc.font('jp-bold');
  COMPONENTS.forEach((c, i) =>
    doc.text(COMPONENT_LABELS[c][p.lang], left + 70 + i * colW, y, { width: colW, align: 'center' }),
  );
  y += 18;
  doc.font('jp');
  for (const layer of LAYERS) {
    doc.fillColor('#000').text(t.layer(layer), left, y + 6, { width: 70 });
    COMPONENTS.forEach((c, i) => {
      const cell = p.analysis.heatmap.find((h) => h.layer === layer && h.component === c);
      const ratio = cell && cell.required > 0 ? cell.gaps / cell.required : 0;
      const color =
        !cell || cell.required === 0
          ? '#f1f3f5'
          : ratio > 0.66
            ? '#e03131'
            : ratio > 0.33
              ? '#f08c00'
              : ratio > 0
                ? '#ffd43b'
                : '#40c057';
      doc.rect(left + 70 + i * colW + 2, y, colW - 4, 26).fill(color);
      doc
        .fillColor(ratio > 0.66 ? '#fff' : '#000')
        .text(
          cell && cell.required > 0 ? `${cell.gaps} / ${cell.required}` : '—',
          left + 70 + i * colW,
          y + 7,
          { width: colW, align: 'center' },
        );
    });
    y += 30;
  }
  doc.fillColor('#000');
  doc.y = y + 4;
  doc.x = left;

  heading(t.checks);
  if (p.analysis.checks.length === 0) doc.text(t.noChecks, { width });
  for (const c of p.analysis.checks.slice(0, 40)) {
    const mark = p.lang === 'ja' ? `【${t.severity[c.severity]}】` : `[${t.severity[c.severity]}] `;
    doc.text(`• ${mark}${c.message[p.lang]}`, { width });
  }
  if (p.analysis.checks.length > 40) doc.text(t.more(p.analysis.checks.length - 40));

  heading(t.gaps);
  const gaps = gapRows(p);
  if (gaps.length === 0) doc.text(t.noGaps, { width });
  // Dates, statuses, levels and amounts never wrap: their columns are as wide as their longest value;
  // the free text (element, requirement, owner) shares the rest.
  doc.font('jp').fontSize(8.5);
  const fit = (values: string[], min = 0) =>
    Math.ceil(Math.max(min, ...values.map((v) => doc.widthOfString(v)))) + 8;
  const fixedW = {
    level: fit([t.level, ...gaps.map((g) => g.level)]),
    status: fit([t.status, ...gaps.map((g) => g.status)]),
    due: fit([t.due, '0000-00-00']),
    cost: fit([t.cost, ...gaps.map((g) => yen(g.cost))]),
  };
  const free = Math.max(0, width - fixedW.level - fixedW.status - fixedW.due - fixedW.cost);
  const cols = [
    { w: free * 0.32, h: t.element },
    { w: fixedW.level, h: t.level },
    { w: free * 0.5, h: t.requirement },
    { w: fixedW.status, h: t.status },
    { w: free * 0.18, h: t.owner },
    { w: fixedW.due, h: t.due },
    { w: fixedW.cost, h: t.cost },
  ];
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const top = doc.y;
    let x = left;
    let bottom = top;
    doc.font(bold ? 'jp-bold' : 'jp').fontSize(8.5);
    cells.forEach((c, i) => {
      const w = cols[i]!.w;
      doc.text(c, x + 2, top, { width: w - 4 });
      bottom = Math.max(bottom, doc.y);
      x += w;
    });
    doc
      .moveTo(left, bottom + 2)
      .lineTo(left + width, bottom + 2)
      .strokeColor('#dee2e6')
      .stroke();
    doc.y = bottom + 5;
  };
  if (gaps.length > 0)
    row(
      cols.map((c) => c.h),
      true,
    );
  for (const g of gaps.slice(0, 150))
    row(
      [
        `${g.element.name} (${g.element.id})`,
        g.level,
        `${g.ref} ${g.title}`,
        g.status,
        g.owner,
        g.due,
        yen(g.cost),
      ],
      false,
    );
  if (gaps.length > 150) doc.font('jp').text(t.more(gaps.length - 150), left, doc.y);
  doc.end();
  return done;
}

export async function cpsfReportToXlsx(p: CpsfReportInput): Promise<Buffer> {
  const t = L[p.lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shinrai';
  const summary = wb.addWorksheet(t.sheets.summary);
  summary.addRows([
    [t.title],
    [t.organization, p.organization],
    [t.model, p.modelName],
    [t.date, p.date],
    [t.elements, p.analysis.summary.elements],
    [t.required, p.analysis.summary.required],
    [t.met, p.analysis.summary.met],
    [t.partial, p.analysis.summary.partial],
    [t.unmet, p.analysis.summary.unmet],
    [t.unanswered, p.analysis.summary.unanswered],
  ]);
  const gaps = wb.addWorksheet(t.sheets.gaps);
  gaps.addRow(['ID', t.element, t.level, t.requirement, '', t.status, t.owner, t.due, t.cost, t.accepted]);
  for (const g of gapRows(p))
    gaps.addRow([
      g.element.id,
      g.element.name,
      g.level,
      g.ref,
      g.title,
      g.status,
      g.owner,
      g.due,
      g.cost,
      g.accepted,
    ]);
  const heat = wb.addWorksheet(t.sheets.heat);
  heat.addRow(['', ...COMPONENTS.map((c) => COMPONENT_LABELS[c][p.lang])]);
  for (const layer of LAYERS)
    heat.addRow([
      t.layer(layer),
      ...COMPONENTS.map((c) => {
        const cell = p.analysis.heatmap.find((h) => h.layer === layer && h.component === c);
        return cell && cell.required > 0 ? `${cell.gaps} / ${cell.required}` : '';
      }),
    ]);
  const checks = wb.addWorksheet(t.sheets.checks);
  checks.addRow([t.checkHead.severity, t.checkHead.code, t.element, t.checkHead.message]);
  for (const c of p.analysis.checks)
    checks.addRow([t.severity[c.severity], c.code, c.elementIds.join(', '), c.message[p.lang]]);
  for (const ws of [gaps, heat, checks]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
