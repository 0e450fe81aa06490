import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { checkOperationDeadline } from './operation-deadline';

// Every field's resolver, the default ones included, first checks the operation's deadline
// (operation-deadline.ts): a check per field, so no stretch of execution runs on past it for long.

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
    return (parent, args, context, info) => {
      checkOperationDeadline();
      return resolver(parent, args, context, info);
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, OperationDeadlinePlugin);

export default pluginName;
