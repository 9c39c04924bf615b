// What the CLI and benchmarks use of the software module without the server: turning a parsed
// SBOM into rows, matching them against advisories, and dependency paths. No HTTP, no jobs.
export { componentRows } from './component-rows.ts';
export { matchComponents, matchComponentsWithNotes } from './match.ts';
export { shortestPaths } from './paths.ts';
export { dropKeptRecords } from './advisory-cache.ts';
export { directoryLoaded, dropAdvisoryDirectory } from './advisory-directory.ts';
