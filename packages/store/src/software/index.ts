/** The software module: products, releases and their SBOMs, findings and VEX, settings, artifacts and incidents, shares and where-used. */
export type * from './tables.ts';
export * from './releases.ts';
export * from './findings.ts';
export * from './settings.ts';
export * from './integrity.ts';
export * from './sharing.ts';
export * from './keys.ts';
