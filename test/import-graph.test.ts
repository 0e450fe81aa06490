import { describe, expect, it } from 'vitest';
import { cyclesOf, packageEdges, readImportGraph } from './import-graph';

// Dependencies point one way (ARCHITECTURE.md): no module imports itself through others, and no package
// imports one that imports it back. Biome's noImportCycles (biome.json) finds cycles within a package as you
// type; it does not follow `@imr/*` imports across packages, which this test does.

describe('the import graph', () => {
  const graph = readImportGraph();

  it('resolves every @imr import to a file, each declared by the package that makes it', () => {
    expect(graph.edges.size).toBeGreaterThan(300);
    expect(graph.unresolved).toEqual([]);
    expect(graph.undeclared).toEqual([]);
  });

  it('has no cycle between modules', () => {
    expect(cyclesOf(graph.edges)).toEqual([]);
  });

  it('has no cycle between packages', () => {
    expect(cyclesOf(packageEdges(graph.edges))).toEqual([]);
  });

  it('finds a cycle where there is one', () => {
    const edges = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set<string>()],
    ]);
    expect(cyclesOf(edges)).toEqual([['a', 'b', 'c']]);
  });
});
