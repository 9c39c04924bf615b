// What other web modules may use of the assessments module (its i18n namespace is public too).
export { AssessmentStatusBadge } from './components/AssessmentStatusBadge';
