// Every call the bundle makes on a fake Apps Script service, counted per "Kind.method", so tests can
// hold an operation to its budget of reads and writes.
export class CallLog {
  private readonly counts = new Map<string, number>();

  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Sheet reads: values fetched from a range, whatever the size of the range. */
  reads(): number {
    return (
      this.count("Range.getValues") +
      this.count("Range.getDisplayValues") +
      this.count("Range.getValue")
    );
  }

  /** Sheet value writes: one per setValues/setValue, appendRow included. */
  writes(): number {
    return (
      this.count("Range.setValues") +
      this.count("Range.setValue") +
      this.count("Sheet.appendRow") +
      this.count("RangeList.setValue")
    );
  }

  /** Counts by name, for a readable failure message. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/**
 * The object as the bundle sees it: each method call is counted; a method that returns its own
 * object (Apps Script's chaining) returns the counted view again.
 */
export function counted<T extends object>(target: T, kind: string, log: CallLog): T {
  const view: T = new Proxy(target, {
    get(t, property, receiver) {
      const value: unknown = Reflect.get(t, property, receiver);
      if (typeof value !== "function" || typeof property === "symbol") return value;
      return (...args: unknown[]) => {
        log.add(`${kind}.${property}`);
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(t, args);
        return result === t ? view : result;
      };
    },
  });
  return view;
}
