// The purl module is not yet exported from @shinrai/core's index (the lead wires it); until then it
// is imported from its source here, in one place. Replace with `from '@shinrai/core'` once exported.
export { formatPurl, parsePurl, buildPurl, purlKey } from '../../../../core/src/software/purl/index.ts';
