// The least any HTTP server can answer in here: Node's own HTTP server replying to every POST with a fixed answer
// once it has read the body, no GraphQL, no plugins, no store. The query section times it with the client that
// times ours, so a ratio whose work is smaller than this floor reads as what it is. The answer is
// `{"data":{"__typename":"Query"}}`, or the bytes of a file: a query's own answer, since sending and parsing a
// 100 KB page costs the client a millisecond or two that no server can save it.
//
// argv[2]: the port; argv[3] (optional): the file whose bytes are the answer. Prints "listening" on stdout once
// it accepts connections.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const ANSWER = process.argv[3]
  ? readFileSync(process.argv[3])
  : Buffer.from('{"data":{"__typename":"Query"}}');

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
