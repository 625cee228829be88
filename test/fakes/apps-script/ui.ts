// The spreadsheet's Ui (menus, alerts, prompts, dialogs) and HtmlService, recording what the bundle
// showed; prompts answer from a script the test sets, and an unscripted prompt fails the test.
import type { CallLog } from "./calls.js";
import { counted } from "./calls.js";
import { FakeContentOutput } from "./content-output.js";

export const Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" } as const;
export const ButtonSet = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
} as const;
type ButtonName = (typeof Button)[keyof typeof Button];

export interface RecordedMenu {
  title: string;
  items: ({ caption: string; functionName: string } | "separator")[];
  added: boolean;
}

export class FakeMenu {
  constructor(
    private readonly ui: FakeUi,
    readonly record: RecordedMenu,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.record.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.record.items.push("separator");
    return this;
  }
  addToUi(): void {
    this.record.added = true;
    this.ui.menus.push(this.record);
  }
}

/** HtmlOutput.addMetaTag takes these names only; Apps Script ignores <meta> tags in the HTML itself. */
const META_TAGS = new Set([
  "apple-mobile-web-app-capable",
  "google-site-verification",
  "mobile-web-app-capable",
  "viewport",
]);

export class FakeHtmlOutput extends FakeContentOutput {
  readonly metaTags: { name: string; content: string }[] = [];
  title = "";
  addMetaTag(name: string, content: string): this {
    if (!META_TAGS.has(name)) throw new Error(`Meta tag "${name}" is not allowed.`);
    this.metaTags.push({ name, content });
    return this;
  }
  width = 0;
  height = 0;
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
}

export class FakeHtmlService {
  readonly created: FakeHtmlOutput[] = [];
  /**
   * `files`: the project's HTML files by name (without ".html"), as the editor or clasp pushed them.
   */
  constructor(
    private readonly calls: CallLog,
    private readonly files: Readonly<Record<string, string>> = {},
  ) {}
  createHtmlOutput(html = "") {
    const output = new FakeHtmlOutput(String(html));
    this.created.push(output);
    return counted(output, "HtmlOutput", this.calls);
  }
  /** The file's text as it is: no scriptlets are run (only an HtmlTemplate runs them). */
  createHtmlOutputFromFile(name: string) {
    const html = this.files[name.replace(/\.html$/u, "")];
    if (html === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return this.createHtmlOutput(html);
  }
}

export interface Dialog {
  title: string;
  html: string;
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus: RecordedMenu[] = [];
  readonly alerts: string[] = [];
  readonly prompts: string[] = [];
  readonly dialogs: Dialog[] = [];
  private readonly answers: { text: string; button: ButtonName }[] = [];
  readonly view: FakeUi;

  constructor(private readonly calls: CallLog) {
    this.view = counted(this, "Ui", calls);
  }

  /** The next prompt's answer. */
  answer(text: string, button: ButtonName = "OK"): this {
    this.answers.push({ text, button });
    return this;
  }

  unanswered(): number {
    return this.answers.length;
  }

  createMenu(title: string) {
    return counted(new FakeMenu(this, { title, items: [], added: false }), "Menu", this.calls);
  }

  alert(...args: unknown[]): ButtonName {
    const texts = args.filter((a): a is string => typeof a === "string" && !(a in ButtonSet));
    this.alerts.push(texts.join("\n"));
    return "OK";
  }

  prompt(...args: unknown[]) {
    const texts = args.filter((a): a is string => typeof a === "string" && !(a in ButtonSet));
    this.prompts.push(texts.join("\n"));
    const next = this.answers.shift();
    if (!next) throw new Error(`unscripted prompt: ${texts.join(" / ")}`);
    return {
      getResponseText: () => next.text,
      getSelectedButton: () => next.button,
    };
  }

  /** When set, the next dialog fails to open, as a dialog Apps Script cannot show does. */
  failNextDialog = false;

  showModalDialog(output: FakeHtmlOutput, title: string): void {
    if (this.failNextDialog) {
      this.failNextDialog = false;
      throw new Error("Exception: The dialog could not be shown.");
    }
    this.dialogs.push({ title, html: output.getContent() });
  }
}
