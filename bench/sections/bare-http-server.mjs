// The least any HTTP server can answer in here: Node's own HTTP server replying to every POST with a fixed
// `{"data":{"__typename":"Query"}}` once it has read the body, no GraphQL, no plugins, no store. The query section
// times it with the client that times ours, so a ratio whose work is smaller than this floor reads as what it is.
//
// argv[2]: the port. Prints "listening" on stdout once it accepts connections.

import { createServer } from 'node:http';

const ANSWER = '{"data":{"__typename":"Query"}}';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': ANSWER.length });
    response.end(ANSWER);
  });
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
