export * from './campaigns/index.ts';
