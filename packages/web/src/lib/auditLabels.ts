import type { BilingualLabel } from '../modules/types';

// The audit page belongs to the platform but shows every module's actions and object types. The module
// registry (modules/index.ts) hands them in here at load, so the page reads them without importing the registry
// that imports it.
const actions = new Map<string, BilingualLabel>();
const targets = new Map<string, BilingualLabel>();

export function registerAuditLabels(labels: {
  actions?: Record<string, BilingualLabel>;
  targets?: Record<string, BilingualLabel>;
}): void {
  for (const [code, label] of Object.entries(labels.actions ?? {})) actions.set(code, label);
  for (const [code, label] of Object.entries(labels.targets ?? {})) targets.set(code, label);
}

/** The readable name of an audit action or object type, from the module that writes it; null when unknown. */
export function auditLabel(kind: 'action' | 'target', code: string, lang: 'ja' | 'en'): string | null {
  return (kind === 'action' ? actions : targets).get(code)?.[lang] ?? null;
}
