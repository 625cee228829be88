// Consolidations the server has already computed, per (plan, period), kept until the next commit
// to the database: page loads must not stall submissions by re-reading every stored revision.
// The revisions themselves are read once each (rows are only appended) and kept in memory. While
// commits keep coming (units submitting at once), the page is computed at most once per
// `refreshMs`: it may then be that much behind, and says when it was made. Tools reading JSON get
// every commit.
import type { Consolidation, ReceivedSubmission } from "../../core/tracker/consolidate.js";
import { consolidate } from "../../core/tracker/consolidate.js";
import type { Template } from "../../core/plan/template-schema.js";
import type { SqliteStore } from "./store.js";

interface Entry {
  lastSeq: number;
  submissions: ReceivedSubmission[];
  /** The database version the consolidation was computed at, and when (monotonic). */
  version: string;
  tick: number;
  consolidation: Consolidation;
  /** Renderings of the consolidation (the page), made at most once per consolidation. */
  views: Map<string, unknown>;
}

/** Plans × periods kept: a tracker follows a few plans, and a consolidator looks at a few years. */
const ENTRIES = 16;
/** Revisions read (and parsed) between two turns of the event loop. */
const SLICE = 100;

export interface CacheTiming {
  /** After a commit, the least time between two computations of the same page. */
  refreshMs: number;
  /** With no commit, a consolidation is still computed again after this long: it depends on the
   * time too (overdue tasks, the "updated at" line). */
  maxAgeMs: number;
  /** A monotonic clock in ms; tests step it. */
  tick: () => number;
}

export const DEFAULT_CACHE_TIMING: CacheTiming = {
  refreshMs: 1_000,
  maxAgeMs: 60_000,
  tick: () => performance.now(),
};

export class ConsolidationCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private readonly timing: CacheTiming;
  /** Consolidations computed: tests and benches read it. */
  computed = 0;

  constructor(
    private readonly store: SqliteStore,
    private readonly clock: () => Date,
    timing: Partial<CacheTiming> = {},
  ) {
    this.timing = { ...DEFAULT_CACHE_TIMING, ...timing };
  }

  /** As of the last commit. */
  async consolidation(template: Template, period: string): Promise<Consolidation> {
    return (await this.entry(template, period, 0)).consolidation;
  }

  /** A rendering for people reloading a page, made once per consolidation, at most `refreshMs` behind. */
  async view<T>(
    template: Template,
    period: string,
    name: string,
    render: (c: Consolidation) => T,
  ): Promise<T> {
    const entry = await this.entry(template, period, this.timing.refreshMs);
    if (!entry.views.has(name)) entry.views.set(name, render(entry.consolidation));
    return entry.views.get(name) as T;
  }

  private async entry(template: Template, period: string, refreshMs: number): Promise<Entry> {
    const key = `${template.id}\u0000${template.version}\u0000${period}`;
    const cached = this.entries.get(key);
    if (cached) {
      const age = this.timing.tick() - cached.tick;
      const fresh = cached.version === this.store.version() || age < refreshMs;
      if (fresh && age < this.timing.maxAgeMs) return cached;
    }
    // Readers who ask while it is being computed wait for the same computation.
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.compute(key, template, period, cached).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async compute(
    key: string,
    template: Template,
    period: string,
    cached: Entry | undefined,
  ): Promise<Entry> {
    // Taken first: whatever is committed while this runs makes the next reader compute again.
    const version = this.store.version();
    const tick = this.timing.tick();
    const upTo = this.store.lastSeq();
    const submissions = [...(cached?.submissions ?? [])];
    let lastSeq = cached?.lastSeq ?? 0;
    // Read in slices, letting submissions through between them: the first page load after a
    // start reads every revision of the period, thousands of them.
    for (;;) {
      const slice = this.store.submissionsSince(template.id, period, {
        after: lastSeq,
        upTo,
        limit: SLICE,
      });
      for (const row of slice) submissions.push(row.received);
      lastSeq = slice.at(-1)?.seq ?? lastSeq;
      if (slice.length < SLICE) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const entry: Entry = {
      lastSeq,
      submissions,
      version,
      tick,
      consolidation: consolidate({
        template,
        units: this.store.units(),
        history: this.store.unitHistory(),
        period,
        submissions,
        now: this.clock(),
      }),
      views: new Map(),
    };
    this.computed++;
    // Most recently used last, so the first key is the one to let go.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
