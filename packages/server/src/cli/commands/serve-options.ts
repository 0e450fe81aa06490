import { DEFAULT_HOST, DEFAULT_PORT } from '../../main';

// Options shared by `imr serve` and `imr start`.

export interface ServeCommandOptions {
  db?: string;
  port?: string;
  host?: string | boolean;
}

/** --port, else PORT, else 4000; a clear error for anything that is not a port number. */
export function portOf(raw: string | undefined): number {
  const value = raw ?? process.env.PORT;
  if (value === undefined || value === '') return DEFAULT_PORT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`--port (or PORT) must be a port number 0-65535, got "${value}"`);
  }
  return n;
}

/** `--host` alone listens on every interface; `--host ADDR` on that one; default loopback only. */
export function hostOf(raw: string | boolean | undefined): string {
  if (raw === true) return '0.0.0.0';
  if (typeof raw === 'string' && raw !== '') return raw;
  return process.env.HOST || DEFAULT_HOST;
}
