// The tasks the parse workers run (platform/workers/pool.ts, worker.ts): pure functions of their
// arguments, whose results cross threads by structured clone. Each is CPU-heavy on a large upload.
import { readCsv, readXlsx } from '@shinrai/formats/sheets';
import { readStixBundle } from '@shinrai/core/sharing';
import { readModelJson, readModelSheet } from './modules/cpsf/files.ts';
import { logIndicators } from './modules/sharing/eml/log.ts';
import { readEml } from './modules/sharing/eml/parse.ts';
import { loadAnalyser, sanitizeText } from './modules/sharing/sanitize-task.ts';
import { toChunks } from './modules/sharing/intake/chunks.ts';
import { readTaxiiObjects, readTaxiiPage } from './modules/sharing/intake/envelope.ts';
import { prepareSbom } from './modules/software/inventory/prepare.ts';

export const TASKS = {
  'sheets.xlsx': readXlsx,
  'sheets.csv': readCsv,
  'cpsf.modelJson': readModelJson,
  'cpsf.modelSheet': readModelSheet,
  'software.sbom': prepareSbom,
  'sharing.stixBundle': (bytes: Uint8Array) => toChunks(readStixBundle(bytes)),
  'sharing.eml': readEml,
  'sharing.logIndicators': logIndicators,
  'sharing.sanitize': sanitizeText,
  'sharing.loadAnalyser': loadAnalyser,
  'sharing.taxiiPage': readTaxiiPage,
  'sharing.taxiiObjects': (bodies: Uint8Array[]) => toChunks(readTaxiiObjects(bodies)),
};

export type Tasks = typeof TASKS;
