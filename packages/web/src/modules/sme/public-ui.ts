// SME components other modules show (the overview's SME card); they use the `sme` namespace, so a
// module showing them loads it with its pages.
export { SmeSummaryCard } from './components/SmeSummaryCard';
export { SharedSmeDetails, SharedSmeState } from './components/SharedSmeSummary';
