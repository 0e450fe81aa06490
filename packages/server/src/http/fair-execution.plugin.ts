import { setImmediate as nextTurn } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { clientAddress } from './client-address';
import type { ClientGate } from './client-gate';
import type { ClientRateLimiter } from './rate-limit';

export interface FairExecutionOptions {
  /** Operations of one client running at once, and waiting. */
  gate: ClientGate;
  /** Cost a client may spend a minute (schema/field-cost.ts units); absent: unlimited. */
  costBudget?: ClientRateLimiter;
  /** The cost the query-cost plugin found for the operation of this context. */
  costOf: (context: object) => number;
  trustProxy: boolean;
}

function refused(message: string, retryAfterS?: number): { errors: GraphQLError[] } {
  return {
    errors: [
      new GraphQLError(message, {
        extensions: {
          code: 'RATE_LIMITED',
          ...(retryAfterS === undefined ? {} : { retryAfterS }),
          http: {
            status: 429,
            headers: retryAfterS === undefined ? {} : { 'retry-after': String(retryAfterS) },
          },
        },
      }),
    ],
  };
}

/**
 * Charges each operation's cost to its client's budget (refused with RATE_LIMITED when spent, so four heavy
 * operations count for what they cost, not for four requests), and runs a client's operations through its
 * turn at the gate. Before running, it yields a turn of the event loop, so requests already received (another
 * client's health check or cheap query) are answered first. Runs only for operations really executed: cached
 * answers pass by.
 */
export function useFairExecution(options: FairExecutionOptions): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const context = args.contextValue as { request?: Request };
        const client = context.request
          ? clientAddress(context.request, context, options.trustProxy)
          : 'local';
        const cost = options.costOf(context);
        const waitMs = options.costBudget?.take(client, Math.max(1, cost)) ?? 0;
        if (waitMs > 0) {
          const retryAfterS = Math.ceil(waitMs / 1000);
          return refused(
            `cost budget of ${options.costBudget?.limitPerMinute} a minute spent (this operation costs ${cost}); retry in ${retryAfterS} s`,
            retryAfterS,
          );
        }
        const release = await options.gate.enter(client);
        if (release === null) {
          return refused(
            `${options.gate.queuePerClient} operations of this client are already waiting: wait for their answers`,
          );
        }
        try {
          await nextTurn();
          return await executeFn(args);
        } finally {
          release();
        }
      });
    },
  };
}
