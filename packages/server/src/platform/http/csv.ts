/**
 * One CSV line (RFC 4180 quoting). Cells that a spreadsheet would run as a formula (= + - @) get a leading
 * apostrophe, so an exported log cannot carry a formula injection into Excel.
 */
export function csvRow(cells: readonly string[]): string {
  return cells
    .map((c) => {
      const safe = /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}
