// What other web modules may use of the SME module (its i18n namespace is public too: ../sme/i18n).
export { SmeSummaryCard } from './components/SmeSummaryCard';
export { catalogByTitle, GOVERNANCE_URN, guidedItems, latestCatalog } from './lib/sme';
