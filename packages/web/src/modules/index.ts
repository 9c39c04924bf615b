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
import { registerAuditLabels } from '../lib/auditLabels';
import type { NavEntry, WebModule } from './types';

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

for (const m of MODULES) if (m.auditLabels) registerAuditLabels(m.auditLabels);
