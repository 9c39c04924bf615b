export * from './errors.ts';
export * from './schemes.ts';
export * from './parse.ts';
export * from './contains.ts';
export * from './from-osv.ts';
export * from './plain.ts';
