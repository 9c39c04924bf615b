import { Command } from 'commander';
import {
  auditVerifyCommand,
  backupCommand,
  createAdminCommand,
  migrateCommand,
  restoreCommand,
  serveCommand,
} from './commands.ts';
import { MESSAGES, pickLang, type MessageKey } from './messages.ts';
import { consoleOut } from './output.ts';
import { catalogImportCommand, type CatalogImportFlags } from './catalog-import.ts';
import { advisoriesImportCommand } from './advisories-import.ts';

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
  .action(() => exitWith(auditVerifyCommand(out)));

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

await program.parseAsync(process.argv);
