import { Route } from 'react-router';
import { lazyPages } from '../lazy';
import { smeI18n } from '../sme/i18n';
import { assessmentsI18n } from './i18n';

// The shared-results page shows a supplier's SME state, hence the sme strings.
const page = lazyPages(() => import('./pages'), [assessmentsI18n, smeI18n]);
const AssessmentsPage = page('AssessmentsPage');
const AssessmentPage = page('AssessmentPage');
const SharedPage = page('SharedPage');

export const orgRoutes = (
  <>
    <Route path="assessments" element={<AssessmentsPage />} />
    <Route path="assessments/:assessmentId/*" element={<AssessmentPage />} />
    <Route path="shared" element={<SharedPage />} />
    <Route path="shared/:shareId" element={<SharedPage />} />
  </>
);
