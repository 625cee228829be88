// The officer's page: access code, file, the located issues beside a read-only view of the sheet,
// "Gửi báo cáo", the receipt and the queue. It renders state with DOM text nodes (never HTML
// strings) and hands each action to one method; every failure reaches the officer as a message.
import type { AccessCode } from "../core/wire/access-code.js";
import { readAccessCode } from "../core/wire/access-code.js";
import type { Issue } from "../core/check/issues.js";
import { formatIssue, hasErrors } from "../core/check/issues.js";
import { periodLabelVi } from "../core/plan/period.js";
import type { Template } from "../core/plan/template-schema.js";
import { payloadHash } from "../core/wire/signature.js";
import type { QueuedSubmission, SendOutcome, SubmitQueue } from "../core/wire/submit-client.js";
import type { ReportReading } from "../workbook/read-report.js";
import type { CheckClient } from "./check-client.js";
import type { LinkParams } from "./page-config.js";
import { aboutQueued, sendReport } from "./outbox.js";
import { focusCell, renderSheet } from "./sheet-view.js";
import type { TemplateLookup, TemplateSource } from "./templates.js";
import type { Lang } from "./ui-text.js";
import { text } from "./ui-text.js";

type Bilingual = { vi: string; en: string };
type Tone = "info" | "ok" | "error" | "warning";

export interface PageDeps {
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  checker: CheckClient;
  templates: TemplateSource;
  queue: SubmitQueue;
  now(): Date;
  newId(): string;
  print(): void;
  online(): boolean;
}

interface ReceiptView {
  submissionId: string;
  revision: number;
  receivedAt: string;
  unit: string;
  planId: string;
  period: string;
  /** The unit's name and the plan's title, when the report was checked on this page. */
  unitName?: string;
  planTitle?: string;
  fingerprint: string;
  tracker: string;
}

interface State {
  lang: Lang;
  code?: AccessCode;
  link: LinkParams;
  busy?: "reading" | "sending";
  fileName?: string;
  reading?: ReportReading;
  /** Why this file may not go to this tracker although core found nothing: unit, plan, period. */
  blockers: Bilingual[];
  message?: { text: Bilingual; tone: Tone };
  receipt?: ReceiptView;
  /** This file's report went (or waits in the queue): sending it again needs choosing it again. */
  sent: boolean;
  pending: QueuedSubmission[];
}

