// The browser-safe entry of @shinrai/core (`@shinrai/core/browser`): shared constants, labels and
// formulas the web app uses instead of copies. Nothing here may import a Node.js module.
export * from './roles.ts';
export * from './organization.ts';
export * from './password-policy.ts';
export * from './relationship.ts';
export * from './errors.ts';
export * from './catalog/labels.ts';
export * from './catalog/scoring.ts';
export * from './catalog/assessment-status.ts';
export * from './governance/index.ts';
export * from './sme/security-action.ts';
export * from './software/package-types.ts';
export * from './cpsf/building/defaults.ts';
export * from './advisories/schedule.ts';
export { applyRedactions } from './sharing/sanitize.ts';
