export * from './link-token.ts';
export * from './reminders.ts';
export * from './questions.ts';
