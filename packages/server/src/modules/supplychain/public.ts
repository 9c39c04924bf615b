// The supply-chain module as other modules use it: the board report's supply-chain section
// (coverage, overdue requests, weakest suppliers, ★ required vs held), as data, PDF pages and a sheet.
import type { Deps } from '../../platform/deps.ts';
import { coverageDashboard, type CoverageDashboard } from './coverage-service.ts';

export {
  coverageBoardSheet as supplyChainXlsxSheet,
  coveragePdfSections as supplyChainPdfSection,
} from './coverage-report.ts';
export { coverageLabels as supplyChainLabels } from './coverage-labels.ts';
export type SupplyChainSummary = CoverageDashboard;

/** The supply-chain figures of an organization for its board report (read as a viewer would). */
export async function supplyChainBoardSummary(deps: Deps, orgId: string): Promise<SupplyChainSummary> {
  return coverageDashboard({
    deps,
    orgId,
    role: 'viewer',
    actor: { userId: null, tokenId: null, requestId: null },
    now: deps.now(),
  });
}
