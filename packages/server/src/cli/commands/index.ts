import type { Command } from 'commander';
import { registerIngestCommand } from './ingest.command';
import { registerMigrateToCommand } from './migrate-to.command';
import { registerParseCommand } from './parse.command';
import { registerReparseCommand } from './reparse.command';

export type RegisterCommand = (program: Command) => void;

// One line per command module; keep sorted.
const commands: RegisterCommand[] = [
  registerIngestCommand,
  registerMigrateToCommand,
  registerParseCommand,
  registerReparseCommand,
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
