/**
 * A first-in first-out queue whose shift() is O(1): a read index into an array, compacted once the consumed
 * head outweighs the rest (Array.prototype.shift copies the whole array every time).
 */
export class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined as T; // let the item be collected before compaction
    this.head++;
    if (this.head === this.items.length) this.clear();
    else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Removes every item and returns them in order. */
  drain(): T[] {
    const rest = this.items.slice(this.head);
    this.clear();
    return rest;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
