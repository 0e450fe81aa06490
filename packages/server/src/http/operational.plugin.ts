import type { Db, SqlDialect } from '@imr/store/client';
import { pingStore } from '@imr/store/repositories/store-version.repository';
import type { Plugin } from 'graphql-yoga';
import { clientAddress } from './client-address';
import type { ClientRateLimiter } from './rate-limit';

export interface OperationalOptions {
  db: Db;
  dialect: SqlDialect;
  rateLimiter?: ClientRateLimiter;
  trustProxy?: boolean;
}

/**
 * `/healthz` (the process answers) and `/readyz` (the store answers too), then the per-client rate limit
 * (HTTP 429 with Retry-After) on everything else.
 */
export function useOperationalEndpoints(options: OperationalOptions): Plugin {
  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname === '/healthz') {
        endResponse(Response.json({ status: 'ok' }));
        return;
      }
      if (url.pathname === '/readyz') {
        try {
          await pingStore(options.db);
          endResponse(Response.json({ status: 'ready', store: options.dialect }));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          endResponse(Response.json({ status: 'unavailable', reason }, { status: 503 }));
        }
        return;
      }
      if (options.rateLimiter) {
        const waitMs = options.rateLimiter.take(
          clientAddress(request, serverContext, options.trustProxy ?? false),
        );
        if (waitMs > 0) {
          endResponse(
            new fetchAPI.Response(
              JSON.stringify({
                errors: [
                  {
                    message: `rate limit of ${options.rateLimiter.limitPerMinute} requests a minute exceeded; retry in ${Math.ceil(waitMs / 1000)} s`,
                    extensions: { code: 'RATE_LIMITED' },
                  },
                ],
              }),
              {
                status: 429,
                headers: {
                  'content-type': 'application/json',
                  'retry-after': String(Math.ceil(waitMs / 1000)),
                },
              },
            ),
          );
        }
      }
    },
  };
}
