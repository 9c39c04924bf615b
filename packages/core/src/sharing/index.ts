export * from './vocab.ts';
export * from './normalize.ts';
export * from './numbers.ts';
export * from './detect.ts';
export * from './sanitize.ts';
export * from './jsonl.ts';
export * from './stix.ts';
export * from './tlp.ts';
