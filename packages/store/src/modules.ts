import type { Kysely, Transaction } from 'kysely';
import type { AdvisoryTables } from './advisories/index.ts';
import type { AssessmentModuleTables } from './assessments/index.ts';
import type { CpsfTables } from './cpsf/index.ts';
import type { GovernanceTables } from './governance/index.ts';
import type { LibraryTables } from './library/index.ts';
import type { PlatformTables } from './platform/index.ts';
import type { SmeTables } from './sme/index.ts';
import type { SharingTables } from './sharing/index.ts';
import type { SoftwareTables } from './software/index.ts';
import type { SupplychainTables } from './supplychain/index.ts';
import type { CampaignTables } from './supplychain/campaigns/index.ts';

/**
 * The registry of the store's modules. Each module is one folder (`<module>/tables.ts`, its repository
 * files, `<module>/index.ts`); it is registered here by re-exporting its index and naming its tables in
 * `Database`, and its migrations are listed in order in `migrate.ts`. A module's queries read only its
 * own tables and the platform's; what it needs of another module it gets through that module's functions.
 */
export * from './platform/index.ts';
export * from './library/index.ts';
export * from './assessments/index.ts';
export * from './sme/index.ts';
export * from './governance/index.ts';
export * from './cpsf/index.ts';
export * from './advisories/index.ts';
export * from './software/index.ts';
export * from './supplychain/index.ts';
export * from './supplychain/campaigns/index.ts';
export * from './sharing/index.ts';

/** Every table of every module. Times are ISO 8601 UTC text; booleans are 0/1. */
export interface Database
  extends
    PlatformTables,
    LibraryTables,
    AssessmentModuleTables,
    SmeTables,
    GovernanceTables,
    CpsfTables,
    AdvisoryTables,
    SoftwareTables,
    SupplychainTables,
    CampaignTables,
    SharingTables {}

/** Either the database or an open transaction on it. */
export type Executor = Kysely<Database> | Transaction<Database>;
