// The assessment engine as other modules use it: the one way to write an answer (editability and
// optimistic revision checked there), answer values for scoring, score refresh after a change,
// creating an assessment of a scope type inside the caller's transaction, and the scope-type registry
// (how each scope's answer refs name catalog items).
export { writeAnswer, type AnswerChange } from './answers.ts';
export { answerValues, refreshScore, scorePercents } from './scores.ts';
export { fail as failAssessment } from './errors.ts';
export { createAssessment, type CreatedAssessment, type NewAssessment } from './engine.ts';
export {
  catalogItemRef,
  scopeType,
  SCOPE_TYPE_REGISTRY,
  type ScopeType,
  type ScopeTypeId,
} from './scope-types.ts';
export { registerSharedResultFacet, type FacetAssessment, type SharedResultFacet } from './shared-facets.ts';
export { ownCatalogAnswers, type OwnCatalogAnswers } from './own-answers.ts';
