// The built bundle (dist/appsscript/Code.js) running in a node:vm context whose only globals are
// these fakes and standard ECMAScript: no TextEncoder, Buffer, crypto, require, process or console.
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { CallLog } from "./calls.js";
import {
  FakeContentService,
  FakeLockService,
  FakePropertiesService,
  FakeSession,
  FakeUtilities,
  type FakeTextOutput,
} from "./services.js";
import { counted } from "./calls.js";
import { FakeDocumentApp } from "./document.js";
import { FakeSpreadsheetApp, type FakeSpreadsheet } from "./spreadsheet.js";
import { FakeHtmlService, FakeUi } from "./ui.js";

export interface BuiltBundle {
  file: string;
  code: string;
  functions: string[];
  script: vm.Script;
}

interface BuildModule {
  buildAppsScript(options?: { entry?: string; outDir?: string }): Promise<{
    file: string;
    code: string;
    functions: string[];
  }>;
}

const buildScript = fileURLToPath(
  new URL("../../../scripts/build-appsscript.mjs", import.meta.url),
);

/** The build script's own function, loaded by path so the test program needs no types for it. */
export async function buildModule(): Promise<BuildModule> {
  return (await import(buildScript)) as BuildModule;
}

let built: Promise<BuiltBundle> | undefined;

/** Builds Code.js once per test worker, as `npm run gas:build` does. */
export function builtBundle(): Promise<BuiltBundle> {
  built ??= buildModule()
    .then((m) => m.buildAppsScript())
    .then((b) => ({ ...b, script: new vm.Script(b.code, { filename: "Code.js" }) }));
  return built;
}

export class AppsScriptWorld {
  readonly calls = new CallLog();
  readonly ui = new FakeUi(this.calls);
  readonly html: FakeHtmlService;
  readonly app = new FakeSpreadsheetApp(this.calls, this.ui);
  readonly properties = new FakePropertiesService(this.calls);
  readonly locks = new FakeLockService(this.calls);
  readonly content = new FakeContentService(this.calls);
  readonly utilities = new FakeUtilities();
  readonly documents = new FakeDocumentApp();
  readonly context: vm.Context;

  /**
   * `prelude` runs first, in the same context: to take away what an older runtime lacks.
   * `scriptTimeZone` is the project's zone, which the manifest sets when it is installed.
   * `files`: the project's HTML files beside Code.js (the officers' page, nop.html).
   */
  constructor(
    bundle: BuiltBundle,
    options: {
      prelude?: string;
      scriptTimeZone?: string;
      files?: Readonly<Record<string, string>>;
    } = {},
  ) {
    this.html = new FakeHtmlService(this.calls, options.files);
    this.context = vm.createContext({
      SpreadsheetApp: counted(this.app, "SpreadsheetApp", this.calls),
      PropertiesService: counted(this.properties, "PropertiesService", this.calls),
      LockService: counted(this.locks, "LockService", this.calls),
      ContentService: counted(this.content, "ContentService", this.calls),
      HtmlService: counted(this.html, "HtmlService", this.calls),
      Utilities: counted(this.utilities, "Utilities", this.calls),
      Session: counted(new FakeSession(options.scriptTimeZone), "Session", this.calls),
      DocumentApp: counted(this.documents, "DocumentApp", this.calls),
    });
    if (options.prelude) vm.runInContext(options.prelude, this.context);
    bundle.script.runInContext(this.context);
    this.calls.reset();
  }

  get spreadsheet(): FakeSpreadsheet {
    return this.app.spreadsheet;
  }

  /** Calls a top-level function of Code.js by name, as Apps Script does for a menu item or a trigger. */
  run<T = unknown>(name: string, ...args: unknown[]): T {
    const fn: unknown = this.context[name];
    if (typeof fn !== "function") throw new Error(`Code.js has no top-level function ${name}`);
    return (fn as (...a: unknown[]) => T)(...args);
  }

  /** A web app POST with a text/plain body, as Apps Script hands it to doPost. */
  post(body: string): { text: string; mimeType: string } {
    const output = this.run<FakeTextOutput>("doPost", {
      postData: { contents: body, type: "text/plain", length: body.length, name: "postData" },
      parameter: {},
      parameters: {},
      queryString: "",
      contextPath: "",
      contentLength: body.length,
    });
    return { text: output.getContent(), mimeType: output.getMimeType() };
  }

  /** Evaluates an expression in the bundle's global scope (what Apps Script's globals are there). */
  evaluate(expression: string): unknown {
    return vm.runInContext(expression, this.context);
  }
}
