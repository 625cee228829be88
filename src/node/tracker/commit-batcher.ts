// Group commit: submissions that arrive together are processed in one SQLite transaction, so one
// fsync covers them all and every answer is sent only after its submission is on disk.
import { isoInVietnam } from "../../core/plan/period.js";
import { errorAnswer, httpStatus } from "../../core/wire/protocol.js";
import type { ServiceAnswer } from "../../core/wire/tracker-service.js";
import { processPost } from "../../core/wire/tracker-service.js";
import type { SqliteStore } from "./store.js";

interface Waiting {
  body: string;
  resolve: (answer: ServiceAnswer) => void;
}

export class CommitBatcher {
  private waiting: Waiting[] = [];
  private scheduled = false;
  /** How many transactions were committed: tests and benches read it. */
  commits = 0;

  constructor(
    private readonly store: SqliteStore,
    private readonly clock: () => Date,
  ) {}

  submit(body: string): Promise<ServiceAnswer> {
    return new Promise((resolve) => {
      this.waiting.push({ body, resolve });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the current I/O callbacks: every request already read joins this batch.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    const now = this.clock();
    const clock = { date: now, iso: isoInVietnam(now) };
    let answers: ServiceAnswer[];
    try {
      answers = this.store.inTransaction(() =>
        batch.map((w) => processPost(w.body, this.store, clock)),
      );
      this.commits++;
    } catch {
      // Nothing of the batch was committed, so nothing is acknowledged; the clients retry.
      const failed = { status: httpStatus["server-error"], answer: errorAnswer("server-error") };
      answers = batch.map(() => failed);
    }
    batch.forEach((w, i) => w.resolve(answers[i]!));
  }
}
