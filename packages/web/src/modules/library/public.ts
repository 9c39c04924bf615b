// What other web modules may use of the catalog library module.
export { ProvenanceBadge } from './components/ProvenanceBadge';
