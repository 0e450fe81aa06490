import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

// One line per command module; keep sorted.
const commands: RegisterCommand[] = [];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
