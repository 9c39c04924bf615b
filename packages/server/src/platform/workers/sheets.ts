import type { ImportProblem, ReadResult } from '@shinrai/formats/sheets';
import { WorkerMemoryError, workers } from './pool.ts';

/** A file that needed more than a worker's heap: a located 413 rather than a dead server. */
export function memoryProblem(err: unknown): ImportProblem {
  if (!(err instanceof WorkerMemoryError)) throw err;
  return { code: 'out_of_memory', params: { limit: err.limitMb } };
}

/** Reads one sheet of an .xlsx or a CSV (by file name) in a parse worker, off the event loop. */
export async function readTableOffThread(
  file: Buffer,
  filename: string,
  sheet?: string,
): Promise<ReadResult> {
  try {
    return /\.csv$/i.test(filename)
      ? await workers().run('sheets.csv', file, filename)
      : await workers().run('sheets.xlsx', file, sheet);
  } catch (err) {
    return { ok: false, sheets: [], problems: [memoryProblem(err)] };
  }
}
