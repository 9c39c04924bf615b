import { defineNamespace } from '../../../i18n';
import type strings from './ja.json';

declare module '../../../i18n/resources' {
  interface Resources {
    software: typeof strings;
  }
}

export const softwareI18n = defineNamespace('software', () =>
  Promise.all([import('./ja.json'), import('./en.json')]).then(([ja, en]) => ({ ja, en })),
);
