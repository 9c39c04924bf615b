import { assessments } from './assessments';
import { cpsf } from './cpsf';
import { governance } from './governance';
import { library } from './library';
import { platform } from './platform';
import { sharing } from './sharing';
import { sme } from './sme';
import { software } from './software';
import { supplychain } from './supplychain';
import { threats } from './threats';
import type { BilingualLabel, NavEntry, WebModule } from './types';

/** The web modules: App.tsx mounts their routes and AppLayout.tsx shows their menu entries. */
export const MODULES: readonly WebModule[] = [
  platform,
  library,
  assessments,
  sme,
  governance,
  cpsf,
  software,
  threats,
  supplychain,
  sharing,
];

/** The menu entries of all modules, in menu order. */
export const NAV_ENTRIES: readonly NavEntry[] = MODULES.flatMap((m) => m.nav).sort(
  (a, b) => a.order - b.order,
);

/** The menu entry owning a section (the path segment under /orgs/:orgId/), if any. */
export const navEntryOf = (section: string): NavEntry | undefined =>
  NAV_ENTRIES.find((e) => e.section === section);

const AUDIT_ACTIONS = new Map<string, BilingualLabel>(
  MODULES.flatMap((m) => Object.entries(m.auditLabels?.actions ?? {})),
);
const AUDIT_TARGETS = new Map<string, BilingualLabel>(
  MODULES.flatMap((m) => Object.entries(m.auditLabels?.targets ?? {})),
);

/** The readable name of an audit action or object type, from the module that writes it; null when unknown. */
export function auditLabel(kind: 'action' | 'target', code: string, lang: 'ja' | 'en'): string | null {
  return (kind === 'action' ? AUDIT_ACTIONS : AUDIT_TARGETS).get(code)?.[lang] ?? null;
}
