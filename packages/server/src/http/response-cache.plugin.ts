import { createHash } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ByteBoundedCache } from './byte-bounded-cache';

// Answers cached until the store changes. Not @envelop/response-cache: that plugin tracks entities for
// invalidation by mutation, adding `__typename` and id fields to every selection and walking every answer
// twice to collect and strip them, then serialises each answer once to size it and again per hit. This API has
// no mutations and keys each answer by the store's data version, so none of that is needed; under a mix of
// questions never asked before it cost a quarter of the main thread. Here an answer is serialised once, and a
// hit is that string, sent as it is.

/** How the serialised answer ends when it was just computed, and how the cached copy ends instead. */
const MISS_TAIL = '"responseCache":{"hit":false,"didCache":true}}}';
const HIT_TAIL = '"responseCache":{"hit":true}}}';

export interface ResponseCacheOptions {
  cache: ByteBoundedCache;
  /** The store's data version: part of every key, so a commit makes every earlier answer unreachable. */
  storeVersion: () => Promise<string>;
  /** Milliseconds an answer is kept at most. */
  ttlMs: number;
}

type Extensions = Record<string, unknown> & { http?: unknown };

function isExecutionResult(result: unknown): result is ExecutionResult {
  return (
    typeof result === 'object' &&
    result !== null &&
    !Array.isArray(result) &&
    !(Symbol.asyncIterator in result)
  );
}

/** The key of a question: the store's version, the document, the operation and the variables. */
function cacheKey(version: string, query: string, operationName: string, variables: unknown): string {
  return createHash('sha256')
    .update(version)
    .update('\0')
    .update(query)
    .update('\0')
    .update(operationName)
    .update('\0')
    .update(JSON.stringify(variables ?? {}))
    .digest('hex');
}

export function useResponseCache(options: ResponseCacheOptions): Plugin {
  const keyOfRequest = new WeakMap<Request, string>();
  return {
    async onParams({ params, request, setResult }) {
      const key = cacheKey(
        await options.storeVersion(),
        params.query ?? '',
        params.operationName ?? '',
        params.variables,
      );
      const json = options.cache.get(key);
      if (json === null) {
        keyOfRequest.set(request, key);
        return;
      }
      // Yoga sends what `stringify` returns; the extensions are for plugins that look at the result in process.
      setResult({ extensions: { responseCache: { hit: true } }, stringify: () => json } as ExecutionResult);
    },
    onExecutionResult({ request, result, setResult }) {
      const key = keyOfRequest.get(request);
      if (key === undefined) return;
      keyOfRequest.delete(request);
      if (!isExecutionResult(result)) return;
      if ((result.errors?.length ?? 0) > 0 || result.data == null) {
        setResult({
          ...result,
          extensions: { ...result.extensions, responseCache: { hit: false, didCache: false } },
        });
        return;
      }
      // `http` (status and headers for this response) is not sent in the body, and not cached.
      const { http, ...extensions } = (result.extensions ?? {}) as Extensions;
      const answer = {
        data: result.data,
        extensions: { ...extensions, responseCache: { hit: false, didCache: true } },
      };
      const json = JSON.stringify(answer);
      if (json.endsWith(MISS_TAIL)) {
        options.cache.set(key, `${json.slice(0, -MISS_TAIL.length)}${HIT_TAIL}`, options.ttlMs);
      }
      setResult({
        ...answer,
        extensions: http === undefined ? answer.extensions : { ...answer.extensions, http },
        stringify: () => json,
      } as ExecutionResult);
    },
  };
}
