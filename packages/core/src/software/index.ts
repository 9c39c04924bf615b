export * from './versions/index.ts';
export * from './osv/index.ts';
export * from './vers/index.ts';
export * from './purl/index.ts';
export * from './license/index.ts';
export * from './cvss/index.ts';
export * from './match/index.ts';
export * from './rules/index.ts';
