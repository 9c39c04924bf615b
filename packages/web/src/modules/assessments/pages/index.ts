export { AssessmentPage } from './AssessmentPage';
export { AssessmentsPage } from './AssessmentsPage';
export { SharedPage } from './SharedPage';
