import type { Command } from 'commander';
import { registerGenerateCommand } from './generate.command';
import { registerIngestCommand } from './ingest.command';
import { registerMigrateToCommand } from './migrate-to.command';
import { registerParseCommand } from './parse.command';
import { registerQueryCommand } from './query.command';
import { registerReparseCommand } from './reparse.command';
import { registerServeCommand } from './serve.command';
import { registerStartCommand } from './start.command';

export type RegisterCommand = (program: Command) => void;

// One line per command module; keep sorted.
const commands: RegisterCommand[] = [
  registerGenerateCommand,
  registerIngestCommand,
  registerMigrateToCommand,
  registerParseCommand,
  registerQueryCommand,
  registerReparseCommand,
  registerServeCommand,
  registerStartCommand,
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
