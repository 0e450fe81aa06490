import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const socket = { req: { socket: { remoteAddress: '10.0.0.9' } } };
const forwarded = (value: string) =>
  new Request('http://api/graphql', { headers: { 'x-forwarded-for': value } });

describe('clientAddress', () => {
  it('takes the right-most X-Forwarded-For entry (the trusted proxy added it), not one the client wrote', () => {
    expect(clientAddress(forwarded('6.6.6.6, 203.0.113.7'), socket, true)).toBe('203.0.113.7');
    expect(clientAddress(forwarded('203.0.113.7'), socket, true)).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For unless the proxy is trusted', () => {
    expect(clientAddress(forwarded('6.6.6.6'), socket, false)).toBe('10.0.0.9');
  });

  it('falls back to the socket when the header is absent or empty', () => {
    expect(clientAddress(new Request('http://api/graphql'), socket, true)).toBe('10.0.0.9');
    expect(clientAddress(forwarded(' '), socket, true)).toBe('10.0.0.9');
  });
});
