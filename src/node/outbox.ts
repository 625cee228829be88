// The CLI's queue of reports not yet acknowledged, kept in a JSON file so nothing unsent is lost:
// not even when the file is damaged, which is then kept aside and read for what can be saved.
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";
import type { QueuedSubmission, QueueStorage } from "../core/wire/submit-client.js";
import { Refusal } from "./refusal.js";

export const DEFAULT_OUTBOX = join(homedir(), ".chitieu", "outbox.json");

const QueuedItem = z.object({
  submissionId: z.string().min(1),
  url: z.string().min(1),
  body: z.string().min(1),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number(),
  lastError: z.string().optional(),
}) satisfies z.ZodType<QueuedSubmission>;

export class FileQueueStorage implements QueueStorage {
  /** `tell` hears what the officer must know: a damaged outbox, where it was kept, what was saved. */
  constructor(
    readonly file: string,
    private readonly tell: (message: string) => void = () => undefined,
  ) {}

  load(): QueuedSubmission[] {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw new Refusal(
        `Không đọc được hàng đợi ${this.file} / cannot read the outbox ${this.file}: ${(err as Error).message}`,
      );
    }
    const whole = parseQueue(text);
    if (whole) return whole;
    // Only a file that is recognisably a damaged outbox is set aside: a wrong --outbox path (another
    // program's file, even a system one) is refused and left exactly as it was.
    if (!looksLikeOutbox(text)) {
      throw new Refusal({
        vi: `${this.file} không phải hàng đợi báo cáo của chitieu: tệp được giữ nguyên; hãy chọn tệp khác cho --outbox`,
        en: `${this.file} is not a chitieu outbox: it was left as it was; choose another file for --outbox`,
      });
    }
    return this.keepAside(text);
  }

  /** Written beside and renamed over, so a crash mid-write leaves the previous queue whole. */
  save(items: QueuedSubmission[]): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(items, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  /** Receipts beside the queue: the officer's proof of what was sent and when it was received. */
  keepReceipt(receipt: object): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    appendFileSync(join(dirname(this.file), "receipts.jsonl"), `${JSON.stringify(receipt)}\n`, {
      mode: 0o600,
    });
  }

  /**
   * The damaged file is renamed, never rewritten, so whatever it holds can still be read by hand;
   * the reports that can be read whole from it become the queue.
   */
  private keepAside(text: string): QueuedSubmission[] {
    const aside = `${this.file}.unreadable-${new Date().toISOString().replace(/[:.]/gu, "-")}`;
    renameSync(this.file, aside);
    const saved = salvage(text);
    this.save(saved);
    this.tell(
      `Hàng đợi báo cáo ${this.file} bị hỏng: đã giữ nguyên ở ${aside} và khôi phục ${saved.length} báo cáo; ` +
        `báo cáo nào không còn trong hàng đợi, hãy gửi lại từ tệp của nó. / ` +
        `The outbox ${this.file} was damaged: it was kept as ${aside} and ${saved.length} queued report(s) recovered; ` +
        `send any report no longer queued again from its file.`,
    );
    return saved;
  }
}

/** A queue chitieu wrote is a JSON list of reports: damaged, it still starts as one or names one. */
function looksLikeOutbox(text: string): boolean {
  return text.trimStart().startsWith("[") || text.includes('"submissionId"');
}

function parseQueue(text: string): QueuedSubmission[] | undefined {
  try {
    const parsed = z.array(QueuedItem).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Every outermost `{…}` of the text (strings respected) that is a whole queued report. */
function salvage(text: string): QueuedSubmission[] {
  const found: QueuedSubmission[] = [];
  const seen = new Set<string>();
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "{") {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === "}" && depth > 0) {
      depth--;
      if (depth === 0) {
        const item = parseItem(text.slice(start, i + 1));
        if (item && !seen.has(item.submissionId)) {
          seen.add(item.submissionId);
          found.push(item);
        }
      }
    }
  }
  return found;
}

function parseItem(text: string): QueuedSubmission | undefined {
  try {
    const parsed = QueuedItem.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
