/**
 * The address limits are kept for. Without a trusted proxy, the socket's peer. Behind one (--trust-proxy), the
 * right-most X-Forwarded-For entry: the one the proxy appended; entries to its left were written by the client
 * and prove nothing.
 */
export function clientAddress(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  // Node's http server hands Yoga `{ req }`; yoga.fetch in tests hands nothing.
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'local';
}
