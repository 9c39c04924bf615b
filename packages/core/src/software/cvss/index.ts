export * from './cvss.ts';
