export * from './sheet-reader.ts';
export * from './problems.ts';
export { guardXlsx, problemStatus, SHEET_LIMITS } from './xlsx-guard.ts';
