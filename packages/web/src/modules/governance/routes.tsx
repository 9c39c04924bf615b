import { Route } from 'react-router';
import { assessmentsI18n } from '../assessments/i18n';
import { lazyPages } from '../lazy';
import { governanceI18n } from './i18n';

// The dashboard lists assessments and charts their results.
const page = lazyPages(() => import('./pages'), [governanceI18n, assessmentsI18n]);
const GovernancePage = page('GovernancePage');

export const orgRoutes = <Route path="governance" element={<GovernancePage />} />;
