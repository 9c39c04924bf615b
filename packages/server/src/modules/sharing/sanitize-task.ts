import { proposeRedactions, type Proposal, type ReporterTerms } from '@shinrai/core/sharing';
import { analysePersons, analyser } from './analyser.ts';

// The sanitizer's proposal for a report text (typed, or derived from an attached mail): kuromoji's morphological
// analysis (analyser.ts, lattice.ts) and core `proposeRedactions`. About 0.18 s of CPU for 100,000 characters,
// so it is a parse-worker task (worker-tasks.ts), never run on the event loop of a request. The dictionary is
// loaded once per worker thread (analyser.ts keeps it per thread), on its first task or by `loadAnalyser`.

/** The proposal for `text`: person names from the analyser, then core's rules. Plain data (structured clone). */
export async function sanitizeText(text: string, reporter: ReporterTerms): Promise<Proposal> {
  return proposeRedactions({ text, reporter, analysed: await analysePersons(text) });
}

/** Loads this worker's dictionary (server start); answers the worker's JS heap in use, in MB. */
export async function loadAnalyser(): Promise<number> {
  await analyser();
  const { heapUsed } = process.memoryUsage();
  return Math.round(heapUsed / 1e6);
}
