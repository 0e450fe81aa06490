#!/usr/bin/env node
import { Command } from 'commander';
import { registerCommands } from './commands/index';

// `pnpm imr <command>`: each command lives in commands/<name>.command.ts; commands/index.ts lists them.
const program = new Command();
program
  .name('imr')
  .description('California IMR decision letters: parse, ingest, serve, query')
  .showHelpAfterError();
registerCommands(program);

await program.parseAsync(process.argv);
