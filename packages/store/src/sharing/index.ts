/** The sharing module: hub, members' NDA, sector groups, reports and their publication, comments. */
export type * from './tables.ts';
export * from './repo.ts';
export * from './taxii-repo.ts';
export * from './notify.ts';
export * from './attachments.ts';
export * from './intake.ts';
