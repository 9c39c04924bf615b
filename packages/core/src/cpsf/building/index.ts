export * from './profile.ts';
export * from './check.ts';
export * from './layout.ts';
export * from './wizard-input.ts';
export * from './wizard.ts';
export * from './defaults.ts';
