import { quoteInput } from '@imr/store/quote-input';
import { badUserInput } from './page.args';

/** Parses the local part of a global ID: a positive integer, else BAD_USER_INPUT naming the type. */
export function parseNodeId(typename: string): (id: string) => number {
  return (id: string) => {
    const n = Number(id);
    if (!/^\d+$/.test(id) || !Number.isSafeInteger(n) || n < 1) {
      throw badUserInput(`${quoteInput(id)} is not a ${typename} id`);
    }
    return n;
  };
}
