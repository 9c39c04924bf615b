/**
 * `shinrai advisories import PATH` on its own: bin/shinrai.mjs routes `advisories` here so that importing a
 * whole OSV database loads no HTTP server, PDF or spreadsheet code (shorter start-up, lower peak memory).
 * main.ts declares the same command for `shinrai --help` and for an option given before the command.
 */
import { Command } from 'commander';
import { advisoriesImportCommand } from './advisories-import.ts';
import { MESSAGES, pickLang, type MessageKey } from './messages.ts';
import { consoleOut } from './output.ts';

const lang = pickLang(process.argv, process.env);
const m = (k: MessageKey) => MESSAGES[k][lang];
const out = consoleOut(lang);

const program = new Command('shinrai')
  .option('--lang <lang>', m('langOption'))
  .helpOption('-h, --help', m('helpOption'));
program
  .command('advisories')
  .description(m('advisoriesCmd'))
  .command('import')
  .description(m('advisoriesImport'))
  .argument('<path>', m('pathArg'))
  .action(async (target: string) => {
    process.exitCode = await advisoriesImportCommand(out, target);
  });
await program.parseAsync(process.argv);
