import { defineNamespace } from '../../../i18n';
import type strings from './ja.json';

declare module '../../../i18n/resources' {
  interface Resources {
    library: typeof strings;
  }
}

export const libraryI18n = defineNamespace('library', () =>
  Promise.all([import('./ja.json'), import('./en.json')]).then(([ja, en]) => ({ ja, en })),
);
