import { directiveGap } from '@shinrai/core/governance';
import type { Locale } from '@shinrai/core';
import ExcelJS from 'exceljs';
import { supplyChainXlsxSheet } from '../../supplychain/public.ts';
import type { BoardReport } from '../service.ts';
import { assessmentLine, jstDate, jstDateTime, L } from './board-labels.ts';

/** The same report as .xlsx: summary, directives (the radar's data), top gaps, action plan, trend, supply chain. */
export async function boardReportToXlsx(r: BoardReport, locale: Locale): Promise<Buffer> {
  const t = L[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shinrai';
  const header = (ws: ExcelJS.Worksheet, row: number) => {
    ws.getRow(row).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: row }];
  };
  const blank = (v: number | null) => (v === null ? '' : v);

  const sum = wb.addWorksheet(t.sheets.summary);
  sum.addRow([t.title]).font = { bold: true, size: 14 };
  sum.addRow([t.organization, r.orgName]);
  sum.addRow([t.printed, jstDateTime(r.now, locale)]);
  sum.addRow([t.assessment, assessmentLine(r.radar.assessment, locale)]);
  sum.addRow([t.previous, assessmentLine(r.radar.previous, locale)]);
  sum.addRow([t.overall, r.radar.assessment ? blank(r.radar.assessment.percent) : t.noAssessment]);
  sum.getColumn(1).width = 24;
  sum.getColumn(2).width = 80;

  const dir = wb.addWorksheet(t.sheets.directives);
  dir.addRow([
    'ID',
    t.directive,
    `${t.current}(%)`,
    `${t.last}(%)`,
    `${t.target}(%)`,
    t.level,
    t.gap,
    t.openActions,
    t.doneActions,
    t.overdueActions,
  ]);
  for (const a of r.radar.axes) {
    dir.addRow([
      a.ref,
      a.title[locale],
      blank(a.current),
      blank(a.previous),
      blank(a.target),
      blank(a.targetLevel),
      blank(directiveGap(a.current, a.target)),
      a.actions.open,
      a.actions.done,
      a.actions.overdue,
    ]);
  }
  dir.getColumn(2).width = 50;
  header(dir, 1);

  const gaps = wb.addWorksheet(t.sheets.gaps);
  gaps.addRow(['ID', t.directive, `${t.current}(%)`, `${t.target}(%)`, t.gap, t.openActions]);
  const byRef = new Map(r.radar.axes.map((a) => [a.ref, a]));
  for (const g of r.gaps)
    gaps.addRow([
      g.ref,
      byRef.get(g.ref)?.title[locale] ?? g.ref,
      g.current,
      g.target,
      g.gap,
      byRef.get(g.ref)?.actions.open ?? 0,
    ]);
  gaps.getColumn(2).width = 50;
  header(gaps, 1);

  const act = wb.addWorksheet(t.sheets.actions);
  act.addRow(['ID', t.action, t.owner, t.due, t.status, t.overdue, t.kpi, t.kpiTarget, t.kpiCurrent]);
  for (const a of r.actions) {
    act.addRow([
      a.directive,
      a.title,
      a.owner.displayName ?? '',
      a.dueDate,
      t.actionStatus[a.status] ?? a.status,
      a.overdue ? '✔' : '',
      a.kpi?.text ?? '',
      blank(a.kpi?.target ?? null),
      blank(a.kpi?.current ?? null),
    ]);
  }
  act.getColumn(2).width = 50;
  act.getColumn(7).width = 40;
  header(act, 1);

  const trend = wb.addWorksheet(t.sheets.trend);
  trend.addRow([t.date, t.assessment, t.status, t.version, t.percent]);
  for (const p of r.trend)
    trend.addRow([
      jstDate(p.createdAt, locale),
      p.title,
      t.assessmentStatus[p.status] ?? p.status,
      p.catalogVersion,
      blank(p.percent),
    ]);
  trend.getColumn(2).width = 40;
  header(trend, 1);

  // 指示9: the supply chain, from the supply-chain module.
  supplyChainXlsxSheet(wb, r.supplyChain, locale);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
