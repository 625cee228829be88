// `chitieu submit <report> --code <access code>`: check offline, sign, send; what cannot be sent
// stays queued in the outbox and is retried with backoff (`chitieu submit --flush` later).
import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import type { AccessCode } from "../../core/wire/access-code.js";
import { readAccessCode } from "../../core/wire/access-code.js";
import { formatIssue, hasErrors } from "../../core/check/issues.js";
import { isoInVietnam } from "../../core/plan/period.js";
import type { SendOutcome, Transport } from "../../core/wire/submit-client.js";
import {
  backoffDelay,
  envelopeFor,
  SUBMIT_TIMEOUT_MS,
  SubmitQueue,
} from "../../core/wire/submit-client.js";
import { toSubmission } from "../../core/check/submission-schema.js";
import type { CommandIO } from "../io.js";
import { Refusal } from "../refusal.js";
import { DEFAULT_OUTBOX, FileQueueStorage } from "../outbox.js";
import { checkReportFile } from "../report-file.js";

interface SubmitOptions {
  code?: string;
  outbox: string;
  retries: string;
  flush?: boolean;
}

/** Posts as a browser would, following Apps Script's redirect to its answer, for up to `timeoutMs`. */
export function timedFetchTransport(timeoutMs: number): Transport {
  return {
    async post(url, body) {
      try {
        const response = await fetch(url, {
          method: "POST",
          body,
          headers: { "content-type": "text/plain;charset=utf-8" },
          signal: AbortSignal.timeout(timeoutMs),
        });
        return { status: response.status, text: await response.text() };
      } catch (err) {
        if (err instanceof DOMException && err.name === "TimeoutError")
          throw new Error(
            `không có trả lời sau ${timeoutMs / 1000} giây / no answer within ${timeoutMs / 1000} s`,
          );
        throw err;
      }
    },
  };
}

export const fetchTransport = timedFetchTransport(SUBMIT_TIMEOUT_MS);

/** Tests replace the transport and the wait. */
export const submitDeps = {
  transport: fetchTransport,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** The code from --code, else from CHITIEU_CODE, or a refusal naming where it came from and why. */
function accessCode(codeText: string | undefined): AccessCode {
  // From the environment, the code stays out of the shell's history.
  const env = process.env.CHITIEU_CODE;
  const from = codeText !== undefined ? "--code" : env !== undefined ? "CHITIEU_CODE" : undefined;
  const read = readAccessCode(codeText ?? env ?? "");
  if (read.ok) return read.value;
  const where = from ?? "--code / CHITIEU_CODE";
  const { vi, en } = read.error.message;
  throw new Refusal({ vi: `Mã truy cập (${where}): ${vi}`, en: `access code (${where}): ${en}` });
}

async function prepare(file: string, codeText: string | undefined, io: CommandIO) {
  const code = accessCode(codeText);
  const now = new Date();
  const checked = await checkReportFile(file, now, undefined);
  checked.issues.forEach((i) => io.out(`${file}: ${formatIssue(i)}`));
  if (hasErrors(checked.issues) || !checked.draft) return undefined;
  const submission =
    checked.submission ??
    toSubmission(checked.draft, { submissionId: randomUUID(), submittedAt: isoInVietnam(now) });
  if (submission.unit !== code.unit) {
    throw new Refusal({
      vi: `Báo cáo của đơn vị ${submission.unit}, mã truy cập của ${code.unit}`,
      en: `the report is ${submission.unit}'s, the code ${code.unit}'s`,
    });
  }
  return envelopeFor(submission, code);
}

function describe(outcome: SendOutcome, io: CommandIO, storage: FileQueueStorage): number {
  if (outcome.kind === "accepted") {
    const r = outcome.answer.receipt;
    storage.keepReceipt(r);
    io.out(
      `✓ Đã nhận / received: ${r.submissionId} lần ${r.revision} lúc ${r.receivedAt}${r.duplicate ? " (đã gửi trước đó / sent before)" : ""}`,
    );
    // Stored, yet not the report that counts: the officer must know which one does.
    if (r.stale) {
      const c = r.stale.current;
      io.out(`  ⚠ ${r.stale.message}.`);
      io.out(
        `  Báo cáo được tính / the report that counts: ${c.submissionId}, lần ${c.revision} / revision ${c.revision}, lập lúc / made at ${c.submittedAt}`,
      );
    }
    return 0;
  }
  if (outcome.kind === "refused") {
    const { error } = outcome.answer;
    io.err(`✗ Bị từ chối / refused (${error.code}): ${error.message}`);
    const issues =
      (error.details as { issues?: Parameters<typeof formatIssue>[0][] } | undefined)?.issues ?? [];
    issues.forEach((i) => io.err(`  ${formatIssue(i)}`));
    return 1;
  }
  if (outcome.kind === "held") {
    io.err(`✗ Chưa gửi được / not sent: ${outcome.error}`);
    io.err(
      "  Báo cáo vẫn trong hàng đợi, không tự gửi lại; sửa xong thì chạy / it stays queued and is not retried by itself; once fixed, run: chitieu submit --flush",
    );
    return 3;
  }
  io.err(
    `… Chưa gửi được, đã xếp hàng / not sent, queued (${outcome.error}). Chạy lại / run again: chitieu submit --flush`,
  );
  return 3;
}

export function registerSubmit(program: Command, io: CommandIO, setExit: (code: number) => void) {
  program
    .command("submit")
    .description("Gửi báo cáo đến tracker / send a report to the tracker")
    .argument("[file]", "tệp .xlsx hoặc .json / report file")
    .option("--code <code>", "mã truy cập của đơn vị (hoặc biến CHITIEU_CODE) / unit access code")
    .option(
      "--outbox <file>",
      "hàng đợi báo cáo chưa gửi / queue of unsent reports",
      DEFAULT_OUTBOX,
    )
    .option("--retries <n>", "số lần thử lại / retries before leaving it queued", "4")
    .option("--flush", "gửi lại mọi báo cáo đang chờ / resend every queued report")
    .action(async (file: string | undefined, opts: SubmitOptions) => {
      const storage = new FileQueueStorage(opts.outbox, (message) => io.err(`⚠ ${message}`));
      const queue = new SubmitQueue(storage, submitDeps.transport);
      if (opts.flush || !file) {
        const outcomes = await queue.flush(Date.now(), { force: true });
        if (outcomes.length === 0) io.out("Không có báo cáo nào đang chờ / nothing queued");
        setExit(Math.max(0, ...outcomes.map((o) => describe(o, io, storage))));
        return;
      }
      const item = await prepare(file, opts.code, io);
      if (!item) {
        io.err(`✗ ${file}: còn lỗi, chưa gửi / has errors, not sent`);
        setExit(1);
        return;
      }
      // What waited in the outbox goes first: it was made before this report.
      const mine = (outcomes: SendOutcome[]) =>
        outcomes.find((o) => o.submissionId === item.submissionId);
      const earlier = (outcomes: SendOutcome[]) =>
        outcomes.forEach((o) => {
          if (o.submissionId !== item.submissionId && o.kind !== "queued") describe(o, io, storage);
        });
      let outcomes = await queue.sendInOrder(item, Date.now());
      earlier(outcomes);
      let outcome = mine(outcomes)!;
      for (
        let attempt = 1;
        outcome.kind === "queued" && attempt <= Number(opts.retries);
        attempt++
      ) {
        await submitDeps.sleep(backoffDelay(attempt, Math.random));
        outcomes = await queue.flush(Date.now(), { force: true });
        earlier(outcomes);
        outcome = mine(outcomes) ?? outcome;
      }
      setExit(describe(outcome, io, storage));
    });
}
