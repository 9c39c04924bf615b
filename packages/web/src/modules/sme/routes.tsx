import { Route } from 'react-router';
import { assessmentsI18n } from '../assessments/i18n';
import { lazyPages } from '../lazy';
import { smeI18n } from './i18n';

// The self-check reuses the assessment workspace's strings.
const page = lazyPages(() => import('./pages'), [smeI18n, assessmentsI18n]);
const SmePage = page('SmePage');

export const orgRoutes = <Route path="sme" element={<SmePage />} />;
