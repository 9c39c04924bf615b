import { Route } from 'react-router';
import { lazyPages } from '../lazy';
import { threatsI18n } from './i18n';

const page = lazyPages(() => import('./pages'), [threatsI18n]);
const ThreatsPage = page('ThreatsPage');
const ThreatPage = page('ThreatPage');

export const orgRoutes = (
  <>
    <Route path="threats" element={<ThreatsPage />} />
    <Route path="threats/:key" element={<ThreatPage />} />
  </>
);
