import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { checkOperationDeadline } from './operation-deadline';

// Every field with a resolver of its own first checks the operation's deadline (operation-deadline.ts), so no
// stretch of execution runs on past it for long. A field that only reads its parent's property (graphql's default
// resolver) is left unwrapped: it does no work worth stopping, and unwrapped it stays a property read that
// graphql-jit compiles inline, where a wrapped one is a resolver call (with the promise and error handling that
// takes) for every scalar of every node. Between two checks there is then at most one page of nodes' properties.

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      operationDeadline: OperationDeadlinePlugin<Types>;
    }
  }
}

const pluginName = 'operationDeadline';

export class OperationDeadlinePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    _fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (resolver === defaultFieldResolver) return resolver;
    return (parent, args, context, info) => {
      checkOperationDeadline(context as { deadline?: number | undefined });
      return resolver(parent, args, context, info);
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, OperationDeadlinePlugin);

export default pluginName;
