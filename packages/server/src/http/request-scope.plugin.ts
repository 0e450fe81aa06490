import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';

// When an operation is done, its loaders drop what they loaded. The Pothos dataloader plugin keeps each
// request's loaders in WeakMaps keyed by the context, and V8's scavenger keeps a WeakMap's values (and the
// context their batch functions close over) alive through the next scavenge or two even once the request is
// gone: emptied, they hold a few small objects instead of every row of the page.

export function useRequestScopeRelease(): Plugin<Partial<Context>> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args }) {
          const context = args.contextValue as Partial<Context>;
          clearAllDataLoaders(context);
          context.requestValues?.clear();
        },
      };
    },
  };
}
