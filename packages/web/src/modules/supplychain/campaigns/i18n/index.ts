import { defineNamespace } from '../../../../i18n';
import type strings from './ja.json';

declare module '../../../../i18n/resources' {
  interface Resources {
    campaigns: typeof strings;
  }
}

/** Strings of questionnaire campaigns and of the respondent page. */
export const campaignsI18n = defineNamespace('campaigns', () =>
  Promise.all([import('./ja.json'), import('./en.json')]).then(([ja, en]) => ({ ja, en })),
);
