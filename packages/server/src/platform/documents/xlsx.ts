import type ExcelJS from 'exceljs';

/** The look of every exported sheet: a bold header row that stays in view. */
export function styleHeader(ws: ExcelJS.Worksheet): void {
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}
