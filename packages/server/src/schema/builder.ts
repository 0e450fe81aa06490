import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context';
import { fieldCost } from './field-cost';
import { resolveLimitedNodes } from './node-ids-limit';
import OperationDeadlinePlugin from './operation-deadline.plugin';
import PropertyReadPlugin from './property-read.plugin';
import RootFieldTurnsPlugin from './root-field-turns.plugin';

// Configuration only: plugins, scalars and the Context type. Types live in types/<one-type>.type.ts.
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  DefaultFieldNullability: false;
  Connection: {
    /** Lazily counted: the COUNT(*) runs only when a query asks for totalCount. */
    totalCount: number | (() => Promise<number>);
  };
  Scalars: {
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [
    PropertyReadPlugin,
    RelayPlugin,
    DataloaderPlugin,
    ComplexityPlugin,
    OperationDeadlinePlugin,
    RootFieldTurnsPlugin,
  ],
  // Costs only: the limit is checked before execution by http/query-cost.plugin.ts, not per root field.
  complexity: { fieldComplexity: fieldCost, disabled: true },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false, extensions: { propertyRead: true } },
    nodeFieldOptions: { nullable: false, extensions: { propertyRead: true } },
    pageInfoFieldOptions: { extensions: { propertyRead: true } },
    nodesQueryOptions: { resolve: resolveLimitedNodes },
  },
});

builder.queryType({});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    nullable: false,
    description: 'How many nodes match, whatever the page size.',
    resolve: (parent) => (typeof parent.totalCount === 'function' ? parent.totalCount() : parent.totalCount),
  }),
);
