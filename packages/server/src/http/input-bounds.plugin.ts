import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { INPUT_BOUNDS, variablesProblem } from './input-bounds';

function refusal(status: number, code: string, message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}

/**
 * Refuses a request larger than INPUT_BOUNDS allows before its body is read (413; 411 when a POST does not
 * say its length), and variables nested too deep or holding too long a list before they reach the cache key,
 * the coalescer or a resolver (400, BAD_USER_INPUT naming the variable and the limit).
 */
export function useInputBounds(): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      if (length === null) {
        endResponse(
          refusal(
            411,
            'LENGTH_REQUIRED',
            'a POST must say its length (Content-Length): chunked bodies are refused',
          ),
        );
        return;
      }
      if (Number(length) > INPUT_BOUNDS.bodyBytes) {
        endResponse(
          refusal(
            413,
            'REQUEST_TOO_LARGE',
            `the request body is ${length} bytes, more than the limit of ${INPUT_BOUNDS.bodyBytes}`,
          ),
        );
      }
    },
    onParams({ params }) {
      const problem = variablesProblem(params.variables) ?? variablesProblem(params.extensions, 'extensions');
      if (problem !== null) {
        throw new GraphQLError(problem, {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
      }
    },
  };
}
