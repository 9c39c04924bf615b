export * from './license-report.ts';
export * from './artifact-verify.ts';
export * from './where-used.ts';
