export * from './download.ts';
export * from './job.ts';
export * from './reasons.ts';
export * from './run.ts';
export * from './schedule.ts';
export * from './service.ts';
export * from './views.ts';
