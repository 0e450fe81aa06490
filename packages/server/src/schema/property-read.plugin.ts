import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';

// A field marked `extensions: { propertyRead: true }` answers its parent's property of the same name, whatever
// resolver a plugin gave it (relay's `edges`, `node` and `pageInfo` are `(parent) => parent.edges`...; the
// dataloader plugin wraps `node` to load ids, and our rows are never ids). Pothos leaves a field whose resolver
// is graphql's default without one, and graphql-jit compiles such a field as a property read; a resolver is a
// call with a resolve-info object, closures and a promise check, for every edge of every nested page (a page of
// 100 cases with their items and citations made ~5,000 such calls and ~6 MB of garbage).
//
// It must be the first plugin, so that its wrapper is the outermost and replaces the whole chain.

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      propertyRead: PropertyReadPlugin<Types>;
    }
  }
}

const pluginName = 'propertyRead';

/**
 * `extensions` of a field whose resolver returns its parent's property of the same name (an enum column stored as
 * its GraphQL value, say): the field is served as that property read. `property-read.plugin.test.ts` holds each
 * such resolver to it.
 */
export const PROPERTY_READ = { propertyRead: true } as const;

export class PropertyReadPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    return fieldConfig.extensions?.propertyRead === true ? defaultFieldResolver : resolver;
  }
}

SchemaBuilder.registerPlugin(pluginName, PropertyReadPlugin);

export default pluginName;
