// The task pane: renders its state with DOM text nodes (never HTML strings) and hands every click to
// one operation. Errors reach the officer as a message in the pane, never only the console.
import type { AccessCode } from "../../core/wire/access-code.js";
import { formatIssue } from "../../core/check/issues.js";
import type { Issue } from "../../core/check/issues.js";
import type { SendOutcome } from "../../core/wire/submit-client.js";
import type { AddinDeps, CheckOutcome } from "../operations.js";
import type { Notice } from "../notices.js";
import { noticeOf, notices } from "../notices.js";
import type { ReceiptRow } from "../office/report-sheet.js";
import {
  checkReport,
  flushQueue,
  forgetAccessCode,
  goToCell,
  lastReceipt,
  loadTemplate,
  pendingCount,
  saveAccessCode,
  storedAccessCode,
  submitReport,
  unloggedReceipts,
} from "../operations.js";
import type { TemplateSummary } from "../../core/wire/read-api.js";
import type { Lang, UiText } from "./ui-text.js";
import { uiText } from "./ui-text.js";

type Tone = "info" | "ok" | "error" | "warning";

interface PaneState {
  lang: Lang;
  code?: AccessCode;
  unitName?: string;
  templates: TemplateSummary[];
  planId?: string;
  period: string;
  busy: boolean;
  message?: { text: string; tone: Tone };
  check?: CheckOutcome;
  receipt?: string;
  pending: number;
}

