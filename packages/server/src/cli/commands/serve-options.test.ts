import { describe, expect, it } from 'vitest';
import { appOptionsOf, PRODUCTION_CONCURRENT_PER_CLIENT, PRODUCTION_COST_PER_MINUTE } from './serve-options';

describe('appOptionsOf', () => {
  it('gives production a cost budget and a turn per client, development neither', () => {
    const production = appOptionsOf({ production: true, requestLog: false });
    expect(production).toMatchObject({
      costPerMinute: PRODUCTION_COST_PER_MINUTE,
      concurrentPerClient: PRODUCTION_CONCURRENT_PER_CLIENT,
    });
    const development = appOptionsOf({ requestLog: false });
    expect(development.costPerMinute).toBeUndefined();
    expect(development.concurrentPerClient).toBeUndefined();
  });

  it('takes --cost-limit, and names the flag when its value is not a positive integer', () => {
    expect(appOptionsOf({ costLimit: '1000', requestLog: false }).costPerMinute).toBe(1000);
    expect(() => appOptionsOf({ costLimit: 'lots', requestLog: false })).toThrow(
      '--cost-limit must be a positive integer, got "lots"',
    );
  });
});
