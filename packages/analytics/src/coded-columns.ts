import { type GrowingTypedArray, growingUint32 } from './growing-typed-array';

// Dictionary-encoded columns, the cubes' storage: each value becomes a small integer code (0 for null), kept in
// a growing typed array per column while rows arrive in id order.

export type Value = string | number | null;

/** Values by code; code 0 is null. */
export class Dictionary {
  readonly values: Value[] = [null];
  private readonly codes = new Map<Value, number>([[null, 0]]);

  code(value: Value): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a value already present, or -1. */
  find(value: Value): number {
    return this.codes.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

/** One Dictionary and one column of codes per name, filled a row at a time. */
export class CodedColumns<C extends string> {
  readonly dictionaries: Record<C, Dictionary>;
  private readonly codes: Record<C, GrowingTypedArray<Uint32Array>>;

  constructor(private readonly names: readonly C[]) {
    this.dictionaries = Object.fromEntries(names.map((c) => [c, new Dictionary()])) as Record<C, Dictionary>;
    this.codes = Object.fromEntries(names.map((c) => [c, growingUint32()])) as Record<
      C,
      GrowingTypedArray<Uint32Array>
    >;
  }

  add(values: Record<C, Value>): void {
    for (const c of this.names) this.codes[c].push(this.dictionaries[c].code(values[c]));
  }

  /** Exact-size copies of the codes, by column. */
  toArrays(): Record<C, Uint32Array> {
    return Object.fromEntries(this.names.map((c) => [c, this.codes[c].toArray()])) as Record<C, Uint32Array>;
  }
}

/** Position of `id` in ascending `ids`, or -1. */
export function positionOf(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
