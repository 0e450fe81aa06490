import DataLoader from 'dataloader';
import type { Context } from '../context';
import { requestScoped } from '../request-scoped';
import type { PageArgs } from './types/page.args';

// A nested connection (a case's items, an item's citations...) is one page per parent, and the parents of a
// request that ask with the same `first` and `after` share one batch: one statement for all of them. The Pothos
// dataloader plugin's `t.loadable({ byPath })` batches the same way, keyed by the field's path, which it spells
// out for every parent (a string built from `info.path`, and the resolve info graphql-jit builds for it) inside
// an async wrapper: a page of 100 cases with their items and citations asked ~300 of those a request. Parents at
// different paths with the same arguments share a batch here; the page of each depends only on its arguments.

/** Loads one page of children for `parentId`, batched with the other parents the request asks the same way. */
export function childPageLoader<Page>(
  load: (ctx: Context, parentIds: readonly number[], args: PageArgs) => Promise<Page[]>,
): (ctx: Context, args: PageArgs, parentId: number) => Promise<Page> {
  const loadersOf = requestScoped(() => new Map<string, DataLoader<number, Page>>());
  return (ctx, args, parentId) => {
    // `first` is an integer (or absent), so the first ':' ends it; no `after` and an empty one stay apart.
    const key = args.after == null ? `${args.first}` : `${args.first}:${args.after}`;
    const loaders = loadersOf(ctx);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, Page>((ids) => load(ctx, ids, args));
      loaders.set(key, loader);
    }
    return loader.load(parentId);
  };
}
