import { defineNamespace } from '../../../i18n';
import type strings from './ja.json';

declare module '../../../i18n/resources' {
  interface Resources {
    sme: typeof strings;
  }
}

export const smeI18n = defineNamespace('sme', () =>
  Promise.all([import('./ja.json'), import('./en.json')]).then(([ja, en]) => ({ ja, en })),
);
