import { defineNamespace } from '../../../../i18n';
import type strings from './ja.json';

declare module '../../../../i18n/resources' {
  interface Resources {
    inbox: typeof strings;
  }
}

/** Strings of the supplier's inbox and of reusing earlier answers. */
export const inboxI18n = defineNamespace('inbox', () =>
  Promise.all([import('./ja.json'), import('./en.json')]).then(([ja, en]) => ({ ja, en })),
);
