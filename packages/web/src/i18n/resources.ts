import type common from './common/ja.json';

/**
 * The i18next namespaces and their keys (ja is the reference language). The shared `common`
 * namespace is declared here; each module adds its own in modules/<module>/i18n/index.ts.
 */
export interface Resources {
  common: typeof common;
}
