// What `shinrai advisories feed` needs, without the HTTP layer (no routes, services or error mapping):
// the CLI loads no HTTP server.
export * from './reasons.ts';
export * from './run.ts';
export * from './schedule.ts';
export { openFileStore } from '../../../platform/files/index.ts';
