import { setImmediate as nextTurn } from 'node:timers/promises';
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';

// An operation's root fields start one per turn of the event loop. SQLite statements run on this thread and
// hand their rows on through promises alone, so a root field and everything under it run without letting the
// loop turn; fifteen aliased searches started together would hold it for all fifteen, and a health check or
// another client's cheap query would wait for the lot. Started a turn apart, they let requests that arrived
// in between be answered, and operations in flight at once take turns root field by root field.

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      rootFieldTurns: RootFieldTurnsPlugin<Types>;
    }
  }
}

const pluginName = 'rootFieldTurns';

/** Per operation (its context): when its latest root field was let start. */
const latestTurn = new WeakMap<object, Promise<void>>();

export class RootFieldTurnsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Query') return resolver;
    return (parent, args, context, info) => {
      const key = context as object;
      const previous = latestTurn.get(key);
      if (previous === undefined) {
        // The first root field starts at once: most operations have one.
        latestTurn.set(key, Promise.resolve());
        return resolver(parent, args, context, info);
      }
      const mine = previous.then(() => nextTurn());
      latestTurn.set(key, mine);
      return mine.then(() => resolver(parent, args, context, info));
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, RootFieldTurnsPlugin);

export default pluginName;
