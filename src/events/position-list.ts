import type { LogPosition } from './event-cursor';
import { comparePositions } from './event-cursor';

/**
 * An append-only list ordered by position, trimmed at the head: the in-memory counterpart of one Redis stream.
 * Trimming moves a start index and compacts now and then, so dropping old entries stays O(1) amortised.
 */
export class PositionList<T extends { position: LogPosition }> {
  private items: T[] = [];
  private start = 0;

  get size(): number {
    return this.items.length - this.start;
  }

  get first(): T | undefined {
    return this.items[this.start];
  }

  get last(): T | undefined {
    return this.size === 0 ? undefined : this.items[this.items.length - 1];
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Drops leading items while `isExpired` holds for them; returns the dropped items. */
  trimWhile(isExpired: (item: T) => boolean): T[] {
    const dropped: T[] = [];
    while (this.start < this.items.length && isExpired(this.items[this.start])) dropped.push(this.items[this.start++]);
    if (this.start > 1024 && this.start * 2 > this.items.length) {
      this.items = this.items.slice(this.start);
      this.start = 0;
    }
    return dropped;
  }

  /** Removes specific items (a rolled-back append: they are always the newest ones). */
  removeNewest(item: T): void {
    const index = this.items.lastIndexOf(item);
    if (index >= this.start) this.items.splice(index, 1);
  }

  /** Items strictly after `after` (or from `from` inclusive), in order. */
  *from(after: LogPosition | null, from: LogPosition): Generator<T> {
    let low = this.start;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const cmp = comparePositions(this.items[mid].position, after ?? from);
      if (after !== null ? cmp <= 0 : cmp < 0) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.items.length; i++) yield this.items[i];
  }
}
