import { describe, expect, it } from 'vitest';
import { ClientGate } from './client-gate';

describe('ClientGate', () => {
  it('runs at most perClient operations of a client at once, the rest in order as slots free', async () => {
    const gate = new ClientGate(1, 5);
    const order: string[] = [];
    const first = await gate.enter('a');
    const second = gate.enter('a').then((release) => {
      order.push('a2');
      return release;
    });
    const other = await gate.enter('b');
    order.push('b1');
    expect(order).toEqual(['b1']);
    first?.();
    (await second)?.();
    other?.();
    expect(order).toEqual(['b1', 'a2']);
    expect(gate.load('a')).toBe(0);
    expect(gate.load('b')).toBe(0);
  });

  it('refuses at once when the client already has a full queue', async () => {
    const gate = new ClientGate(1, 1);
    const running = await gate.enter('a');
    const queued = gate.enter('a');
    expect(await gate.enter('a')).toBeNull();
    expect(gate.load('a')).toBe(2);
    running?.();
    (await queued)?.();
    expect(gate.load('a')).toBe(0);
  });
});
