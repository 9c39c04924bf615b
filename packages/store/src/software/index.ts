/** The software module: products, releases and their SBOMs, findings and VEX, licenses, artifacts, incidents and shares. */
export type * from './tables.ts';
export * from './releases.ts';
