// The assessment engine as other modules use it: the one way to write an answer (editability and
// optimistic revision checked there), answer values for scoring, and score refresh after a change.
export { writeAnswer, type AnswerChange } from './answers.ts';
export { answerValues, refreshScore } from './scores.ts';
export { fail as failAssessment } from './errors.ts';
