/**
 * `shinrai advisories import PATH` and `shinrai advisories feed list|run` on their own: bin/shinrai.mjs routes `advisories` here so that importing a
 * whole OSV database loads no HTTP server, PDF or spreadsheet code (shorter start-up, lower peak memory).
 * main.ts declares the same command for `shinrai --help` and for an option given before the command.
 */
import { Command } from 'commander';
import { advisoriesFeedListCommand, advisoriesFeedRunCommand } from './advisories-feed.ts';
import { advisoriesImportCommand } from './advisories-import.ts';
import { MESSAGES, pickLang, type MessageKey } from './messages.ts';
import { consoleOut } from './output.ts';

const lang = pickLang(process.argv, process.env);
const m = (k: MessageKey) => MESSAGES[k][lang];
const out = consoleOut(lang);

const program = new Command('shinrai')
  .option('--lang <lang>', m('langOption'))
  .helpOption('-h, --help', m('helpOption'));
const advisories = program.command('advisories').description(m('advisoriesCmd'));
advisories
  .command('import')
  .description(m('advisoriesImport'))
  .argument('<path>', m('pathArg'))
  .action(async (target: string) => {
    process.exitCode = await advisoriesImportCommand(out, target);
  });
const feed = advisories.command('feed').description(m('advisoriesFeed'));
feed
  .command('list')
  .description(m('advisoriesFeedList'))
  .action(async () => {
    process.exitCode = await advisoriesFeedListCommand(out);
  });
feed
  .command('run')
  .description(m('advisoriesFeedRun'))
  .option('--source <name>', m('sourceOption'))
  .action(async (flags: { source?: string }) => {
    process.exitCode = await advisoriesFeedRunCommand(out, flags.source);
  });
await program.parseAsync(process.argv);
