import { type GraphQLFieldResolver, type GraphQLResolveInfo, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './index';

// A field marked PROPERTY_READ is served as `parent[fieldName]`, whatever resolver it was declared with: these
// hold each declared resolver to that, so a resolver that computes something (`name || null`, a JSON parse)
// cannot be marked and silently skipped.

interface MarkedField {
  path: string;
  name: string;
  resolve: GraphQLFieldResolver<unknown, unknown> | undefined;
  declared: GraphQLFieldResolver<unknown, unknown> | undefined;
}

function markedFields(): MarkedField[] {
  const marked: MarkedField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.extensions.propertyRead !== true) continue;
      marked.push({
        path: `${type.name}.${field.name}`,
        name: field.name,
        resolve: field.resolve,
        declared: field.extensions.pothosOriginalResolve as
          | GraphQLFieldResolver<unknown, unknown>
          | undefined,
      });
    }
  }
  return marked;
}

describe('property-read fields', () => {
  const marked = markedFields();

  it('cover every connection edge list, edge node and page info, the enum columns and the stats answers', () => {
    const paths = marked.map((f) => f.path);
    for (const connection of [
      'CaseConnection',
      'ItemConnection',
      'CitationConnection',
      'ReviewerConnection',
    ]) {
      expect(paths).toContain(`${connection}.edges`);
      expect(paths).toContain(`${connection}.pageInfo`);
    }
    for (const edge of ['CaseEdge', 'ItemEdge', 'CitationEdge', 'GuidelineEdge', 'SearchHitEdge']) {
      expect(paths).toContain(`${edge}.node`);
    }
    expect(paths).toEqual(expect.arrayContaining(['Item.decision', 'Item.category', 'Citation.citedBy']));
    // An itemStats answer of 300 groups called these 1,500 times (a resolve info and the plugins' wrappers each).
    expect(paths).toEqual(
      expect.arrayContaining([
        'ItemStats.groups',
        'ItemStatsGroup.overturnRateInterval',
        'CaseStats.groups',
        'GuidelineStatsGroup.source',
        'ItemTimeSeries.buckets',
      ]),
    );
  });

  it("leave the stats keys, enum fields included, and the groups' keys exposed: no resolver at all", () => {
    for (const [group, name] of [
      ['ItemStatsGroup', 'ItemStatsKey'],
      ['CaseStatsGroup', 'CaseStatsKey'],
    ] as const) {
      const groupType = schema.getType(group);
      if (!isObjectType(groupType)) throw new Error(`${group} is not an object type`);
      const key = groupType.getFields().key;
      if (!key) throw new Error(`${group} has no key`);
      expect(key.resolve).toBeUndefined();
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
      const resolved = Object.values(type.getFields()).filter((f) => f.resolve !== undefined);
      expect(resolved.map((f) => `${name}.${f.name}`)).toEqual([]);
      expect(Object.keys(type.getFields())).toEqual(expect.arrayContaining(['priority', 'patientSex']));
    }
  });

  it('have no resolver in the schema (graphql-jit reads the property inline)', () => {
    expect(marked.filter((f) => f.resolve !== undefined).map((f) => f.path)).toEqual([]);
  });

  it('were declared with a resolver that returns the property of the same name, as it is', () => {
    const info = {} as GraphQLResolveInfo;
    for (const field of marked) {
      expect(field.declared, field.path).toBeTypeOf('function');
      for (const value of [{ some: 'object' }, '', 0, null, 'UPHELD']) {
        const parent = { [field.name]: value, other: 'unrelated' };
        expect(field.declared?.(parent, {}, {}, info), `${field.path} given ${JSON.stringify(value)}`).toBe(
          value,
        );
      }
    }
  });
});
