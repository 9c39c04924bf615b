import type { ComponentType, ReactNode } from 'react';
import type { Namespace } from '../i18n';
import type common from '../i18n/common/ja.json';
import type { NavRule } from './visibility';

/** A label of the menu: a key of `nav` in the common namespace (the menu shows before any module loads). */
export type NavLabel = Exclude<keyof (typeof common)['nav'], 'label' | 'toggle' | 'more' | 'waiting'>;

/** One entry of the navigation menu, declared by the module that owns the pages. */
export interface NavEntry extends NavRule {
  /** The path segment under /orgs/:orgId/ that the entry opens and whose pages it guards. */
  section: string;
  /**
   * A key of `nav` in the common namespace, or the module's own label in both languages (the menu
   * renders before the module's strings load, so a new module brings its label here).
   */
  label: NavLabel | { ja: string; en: string };
  icon: ComponentType;
  /** Position in the menu, which lists the entries of all modules sorted by it. */
  order: number;
  /** Also shown, linking to /<section>, when no organization is selected. */
  global?: boolean;
  /**
   * A count shown on the entry when above zero (e.g. requests waiting for an answer); an entry with a
   * count moves from "more" into the main menu, so it is not missed.
   */
  badge?: (orgId: string) => Promise<number>;
}

/** A label in both languages (for places that show before, or without, the module's strings). */
export interface BilingualLabel {
  ja: string;
  en: string;
}

/** How the audit log page names a module's actions (`software.sbom.upload`) and object types. */
export interface AuditLabels {
  actions: Readonly<Record<string, BilingualLabel>>;
  targets: Readonly<Record<string, BilingualLabel>>;
}

/** A web module: its routes, menu entries and strings. Listed once, in modules/index.ts. */
export interface WebModule {
  /** The module's folder name under src/modules/. */
  name: string;
  /** The i18next namespace of the module's strings, loaded with its pages. */
  i18n: Namespace;
  /** <Route>s under /orgs/:orgId (relative paths), inside the signed-in layout. */
  orgRoutes?: ReactNode;
  /** <Route>s at the root inside the signed-in layout (e.g. `account` without an organization). */
  routes?: ReactNode;
  /** <Route>s outside the signed-in layout (sign-in, first-run setup, invitations). */
  publicRoutes?: ReactNode;
  nav: readonly NavEntry[];
  auditLabels?: AuditLabels;
}
