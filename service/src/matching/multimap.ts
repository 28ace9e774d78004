/**
 * A map from key to a small list that keeps single values unwrapped: with a million entries most
 * keys have one value, and an array per key would double the memory.
 */
const EMPTY: readonly never[] = Object.freeze([]);

export class MultiMap<V> {
  private readonly map = new Map<string, V | V[]>();

  /** Adds a value; adding the value the key got last is a no-op, so repeated adds stay cheap. */
  add(key: string, value: V): void {
    const current = this.map.get(key);
    if (current === undefined) this.map.set(key, value);
    else if (Array.isArray(current)) {
      if (current[current.length - 1] !== value) current.push(value);
    } else if (current !== value) this.map.set(key, [current, value]);
  }

  get(key: string): readonly V[] {
    const current = this.map.get(key);
    if (current === undefined) return EMPTY;
    return Array.isArray(current) ? current : [current];
  }

  get size(): number {
    return this.map.size;
  }
}