const CODE_KEY = "chitieu-nop:access-code";
const LANG_KEY = "chitieu-nop:lang";

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export class NopPage {
  private readonly state: State;
  private sheet: HTMLTableElement | undefined;
  private lastLookup: TemplateLookup | undefined;

  constructor(
    private readonly panel: HTMLElement,
    private readonly sheetPane: HTMLElement,
    private readonly deps: PageDeps,
    link: LinkParams,
  ) {
    const kept = deps.storage.getItem(CODE_KEY);
    const stored = kept === null ? undefined : readAccessCode(kept);
    this.state = {
      lang: deps.storage.getItem(LANG_KEY) === "en" ? "en" : "vi",
      code: stored?.ok ? stored.value : undefined,
      link: {},
      blockers: [],
      sent: false,
      pending: deps.queue.pending(),
    };
    // A kept code that no longer reads counts as none, but the officer is told why.
    if (stored && !stored.ok)
      this.state.message = {
        text: {
          vi: text.storedCodeUnreadable.vi(stored.error.message.vi),
          en: text.storedCodeUnreadable.en(stored.error.message.en),
        },
        tone: "warning",
      };
    this.takeLink(link);
  }

  /** A consolidator's link, when the page opens or when one is followed while it is open. */
  useLink(link: LinkParams): void {
    this.takeLink(link);
    this.render();
  }

  private takeLink(link: LinkParams) {
    const s = this.state;
    s.link = link;
    if (link.code) {
      const read = readAccessCode(link.code);
      if (read.ok) {
        this.deps.storage.setItem(CODE_KEY, link.code);
        s.code = read.value;
        s.message = undefined;
      } else s.message = { text: read.error.message, tone: "error" };
    }
    if (s.reading) this.showReading(s.reading);
  }

  private t(entry: Bilingual): string {
    return entry[this.state.lang];
  }

  /** For the worker: the template of the file's plan, remembering why there was none. */
  templateFor = async (id: string): Promise<Template | undefined> => {
    this.lastLookup = await this.deps.templates.get(id);
    return this.lastLookup.ok ? this.lastLookup.value : undefined;
  };

  saveCode(pasted: string): void {
    const read = readAccessCode(pasted);
    if (!read.ok) {
      this.state.message = { text: read.error.message, tone: "error" };
    } else {
      this.deps.storage.setItem(CODE_KEY, pasted.trim());
      this.state.code = read.value;
      this.state.message = undefined;
      this.state.blockers = this.blockersOf(this.state.reading);
    }
    this.render();
  }

  forgetCode(): void {
    this.deps.storage.removeItem(CODE_KEY);
    this.state.code = undefined;
    this.render();
  }

  async checkFile(file: File): Promise<void> {
    const s = this.state;
    s.busy = "reading";
    s.fileName = file.name;
    s.reading = undefined;
    s.receipt = undefined;
    s.sent = false;
    s.message = { text: text.reading, tone: "info" };
    this.render();
    const result = await this.deps.checker.check(file, this.deps.now());
    s.busy = undefined;
    if (result.kind === "timeout") s.message = { text: text.tooSlow, tone: "error" };
    else if (result.kind === "failed")
      s.message = {
        text: { vi: text.workerFailed.vi(result.reason), en: text.workerFailed.en(result.reason) },
        tone: "error",
      };
    else this.showReading(result.reading);
    this.render();
  }

  private showReading(reading: ReportReading) {
    const s = this.state;
    s.reading = reading;
    s.blockers = this.blockersOf(reading);
    if (reading.kind === "refused") {
      const offline =
        reading.refusal.code === "unknown-template" &&
        this.lastLookup?.ok === false &&
        this.lastLookup.error === "offline";
      s.message = {
        text: offline ? text.noTemplateOffline : reading.refusal.message,
        tone: "error",
      };
      return;
    }
    const errors = reading.issues.filter((i) => i.severity === "error").length;
    const warnings = reading.issues.length - errors;
    if (errors) {
      s.message = {
        text: { vi: text.found.vi(errors, warnings), en: text.found.en(errors, warnings) },
        tone: "error",
      };
    } else if (s.blockers.length) {
      s.message = { text: s.blockers[0]!, tone: "error" };
    } else if (warnings) {
      s.message = {
        text: { vi: text.onlyWarnings.vi(warnings), en: text.onlyWarnings.en(warnings) },
        tone: "warning",
      };
    } else s.message = { text: text.clean, tone: "ok" };
    this.renderSheetView();
  }

  private blockersOf(reading: ReportReading | undefined): Bilingual[] {
    const header = reading?.kind === "checked" ? reading.header : undefined;
    if (!header) return [];
    const both = <A extends unknown[]>(
      entry: { vi: (...a: A) => string; en: (...a: A) => string },
      ...a: A
    ) => ({ vi: entry.vi(...a), en: entry.en(...a) });
    const { code, link } = this.state;
    const found: Bilingual[] = [];
    if (code && header.unit.code !== code.unit)
      found.push(both(text.otherUnit, header.unit.code, code.unit));
    if (link.plan && header.templateId !== link.plan)
      found.push(both(text.otherPlan, header.templateId, link.plan));
    if (link.period && header.period !== link.period)
      found.push(both(text.otherPeriod, header.period, link.period));
    return found;
  }

  private canSubmit(): boolean {
    const { reading, code, busy, blockers, sent } = this.state;
    return (
      !busy &&
      !sent &&
      code !== undefined &&
      blockers.length === 0 &&
      reading?.kind === "checked" &&
      reading.check?.draft !== undefined &&
      reading.check.layout !== undefined &&
      !hasErrors(reading.issues)
    );
  }

  async submit(): Promise<void> {
    const { reading, code } = this.state;
    if (!this.canSubmit() || !code || reading?.kind !== "checked" || !reading.check?.draft) return;
    this.state.busy = "sending";
    this.state.message = { text: text.sending, tone: "info" };
    this.render();
    try {
      const sent = await sendReport(
        this.deps.queue,
        reading.check.draft,
        code,
        this.deps.now(),
        this.deps.newId,
      );
      this.describe(sent.outcome, sent.payload);
      this.state.sent = sent.outcome.kind !== "refused";
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.state.message = {
        text: { vi: text.workerFailed.vi(reason), en: text.workerFailed.en(reason) },
        tone: "error",
      };
    } finally {
      this.state.busy = undefined;
      this.state.pending = this.deps.queue.pending();
      this.render();
    }
  }

  private describe(outcome: SendOutcome, payload: string) {
    const s = this.state;
    if (outcome.kind === "accepted") {
      const r = outcome.answer.receipt;
      const about = JSON.parse(payload) as { unit: string; planId: string; period: string };
      const header = s.reading?.kind === "checked" ? s.reading : undefined;
      const same =
        header?.header?.unit.code === about.unit &&
        header.header.templateId === about.planId &&
        header.header.period === about.period;
      s.receipt = {
        ...(same
          ? { unitName: header.header!.unit.name, planTitle: header.template?.plan.title }
          : {}),
        submissionId: r.submissionId,
        revision: r.revision,
        receivedAt: r.receivedAt,
        unit: about.unit,
        planId: about.planId,
        period: about.period,
        fingerprint: payloadHash(payload),
        tracker: s.code ? new URL(s.code.url).host : "",
      };
      s.message = {
        text: r.duplicate
          ? text.duplicate
          : { vi: text.accepted.vi(r.revision), en: text.accepted.en(r.revision) },
        tone: "ok",
      };
    } else if (outcome.kind === "refused") {
      const msg = outcome.answer.error.message;
      s.message = { text: { vi: text.refused.vi(msg), en: text.refused.en(msg) }, tone: "error" };
    } else s.message = { text: text.queued, tone: "warning" };
  }

  /** Sends what waits; `force` when the network has just come back. */
  async flush(force = false): Promise<void> {
    if (this.state.busy || this.deps.queue.pending().length === 0 || !this.deps.online()) return;
    const waiting = new Map(this.deps.queue.pending().map((q) => [q.submissionId, q]));
    const outcomes = await this.deps.queue.flush(this.deps.now().getTime(), { force });
    for (const outcome of outcomes) {
      const item = waiting.get(outcome.submissionId);
      const payload = item ? (JSON.parse(item.body) as { payload: string }).payload : "{}";
      if (outcome.kind !== "queued") this.describe(outcome, payload);
    }
    this.state.pending = this.deps.queue.pending();
    this.render();
  }

  toggleLanguage(): void {
    this.state.lang = this.state.lang === "vi" ? "en" : "vi";
    this.deps.storage.setItem(LANG_KEY, this.state.lang);
    this.panel.ownerDocument.documentElement.lang = this.state.lang;
    this.render();
  }

  private issueText(issue: Issue): string {
    // The Vietnamese page shows both languages, as the sheet does; the English page English only.
    return formatIssue(issue, this.state.lang === "vi" ? "both" : "en");
  }

  private renderSheetView() {
    const reading = this.state.reading;
    const doc = this.sheetPane.ownerDocument;
    if (reading?.kind !== "checked") {
      this.sheet = undefined;
      this.sheetPane.replaceChildren();
      return;
    }
    this.sheet = renderSheet(doc, reading.grid, reading.layout, reading.issues);
    this.sheetPane.replaceChildren(
      el(doc, "h2", {}, `${this.t(text.sheetHeading)}: ${reading.grid.sheetName}`),
      el(doc, "div", { class: "sheet-scroll" }, this.sheet),
    );
  }

  render(): void {
    const doc = this.panel.ownerDocument;
    const s = this.state;
    const button = (label: string, onClick: () => unknown, attrs: Record<string, string> = {}) => {
      const b = el(doc, "button", { type: "button", ...attrs }, label);
      b.addEventListener("click", () => void onClick());
      return b;
    };
    const body: Node[] = [
      el(
        doc,
        "header",
        {},
        el(doc, "h1", {}, this.t(text.title)),
        ...(this.deps.online()
          ? []
          : [el(doc, "span", { class: "offline", id: "offline" }, this.t(text.offline))]),
        button(this.t(text.language), () => this.toggleLanguage(), { class: "link", id: "lang" }),
      ),
    ];

    if (!s.code) {
      const input = el(doc, "textarea", {
        id: "code",
        rows: "3",
        "aria-label": this.t(text.codeHeading),
        spellcheck: "false",
        autocomplete: "off",
      });
      body.push(
        el(
          doc,
          "section",
          {},
          el(doc, "h2", {}, this.t(text.codeHeading)),
          el(doc, "p", { class: "help" }, this.t(text.codeHelp)),
          input,
          button(this.t(text.saveCode), () => this.saveCode(input.value), { id: "save-code" }),
        ),
      );
    } else {
      body.push(
        el(
          doc,
          "p",
          { class: "unit" },
          `${this.t(text.unit)}: `,
          el(doc, "strong", { id: "unit" }, s.code.unit),
          ` · ${new URL(s.code.url).host} `,
          button(this.t(text.changeCode), () => this.forgetCode(), {
            class: "link",
            id: "change-code",
          }),
        ),
      );
    }

    const file = el(doc, "input", {
      type: "file",
      id: "file",
      accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    file.addEventListener("change", () => {
      const chosen = file.files?.[0];
      if (chosen) void this.checkFile(chosen);
    });
    const drop = el(
      doc,
      "label",
      { class: "drop", for: "file", id: "drop" },
      this.t(text.drop),
      file,
    );
    drop.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      const dropped = e.dataTransfer?.files[0];
      if (dropped) void this.checkFile(dropped);
    });
    body.push(
      el(
        doc,
        "section",
        {},
        el(doc, "h2", {}, this.t(text.fileHeading)),
        drop,
        el(doc, "p", { class: "help" }, this.t(text.fileStays)),
      ),
    );

    if (s.busy) body.push(el(doc, "div", { class: "progress", role: "progressbar" }));
    if (s.message)
      body.push(
        el(
          doc,
          "p",
          { class: `message ${s.message.tone}`, role: "status", id: "message" },
          this.t(s.message.text),
        ),
      );
    body.push(...this.summary(doc));
    body.push(...this.issueList(doc, button));

    const submit = button(this.t(text.submit), () => this.submit(), {
      id: "submit",
      class: "primary",
    });
    submit.disabled = !this.canSubmit();
    body.push(
      el(
        doc,
        "section",
        { class: "actions" },
        submit,
        ...(s.code ? [] : [el(doc, "p", { class: "help" }, this.t(text.needCode))]),
      ),
    );
    if (s.receipt) body.push(this.receipt(doc, s.receipt, button));
    if (s.pending.length) body.push(this.outbox(doc, button));
    this.panel.replaceChildren(...body);
    if (this.sheet) {
      const heading = this.sheetPane.querySelector("h2");
      if (heading && s.reading?.kind === "checked")
        heading.textContent = `${this.t(text.sheetHeading)}: ${s.reading.grid.sheetName}`;
    }
  }

  private summary(doc: Document): Node[] {
    const reading = this.state.reading;
    if (!this.state.fileName) return [];
    const rows: [string, string][] = [[this.t(text.fileHeading), this.state.fileName]];
    if (reading?.kind === "checked" && reading.header) {
      const h = reading.header;
      rows.push([
        this.t(text.plan),
        reading.template ? `${reading.template.plan.title} (${h.templateId})` : h.templateId,
      ]);
      rows.push([this.t(text.unit), `${h.unit.name} (${h.unit.code})`]);
      rows.push([this.t(text.period), `${periodLabelVi(h.period)} (${h.period})`]);
    }
    const dl = el(doc, "dl", { class: "summary", id: "summary" });
    for (const [term, value] of rows) dl.append(el(doc, "dt", {}, term), el(doc, "dd", {}, value));
    const blockers = this.state.blockers.map((b) =>
      el(doc, "p", { class: "message error blocker" }, this.t(b)),
    );
    return [dl, ...blockers];
  }

  private issueList(
    doc: Document,
    button: (
      label: string,
      onClick: () => unknown,
      attrs?: Record<string, string>,
    ) => HTMLButtonElement,
  ): Node[] {
    const reading = this.state.reading;
    if (reading?.kind !== "checked" || reading.issues.length === 0) return [];
    const list = el(doc, "ul", { class: "issues", id: "issues" });
    for (const issue of reading.issues) {
      const item = el(doc, "li", { class: issue.severity, "data-code": issue.code });
      const cell = issue.location.cell;
      if (cell) {
        item.dataset.cell = cell;
        item.append(
          button(this.issueText(issue), () => this.sheet && focusCell(this.sheet, cell), {
            class: "issue",
          }),
        );
      } else item.append(this.issueText(issue));
      list.append(item);
    }
    return [list, el(doc, "p", { class: "help" }, this.t(text.fixAndReload))];
  }

  private receipt(
    doc: Document,
    r: ReceiptView,
    button: (
      label: string,
      onClick: () => unknown,
      attrs?: Record<string, string>,
    ) => HTMLButtonElement,
  ): Node {
    const code = (value: string) => el(doc, "code", {}, value);
    const rows: [Bilingual, string | Node][] = [
      [text.unit, r.unitName ? `${r.unitName} (${r.unit})` : r.unit],
      [text.plan, r.planTitle ? `${r.planTitle} (${r.planId})` : r.planId],
      [text.period, r.period],
      [text.receiptSubmission, code(r.submissionId)],
      [text.receiptRevision, String(r.revision)],
      [text.receiptReceivedAt, code(r.receivedAt)],
      [text.receiptFingerprint, code(r.fingerprint)],
      [text.receiptTracker, r.tracker],
    ];
    const dl = el(doc, "dl", { class: "summary receipt-list" });
    for (const [term, value] of rows)
      dl.append(el(doc, "dt", {}, `${term.vi} / ${term.en}`), el(doc, "dd", {}, value));
    return el(
      doc,
      "section",
      { class: "receipt", id: "receipt" },
      el(doc, "h2", {}, `${text.receiptHeading.vi} / ${text.receiptHeading.en}`),
      dl,
      button(this.t(text.print), () => this.deps.print(), { id: "print", class: "no-print" }),
    );
  }

  private outbox(
    doc: Document,
    button: (
      label: string,
      onClick: () => unknown,
      attrs?: Record<string, string>,
    ) => HTMLButtonElement,
  ): Node {
    const list = el(doc, "ul", {});
    for (const item of this.state.pending) {
      const a = aboutQueued(item);
      const line = {
        vi: text.outboxItem.vi(a.unit, a.planId, a.period, item.attempts),
        en: text.outboxItem.en(a.unit, a.planId, a.period, item.attempts),
      };
      list.append(el(doc, "li", {}, this.t(line)));
    }
    return el(
      doc,
      "section",
      { class: "pending", id: "outbox" },
      el(doc, "h2", {}, `${this.t(text.outboxHeading)} (${this.state.pending.length})`),
      list,
      button(this.t(text.retry), () => this.flush(true), { class: "link", id: "retry" }),
    );
  }
}
