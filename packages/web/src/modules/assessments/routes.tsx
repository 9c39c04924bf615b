import { Route } from 'react-router';
import { lazyPages } from '../lazy';
import { assessmentsI18n } from './i18n';

const page = lazyPages(() => import('./pages'), [assessmentsI18n]);
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
