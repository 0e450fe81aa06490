// An append-only typed array that doubles its storage as it fills: millions of codes collected at 4 bytes each,
// where a plain array of numbers takes 8 and grows in steps the garbage collector has to follow.

type TypedArray = Uint32Array | Int32Array;

export class GrowingTypedArray<T extends TypedArray> {
  private values: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.values = make(1024);
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = this.make(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index]!;
  }

  /** The last value pushed, or undefined when empty. */
  last(): number | undefined {
    return this.length === 0 ? undefined : this.values[this.length - 1];
  }

  /** An exact-size copy of the values pushed. */
  toArray(): T {
    return this.values.slice(0, this.length) as T;
  }
}

export const growingUint32 = () => new GrowingTypedArray((n) => new Uint32Array(n));
export const growingInt32 = () => new GrowingTypedArray((n) => new Int32Array(n));
