export * from './purl.ts';
export { parsePurl, buildPurl, MAX_PURL_LENGTH } from './parse.ts';
export { formatPurl, purlKey } from './format.ts';
