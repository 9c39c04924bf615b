export * from './errors.ts';
export * from './schemes.ts';
export * from './parse.ts';
export { compareDebianPart } from './debian.ts';
