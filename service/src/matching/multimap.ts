/**
 * A map from key to a small list that keeps single values unwrapped: with a million entries most
 * keys have one value, and an array per key would double the memory.
 */
export class MultiMap<V> {
  private readonly map = new Map<string, V | V[]>();

  add(key: string, value: V): void {
    const current = this.map.get(key);
    if (current === undefined) this.map.set(key, value);
    else if (Array.isArray(current)) {
      if (!current.includes(value)) current.push(value);
    } else if (current !== value) this.map.set(key, [current, value]);
  }

  get(key: string): readonly V[] {
    const current = this.map.get(key);
    if (current === undefined) return [];
    return Array.isArray(current) ? current : [current];
  }

  get size(): number {
    return this.map.size;
  }
}
