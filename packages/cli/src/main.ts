import { Command } from 'commander';
import {
  backupCommand,
  createAdminCommand,
  migrateCommand,
  restoreCommand,
  serveCommand,
} from './commands.ts';
import { MESSAGES, pickLang, type MessageKey } from './messages.ts';
import { consoleOut } from './output.ts';
import { auditCheckpointCommand, auditPublicKeyCommand, auditVerifyCommand } from './audit-cli.ts';
import { catalogImportCommand, type CatalogImportFlags } from './catalog-import.ts';
import { advisoriesFeedListCommand, advisoriesFeedRunCommand } from './advisories-feed.ts';
import { advisoriesImportCommand } from './advisories-import.ts';
import { sharingSanitizeCommand } from './sharing-cli.ts';
import { sharingImportStixCommand } from './sharing-import.ts';

const lang = pickLang(process.argv, process.env);
const m = (k: MessageKey) => MESSAGES[k][lang];
const out = consoleOut(lang);

function exitWith(code: Promise<number>): Promise<void> {
  return code.then((c) => {
    process.exitCode = c;
  });
}

const program = new Command('shinrai')
  .description(m('description'))
  .option('--lang <lang>', m('langOption'))
  .helpOption('-h, --help', m('helpOption'))
  .helpCommand('help [command]', m('helpCommand'))
  .version('0.1.0', '-V, --version', m('versionOption'));

program.command('serve').description(m('serve')).action(serveCommand);
program
  .command('migrate')
  .description(m('migrate'))
  .action(() => exitWith(migrateCommand(out)));
program
  .command('create-admin')
  .description(m('createAdmin'))
  .requiredOption('--email <email>', m('emailOpt'))
  .requiredOption('--name <name>', m('nameOpt'))
  .option('--org <name>', m('orgOpt'))
  .option('--password-stdin', m('passwordStdin'))
  .action((o: { email: string; name: string; org?: string; passwordStdin?: boolean }) =>
    exitWith(createAdminCommand(out, o)),
  );
program
  .command('backup')
  .description(m('backup'))
  .argument('[file]', m('fileArg'))
  .action((file: string | undefined) => exitWith(backupCommand(out, file)));
program
  .command('restore')
  .description(m('restore'))
  .argument('<file>', m('fileArg'))
  .action((file: string) => exitWith(restoreCommand(out, file)));
const audit = program.command('audit').description(m('auditCmd'));
audit
  .command('verify')
  .description(m('auditVerify'))
  .option('--checkpoints <file>', m('checkpointsOpt'))
  .option('--public-key <file>', m('publicKeyOpt'))
  .action((o: { checkpoints?: string; publicKey?: string }) => exitWith(auditVerifyCommand(out, o)));
audit
  .command('checkpoint')
  .description(m('auditCheckpoint'))
  .option('--all', m('checkpointAllOpt'))
  .action((o: { all?: boolean }) => exitWith(auditCheckpointCommand(out, o)));
audit
  .command('public-key')
  .description(m('auditPublicKey'))
  .action(() => exitWith(Promise.resolve(auditPublicKeyCommand(out))));

const catalog = program.command('catalog').description(m('catalogCmd'));
catalog
  .command('import')
  .description(m('catalogImport'))
  .argument('<file>', m('fileArg'))
  .requiredOption('--org <slug>', m('orgOption'))
  .option('--sheet <name>', m('sheetOption'))
  .option('--map <mapping>', m('mapOption'))
  .option('--urn <urn>', m('urnOption'))
  .option('--pack-version <version>', m('packVersionOption'))
  .option('--title-ja <title>', m('titleJaOption'))
  .option('--title-en <title>', m('titleEnOption'))
  .option('--base <urn>', m('baseOption'))
  .option('--official', m('officialOption'))
  .option('--dry-run', m('dryRunOption'))
  .action((file: string, flags: CatalogImportFlags) => exitWith(catalogImportCommand(out, file, flags)));

const advisories = program.command('advisories').description(m('advisoriesCmd'));
advisories
  .command('import')
  .description(m('advisoriesImport'))
  .argument('<path>', m('pathArg'))
  .action((target: string) => exitWith(advisoriesImportCommand(out, target)));
const feed = advisories.command('feed').description(m('advisoriesFeed'));
feed
  .command('list')
  .description(m('advisoriesFeedList'))
  .action(() => exitWith(advisoriesFeedListCommand(out)));
feed
  .command('run')
  .description(m('advisoriesFeedRun'))
  .option('--source <name>', m('sourceOption'))
  .action((flags: { source?: string }) => exitWith(advisoriesFeedRunCommand(out, flags.source)));