function receiptLine(row: ReceiptRow | undefined): string | undefined {
  return row && `${row.receipt.submissionId} · ${row.receipt.receivedAt}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

export class TaskPane {
  private state: PaneState;

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: AddinDeps,
  ) {
    const lang = deps.store.get("lang") === "en" ? "en" : "vi";
    this.state = {
      lang,
      templates: [],
      period: String(deps.now().getFullYear()),
      busy: false,
      pending: pendingCount(deps),
      receipt: receiptLine(lastReceipt(deps)),
    };
  }

  private get t(): UiText {
    return uiText[this.state.lang];
  }

  async start(): Promise<void> {
    const stored = storedAccessCode(this.deps);
    if (stored?.ok) await this.useCode(stored.value);
    else if (stored)
      this.state.message = {
        text: this.t.storedCodeUnreadable(stored.error.message[this.state.lang]),
        tone: "warning",
      };
    this.render();
  }

  private async useCode(code: AccessCode) {
    this.state.code = code;
    try {
      const [unit, templates] = await Promise.all([
        this.deps.tracker.unit(code),
        this.deps.tracker.templates(code),
      ]);
      this.state.unitName = `${unit.name} (${unit.code})`;
      this.state.templates = templates;
      this.state.planId ??= templates[0]?.id;
    } catch {
      this.state.message = { text: this.t.needTemplates, tone: "warning" };
    }
  }

  /** Runs one operation with the pane busy, and turns any failure into a message. */
  private async act(work: () => Promise<void>) {
    this.state.busy = true;
    this.state.message = { text: this.t.working, tone: "info" };
    this.render();
    try {
      await work();
    } catch (err) {
      this.state.message = {
        text: this.t.failed(noticeOf(err)[this.state.lang]),
        tone: "error",
      };
    } finally {
      this.state.busy = false;
      this.state.pending = pendingCount(this.deps);
      this.render();
    }
  }

  private saveCode(text: string) {
    return this.act(async () => {
      const saved = await saveAccessCode(this.deps, text);
      if (!saved.ok) {
        const why = saved.error;
        const text =
          why.kind === "insecure-tracker"
            ? notices.insecureTracker[this.state.lang]
            : why.kind === "unreachable"
              ? this.t.unreachable
              : why.message[this.state.lang];
        this.state.message = { text, tone: "error" };
        return;
      }
      await this.useCode(saved.value.code);
      this.state.message = undefined;
    });
  }

  private load() {
    const { code, planId, period } = this.state;
    if (!code || !planId) return Promise.resolve();
    return this.act(async () => {
      const result = await loadTemplate(this.deps, code, planId, period.trim());
      this.state.check = undefined;
      this.state.message = { text: this.t.loaded(result.carried), tone: "ok" };
    });
  }

  private showCheck(outcome: CheckOutcome) {
    this.state.check = outcome;
    this.state.message = outcome.notice
      ? { text: outcome.notice[this.state.lang], tone: "warning" }
      : outcome.errors + outcome.warnings === 0
        ? { text: this.t.clean, tone: "ok" }
        : {
            text: this.t.found(outcome.errors, outcome.warnings),
            tone: outcome.errors ? "error" : "warning",
          };
  }

  private check() {
    return this.act(async () => this.showCheck(await checkReport(this.deps)));
  }

  /** What became of a report; `sheetNotice` when Excel could not write it into the sheet after. */
  private describeSend(outcome: SendOutcome, sheetNotice?: Notice) {
    if (outcome.kind === "accepted") {
      const r = outcome.answer.receipt;
      this.state.receipt = `${r.submissionId} · ${r.receivedAt}`;
      const sent = r.duplicate ? this.t.duplicate : this.t.accepted(r.revision, r.receivedAt);
      const lang = this.state.lang;
      this.state.message = sheetNotice
        ? { text: `${sent} ${sheetNotice[lang]} ${notices.receiptKept[lang]}`, tone: "warning" }
        : { text: sent, tone: "ok" };
    } else if (outcome.kind === "refused") {
      this.state.message = { text: this.t.refused(outcome.answer.error.message), tone: "error" };
    } else {
      this.state.message = { text: this.t.queued, tone: "warning" };
    }
  }

  private submit() {
    const { code } = this.state;
    if (!code) return Promise.resolve();
    return this.act(async () => {
      const result = await submitReport(this.deps, code);
      this.showCheck(result);
      if (result.outcome) this.describeSend(result.outcome, result.sheetNotice);
    });
  }

  private retry() {
    return this.act(async () => {
      const { outcomes, sheetNotice } = await flushQueue(this.deps, true);
      const last = outcomes[outcomes.length - 1];
      if (last) this.describeSend(last, sheetNotice);
    });
  }

  /**
   * Called on a timer: sends what is queued and logs kept receipts; quiet unless something went
   * through. flushQueue keeps a receipt before it touches Excel, so nothing here can lose one.
   */
  async retryQuietly(): Promise<void> {
    if (this.state.busy) return;
    if (pendingCount(this.deps) === 0 && unloggedReceipts(this.deps).length === 0) return;
    const { outcomes, sheetNotice } = await flushQueue(this.deps);
    const accepted = outcomes.filter((o) => o.kind === "accepted").pop();
    if (accepted) this.describeSend(accepted, sheetNotice);
    this.state.pending = pendingCount(this.deps);
    this.render();
  }

  private issueText(issue: Issue): string {
    // The Vietnamese page shows both languages, as the sheet does; the English page English only.
    return formatIssue(issue, this.state.lang === "vi" ? "both" : "en");
  }

  render(): void {
    const doc = this.root.ownerDocument;
    const t = this.t;
    const s = this.state;
    const button = (label: string, onClick: () => unknown, attrs: Record<string, string> = {}) => {
      const b = el(doc, "button", { type: "button", ...attrs }, label);
      if (s.busy) b.disabled = true;
      b.addEventListener("click", () => void onClick());
      return b;
    };
    const header = el(
      doc,
      "header",
      {},
      el(doc, "h1", {}, t.title),
      button(
        t.language,
        () => {
          s.lang = s.lang === "vi" ? "en" : "vi";
          this.deps.store.set("lang", s.lang);
          this.render();
        },
        { class: "link", id: "lang" },
      ),
    );
    const body: Node[] = [header];

    if (!s.code) {
      const input = el(doc, "textarea", {
        id: "code",
        rows: "3",
        "aria-label": t.codeHeading,
        spellcheck: "false",
      });
      body.push(
        el(
          doc,
          "section",
          {},
          el(doc, "h2", {}, t.codeHeading),
          el(doc, "p", { class: "help" }, t.codeHelp),
          input,
          button(t.saveCode, () => this.saveCode(input.value), {
            class: "primary",
            id: "save-code",
          }),
        ),
      );
    } else {
      body.push(
        el(
          doc,
          "p",
          { class: "unit" },
          `${t.unit}: `,
          el(doc, "strong", {}, s.unitName ?? s.code.unit),
          " ",
          button(
            t.changeCode,
            () => {
              forgetAccessCode(this.deps);
              s.code = undefined;
              this.render();
            },
            { class: "link" },
          ),
        ),
      );
      const plan = el(doc, "select", { id: "plan", "aria-label": t.plan });
      for (const summary of s.templates) {
        const option = el(
          doc,
          "option",
          { value: summary.id },
          `${summary.title} (v${summary.version})`,
        );
        if (summary.id === s.planId) option.selected = true;
        plan.append(option);
      }
      plan.addEventListener("change", () => (s.planId = plan.value));
      const period = el(doc, "input", {
        id: "period",
        value: s.period,
        "aria-label": t.period,
        size: "8",
      });
      period.addEventListener("input", () => (s.period = period.value));
      body.push(
        el(
          doc,
          "section",
          {},
          el(doc, "label", {}, t.plan, plan),
          el(doc, "label", {}, t.period, period),
          button(t.loadTemplate, () => this.load(), { id: "load" }),
        ),
      );
      const canSubmit =
        s.check !== undefined && s.check.errors === 0 && s.check.template !== undefined;
      const actions = el(
        doc,
        "section",
        { class: "actions" },
        button(t.check, () => this.check(), { id: "check" }),
        button(t.submit, () => this.submit(), { id: "submit", class: "primary" }),
      );
      if (!canSubmit) actions.querySelector("#submit")!.setAttribute("disabled", "");
      body.push(actions);
    }

    if (s.busy)
      body.push(
        el(doc, "div", { class: "progress", role: "progressbar", "aria-label": t.working }),
      );
    if (s.message)
      body.push(
        el(
          doc,
          "p",
          { class: `message ${s.message.tone}`, role: "status", id: "message" },
          s.message.text,
        ),
      );
    if (s.check && s.check.issues.length) {
      const list = el(doc, "ul", { class: "issues", id: "issues" });
      for (const issue of s.check.issues) {
        const item = el(doc, "li", { class: issue.severity });
        const cell = issue.location.cell;
        if (cell)
          item.append(
            button(
              this.issueText(issue),
              () => goToCell(this.deps, s.check!.sheetName, cell).catch(() => undefined),
              { class: "issue" },
            ),
          );
        else item.append(this.issueText(issue));
        list.append(item);
      }
      body.push(list);
    }
    if (s.receipt)
      body.push(
        el(doc, "p", { class: "receipt" }, `${t.receipt}: `, el(doc, "code", {}, s.receipt)),
      );
    if (s.pending)
      body.push(
        el(
          doc,
          "p",
          { class: "pending" },
          t.pending(s.pending),
          " ",
          button(t.retry, () => this.retry(), { class: "link", id: "retry" }),
        ),
      );
    this.root.replaceChildren(...body);
  }
}
