// What other web modules may use of the SME module's logic (its i18n namespace is public too:
// ../sme/i18n; its components for other pages are in public-ui.ts, so importing this file
// brings no component or string of the SME module along).
export { catalogByTitle, GOVERNANCE_URN, guidedItems, latestCatalog } from './lib/sme';
