import type { Context } from './context';

// Per-request values (loaders and their caches) live on the request's context, not in a WeakMap keyed by it as
// Pothos' createContextCache keeps them. V8's scavenger (Node 20) copies the values of a long-lived WeakMap whose
// keys are young even when the key is dead, so every page of rows a request loaded outlived it: a nested page
// of 100 cases left ~10 MB surviving each scavenge, 25 ms a pause, about a fifth of the page's time. Held by the
// context, they die with it.

/** One per-request value, made by `create` the first time a request asks for it. */
export function requestScoped<T>(create: (ctx: Context) => T): (ctx: Context) => T {
  const token = Symbol('request-scoped');
  return (ctx) => {
    const values = ctx.requestValues;
    if (values.has(token)) return values.get(token) as T;
    const value = create(ctx);
    values.set(token, value);
    return value;
  };
}
