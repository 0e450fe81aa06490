import type { Command } from 'commander';
import { registerMigrateToCommand } from './migrate-to.command';

export type RegisterCommand = (program: Command) => void;

// One line per command module; keep sorted.
const commands: RegisterCommand[] = [registerMigrateToCommand];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
