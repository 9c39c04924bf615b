import type { WebModule } from '../types';
import { threatsI18n } from './i18n';
import { nav } from './nav';
import { orgRoutes } from './routes';

/** The threat library: IPA's yearly top 10 threats, their history and what answers them here. */
export const threats: WebModule = { name: 'threats', i18n: threatsI18n, orgRoutes, nav };
