import type { Kysely, Transaction } from 'kysely';
import type { AdvisoryTables } from './advisories/tables.ts';
import type { AssessmentModuleTables } from './assessments/tables.ts';
import type { CpsfTables } from './cpsf/tables.ts';
import type { GovernanceTables } from './governance/tables.ts';
import type { LibraryTables } from './library/tables.ts';
import type { PlatformTables } from './platform/tables.ts';
import type { SmeTables } from './sme/tables.ts';
import type { SharingTables } from './sharing/tables.ts';
import type { SoftwareTables } from './software/tables.ts';
import type { SupplychainTables } from './supplychain/tables.ts';
import type { CampaignTables } from './supplychain/campaigns/tables.ts';
import type { StarResultTables } from './supplychain/star/tables.ts';

// The database's type, apart from the registry (modules.ts) so that a module's queries can name it without
// importing every module's index: each module's repositories import this file, and this file only the modules'
// tables.ts, which import nothing.

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
    StarResultTables,
    SharingTables {}

/** Either the database or an open transaction on it. */
export type Executor = Kysely<Database> | Transaction<Database>;
