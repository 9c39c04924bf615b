import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import type { DialectOps } from './dialect/types.ts';
import { identityMigration } from './platform/migrations/0001-identity.ts';
import { libraryMigration } from './library/migrations/0002-library.ts';
import { mappingsMigration } from './library/migrations/0003-mappings.ts';
import { totpStepMigration } from './platform/migrations/0004-totp-step.ts';
import { assessmentScoresMigration } from './assessments/migrations/0005-assessment-scores.ts';
import { evidenceMigration } from './assessments/migrations/0006-evidence.ts';
import { answersIndexMigration } from './assessments/migrations/0007-answers-index.ts';
import { membersOrderMigration } from './platform/migrations/0008-members-order.ts';
import { governanceMigration } from './governance/migrations/0009-governance.ts';
import { smeMigration } from './sme/migrations/0010-sme.ts';
import { cpsfMigration } from './cpsf/migrations/0011-cpsf.ts';
import { advisoriesMigration } from './advisories/migrations/0012-advisories.ts';
import { softwareMigration } from './software/migrations/0013-software.ts';
import { whereUsedIndexMigration } from './software/migrations/0014-where-used-index.ts';
import { filesMigration } from './platform/migrations/0015-files.ts';
import { auditChainsMigration } from './platform/migrations/0016-audit-chains.ts';
import { advisoryRunsMigration } from './advisories/migrations/0017-advisory-runs.ts';
import { vexHistoryMigration } from './software/migrations/0018-vex-history.ts';
import { peerBenchmarksMigration } from './governance/migrations/0019-peer-benchmarks.ts';
import { governanceReportNotesMigration } from './governance/migrations/0020-governance-report-notes.ts';
import { advisoryContentHashMigration } from './advisories/migrations/0021-advisory-content-hash.ts';
import { advisoryFeedMigration } from './advisories/migrations/0022-advisory-feed.ts';
import { assessmentSettingsMigration } from './assessments/migrations/0025-assessment-settings.ts';
import { orgDiscoveryMigration } from './platform/migrations/0026-org-discovery.ts';
import { supplychainMigration } from './supplychain/migrations/0027-supplychain.ts';
import { supplychainCampaignsMigration } from './supplychain/migrations/0028-supplychain-campaigns.ts';
import { sharingMigration } from './sharing/migrations/0029-sharing.ts';
import { sharingTaxiiMigration } from './sharing/migrations/0030-sharing-taxii.ts';
import { sharingNotifyMigration } from './sharing/migrations/0031-sharing-notify.ts';
import { sharingIntakeMigration } from './sharing/migrations/0032-sharing-intake.ts';
import { sharingAttachmentsMigration } from './sharing/migrations/0033-sharing-attachments.ts';
import { supplychainInboxMigration } from './supplychain/migrations/0034-supplychain-inbox.ts';
import { supplychainOnwardMigration } from './supplychain/migrations/0035-supplychain-onward.ts';
import { supplychainStarResultsMigration } from './supplychain/migrations/0036-supplychain-star-results.ts';
import { componentKeysMigration } from './software/migrations/0037-software-component-keys.ts';
import { advisoryGenerationMigration } from './advisories/migrations/0038-advisory-generation.ts';
import { supplychainStarEditMailLanguageMigration } from './supplychain/migrations/0039-supplychain-star-edit-mail-language.ts';
import type { Database } from './database.ts';

/**
 * Every migration, in the order it runs. The names are recorded in existing databases: never rename or
 * reorder them. Each file lives in the folder of the module it belongs to; a new one is added at the end.
 */
function migrations(ops: DialectOps): Record<string, Migration> {
  return {
    '0001-identity': identityMigration(ops),
    '0002-library': libraryMigration(),
    '0003-mappings': mappingsMigration(),
    '0004-totp-step': totpStepMigration(),
    '0005-assessment-scores': assessmentScoresMigration(),
    '0006-evidence': evidenceMigration(ops),
    '0007-answers-index': answersIndexMigration(),
    '0008-members-order': membersOrderMigration(),
    '0009-governance': governanceMigration(),
    '0010-sme': smeMigration(),
    '0011-cpsf': cpsfMigration(),
    '0012-advisories': advisoriesMigration(),
    '0013-software': softwareMigration(),
    '0014-where-used-index': whereUsedIndexMigration(),
    '0015-files': filesMigration(ops),
    '0016-audit-chains': auditChainsMigration(ops),
    '0017-advisory-runs': advisoryRunsMigration(),
    '0018-vex-history': vexHistoryMigration(),
    '0019-peer-benchmarks': peerBenchmarksMigration(),
    '0020-governance-report-notes': governanceReportNotesMigration(),
    '0021-advisory-content-hash': advisoryContentHashMigration(),
    '0022-advisory-feed': advisoryFeedMigration(),
    '0025-assessment-settings': assessmentSettingsMigration(),
    '0026-org-discovery': orgDiscoveryMigration(),
    '0027-supplychain': supplychainMigration(),
    '0028-supplychain-campaigns': supplychainCampaignsMigration(),
    '0029-sharing': sharingMigration(),
    '0030-sharing-taxii': sharingTaxiiMigration(),
    '0031-sharing-notify': sharingNotifyMigration(),
    '0032-sharing-intake': sharingIntakeMigration(),
    '0033-sharing-attachments': sharingAttachmentsMigration(),
    '0034-supplychain-inbox': supplychainInboxMigration(),
    '0035-supplychain-onward': supplychainOnwardMigration(),
    '0036-supplychain-star-results': supplychainStarResultsMigration(),
    '0037-software-component-keys': componentKeysMigration(),
    '0038-advisory-generation': advisoryGenerationMigration(),
    '0039-supplychain-star-edit-mail-language': supplychainStarEditMailLanguageMigration(),
  };
}

export interface MigrateOutcome {
  error: unknown;
  results: MigrationResult[];
}

/** Applies every pending migration, each in its own transaction. */
export async function migrateToLatest(db: Kysely<Database>, ops: DialectOps): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(ops) },
  });
  const { error, results } = await migrator.migrateToLatest();
  return { error, results: results ?? [] };
}

/** Applies the migrations up to and including `name` (tests of a migration over existing data). */
export async function migrateUpTo(
  db: Kysely<Database>,
  ops: DialectOps,
  name: string,
): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(ops) },
  });
  const { error, results } = await migrator.migrateTo(name);
  return { error, results: results ?? [] };
}
