import { describe, expect, it } from 'vitest';
import { QUOTED_INPUT_CHARS, quoteInput } from './quote-input';

describe('quoteInput', () => {
  it('quotes a short value whole', () => {
    expect(quoteInput('abc')).toBe('"abc"');
  });

  it('cuts a long value and says how long it was', () => {
    const quoted = quoteInput('x'.repeat(10_000_000));
    expect(quoted.length).toBeLessThan(QUOTED_INPUT_CHARS + 40);
    expect(quoted).toMatch(/… \(10,000,000 characters\)$/);
  });
});
