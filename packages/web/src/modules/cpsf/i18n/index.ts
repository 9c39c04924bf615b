import { defineNamespace } from '../../../i18n';
import type strings from './ja.json';

declare module '../../../i18n/resources' {
  interface Resources {
    cpsf: typeof strings;
  }
}

export const cpsfI18n = defineNamespace('cpsf', () =>
  Promise.all([import('./ja.json'), import('./en.json')]).then(([ja, en]) => ({ ja, en })),
);
