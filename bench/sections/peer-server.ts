import { createServer } from 'node:http';

// PostGraphile 5 with the pg-aggregates preset, serving a PostgreSQL store: the off-the-shelf stack issue 22
// compares the API with, run by the peer section (peer.bench.ts) as a child process:
// `tsx peer-server.ts <postgres url> <port>`. It prints "listening" once it answers.
//
// PostGraphile 5 declares Node >= 22; on Node 20 its queries fail until Promise.withResolvers exists
// (../shared/docs/TRAPS.md), so the child defines it before loading PostGraphile.

interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

if (!('withResolvers' in Promise)) {
  Object.defineProperty(Promise, 'withResolvers', {
    value<T>(): Resolvers<T> {
      let resolve!: Resolvers<T>['resolve'];
      let reject!: Resolvers<T>['reject'];
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

const [target, port] = process.argv.slice(2);
if (!target?.startsWith('postgres') || !port) {
  throw new Error('usage: peer-server.ts <postgres://...> <port>');
}
// The store's URL may name its schema (`?schema=`, as the ingest section's fresh schema per run does): our store
// reads that parameter, pg does not, so the peer is told the schema to introspect instead.
const url = new URL(target);
const schema = url.searchParams.get('schema') ?? 'public';
url.searchParams.delete('schema');
const connectionString = url.toString();

const { postgraphile } = await import('postgraphile');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');
const { PgAggregatesPreset } = await import('@graphile/pg-aggregates');

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  pgServices: [makePgService({ connectionString, schemas: [schema] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
// Building the schema introspects the database: done before the first timed request.
await pgl.getSchema();
server.listen(Number(port), '127.0.0.1', () => console.log('listening'));