const sharing = program.command('sharing').description(m('sharingCmd'));
sharing
  .command('sanitize')
  .description(m('sharingSanitize'))
  .requiredOption('--jsonl <file>', m('jsonlOption'))
  .action((o: { jsonl: string }) => exitWith(sharingSanitizeCommand(out, o.jsonl)));
sharing
  .command('import-stix')
  .description(m('sharingImportStix'))
  .argument('<file>', m('fileArg'))
  .requiredOption('--org <slug>', m('orgOption'))
  .action((file: string, o: { org: string }) => exitWith(sharingImportStixCommand(out, file, o.org)));

// sbom and artifact: bin/shinrai.mjs sends these straight to software-cli.ts (lean start-up); they are
// declared here too so that `shinrai --help` lists them. Reached here only when an option comes first
// (`shinrai --lang en sbom scan …`): software-cli.ts then reads process.argv itself.
const SOFTWARE_HELP = {
  softwareHeading: {
    ja: 'ソフトウェアサプライチェーン（SBOM・脆弱性・配布ファイル）:',
    en: 'Software supply chain (SBOM, advisories, distributed files):',
  },
  sbomCmd: { ja: 'SBOM のスキャンとアップロード', en: 'scan and upload SBOMs' },
  sbomScan: {
    ja: 'SBOM（CycloneDX・SPDX・package-lock）をローカルの脆弱性 DB とオフラインで照合（該当あり 1、入力不正 2 で終了）',
    en: 'match an SBOM (CycloneDX, SPDX, package-lock) against the local advisory database offline (exit 1 on findings, 2 on bad input)',
  },
  sbomUpload: {
    ja: 'SBOM を API トークンでサーバーの製品・リリースへ送る',
    en: 'send an SBOM to a product release on the server with an API token',
  },
  artifactCmd: { ja: '配布ファイルの完全性', en: 'integrity of distributed files' },
  artifactVerify: {
    ja: '配布ファイルの SHA-256 を登録値と照合（不一致はインシデントとして記録）',
    en: 'check a distributed file against its registered SHA-256 (a mismatch opens an incident)',
  },
  formatOpt: { ja: '出力形式 (table / json / sarif)', en: 'output format (table / json / sarif)' },
  failOnOpt: {
    ja: 'この重大度以上の該当で終了コード 1 (critical / high / medium / low / unknown / never)',
    en: 'exit 1 on a finding at or above this severity (critical / high / medium / low / unknown / never)',
  },
  productOpt: { ja: '製品名', en: 'product name' },
  releaseOpt: { ja: 'リリース（バージョン）', en: 'release (version)' },
  urlOpt: { ja: 'サーバーの URL（または SHINRAI_URL）', en: 'server URL (or SHINRAI_URL)' },
  tokenOpt: { ja: 'API トークン（または SHINRAI_TOKEN）', en: 'API token (or SHINRAI_TOKEN)' },
  orgIdOpt: { ja: '組織 ID（または SHINRAI_ORG）', en: 'organization id (or SHINRAI_ORG)' },
} as const;
const sw = (k: keyof typeof SOFTWARE_HELP) => SOFTWARE_HELP[k][lang];
const runSoftwareCli = async () => {
  await import('./software-cli.ts');
};
const withApiOptions = (c: Command) =>
  c
    .requiredOption('--product <name>', sw('productOpt'))
    .requiredOption('--release <version>', sw('releaseOpt'))
    .option('--url <url>', sw('urlOpt'))
    .option('--token <token>', sw('tokenOpt'))
    .option('--org <orgId>', sw('orgIdOpt'));
const sbom = program.command('sbom').description(sw('sbomCmd'));
sbom
  .command('scan')
  .description(sw('sbomScan'))
  .argument('<file>', m('fileArg'))
  .option('--format <format>', sw('formatOpt'), 'table')
  .option('--fail-on <severity>', sw('failOnOpt'), 'high')
  .action(runSoftwareCli);
withApiOptions(sbom.command('upload').description(sw('sbomUpload')).argument('<file>', m('fileArg'))).action(
  runSoftwareCli,
);
withApiOptions(
  program
    .command('artifact')
    .description(sw('artifactCmd'))
    .command('verify')
    .description(sw('artifactVerify'))
    .argument('<file>', m('fileArg')),
).action(runSoftwareCli);

const softwareUsage: [string, string][] = [
  ['sbom scan <file> [--format table|json|sarif] [--fail-on SEVERITY]', sw('sbomScan')],
  ['sbom upload <file> --product P --release R', sw('sbomUpload')],
  ['artifact verify <file> --product P --release R', sw('artifactVerify')],
  ['advisories import <path>', m('advisoriesImport')],
];
program.addHelpText(
  'after',
  `\n${sw('softwareHeading')}\n${softwareUsage.map(([usage, text]) => `  ${usage}\n      ${text}`).join('\n')}\n`,
);

await program.parseAsync(process.argv);
