import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Identical operations in flight at the same moment run once. On a large store a heavy aggregate blocks the
// process for seconds (better-sqlite3 is synchronous); when fifty dashboards open at once, each asking the
// same question, computing it fifty times would starve every other request before the response cache holds
// the first answer. Keyed by the store version too, so a commit in between starts a fresh run.

export interface CoalesceOptions {
  /** The store's version now (changes with every commit that can change an answer). */
  storeVersion: () => Promise<string>;
}

export function useCoalescedExecution(options: CoalesceOptions): Plugin {
  const inFlight = new Map<string, Promise<unknown>>();
  // Yoga's parser cache hands the same DocumentNode to every request with the same text, so the node's
  // identity stands for the document without printing it on every request.
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;
  const documentId = (document: DocumentNode): number => {
    let id = documentIds.get(document);
    if (id === undefined) {
      id = nextDocumentId++;
      documentIds.set(document, id);
    }
    return id;
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const key = [
          await options.storeVersion(),
          args.operationName ?? '',
          JSON.stringify(args.variableValues ?? {}),
          documentId(args.document),
        ].join('|');
        const running = inFlight.get(key);
        if (running) return running as ReturnType<typeof executeFn>;
        const started = Promise.resolve(executeFn(args)).finally(() => inFlight.delete(key));
        inFlight.set(key, started);
        return started;
      });
    },
  };
}
