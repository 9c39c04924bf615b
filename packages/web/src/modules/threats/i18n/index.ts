import { defineNamespace } from '../../../i18n';
import type strings from './ja.json';

declare module '../../../i18n/resources' {
  interface Resources {
    threats: typeof strings;
  }
}

export const threatsI18n = defineNamespace('threats', () =>
  Promise.all([import('./ja.json'), import('./en.json')]).then(([ja, en]) => ({ ja, en })),
);
