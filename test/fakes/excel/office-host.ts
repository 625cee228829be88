// The Office side of an add-in command: a function command's runtime, which ends when the command
// calls event.completed(), and the dialog API with its documented errors and limits (HOST-BEHAVIOUR.md).
import type { RequirementSets } from "./office-fake.js";
import { supports } from "./office-fake.js";

/** The values office.js gives these enums at run time (the .d.ts declares them without values). */
export const OfficeEnums = {
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  },
  HostType: { Excel: "Excel" },
} as const;

/** What Office.context.partitionKey gives where storage is partitioned (Excel on the web). */
export const PARTITION_KEY = "cGFydGl0aW9uLWZha2U";

/** displayDialogAsync's own error codes (Microsoft, "Handle errors and events in the Office dialog"). */
export const DialogErrors = {
  untrustedDomain: 12004,
  notHttps: 12005,
  closedByUser: 12006,
  alreadyOpen: 12007,
} as const;

type Handler = (args: { message: string; origin: string } | { error: number }) => void;

interface DialogResult {
  status: string;
  value?: FakeDialog["api"];
  error?: { code: number };
}

export class FakeDialog {
  open = true;
  closedBy?: "code" | "user" | "runtime-ended";
  readonly handlers = new Map<string, Handler[]>();
  constructor(
    readonly url: string,
    private readonly runtime: FunctionCommandRuntime,
  ) {}

  /** The Dialog object the opener gets. */
  get api() {
    return {
      addEventHandler: (type: string, handler: Handler) => {
        this.runtime.mustBeAlive("Dialog.addEventHandler");
        this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
      },
      close: () => {
        this.runtime.mustBeAlive("Dialog.close");
        this.close("code");
      },
    };
  }

  close(by: NonNullable<FakeDialog["closedBy"]>) {
    if (!this.open) return;
    this.open = false;
    this.closedBy = by;
  }

  /** The page in the dialog calls Office.context.ui.messageParent(message). */
  messageParent(message: string) {
    if (!this.open) throw new Error("the dialog is closed");
    this.fire(OfficeEnums.EventType.DialogMessageReceived, {
      message,
      origin: new URL(this.url).origin,
    });
  }

  /** The officer closes the dialog with its ×. */
  closeByUser() {
    if (!this.open) throw new Error("the dialog is closed");
    this.close("user");
    this.fire(OfficeEnums.EventType.DialogEventReceived, { error: DialogErrors.closedByUser });
  }

  private fire(type: string, args: Parameters<Handler>[0]) {
    // A runtime that has ended runs no more code: its handlers are gone with it.
    if (this.runtime.ended) return;
    for (const handler of this.handlers.get(type) ?? []) handler(args);
  }
}

/**
 * One press of a function command's button: a browser runtime that starts with the command and ends
 * when the command calls event.completed() (or after five minutes). A dialog it opened goes with it
 * when the command completes (stricter than Office, which documents only the timeout case).
 */
export class FunctionCommandRuntime {
  ended = false;
  completedCalls = 0;
  readonly dialogs: FakeDialog[] = [];
  /** Every URL asked for, opened or refused. */
  readonly attempts: string[] = [];

  constructor(
    /** The origin of the function file (commands.html): dialogs must share it. */
    readonly origin: string,
    readonly requirementSets: RequirementSets = { DialogApi: "1.1" },
  ) {}

  mustBeAlive(what: string) {
    if (this.ended) throw new Error(`${what}: the function command's runtime has ended`);
  }

  readonly event = {
    source: { id: "ChiTieu.Validate" },
    completed: () => {
      this.completedCalls++;
      this.ended = true;
      for (const dialog of this.dialogs) dialog.close("runtime-ended");
    },
  };

  /** Office.context.ui as the function file sees it. */
  readonly ui = {
    displayDialogAsync: (
      url: string,
      options?: unknown,
      maybeCallback?: (result: DialogResult) => void,
    ) => {
      this.mustBeAlive("displayDialogAsync");
      const callback =
        typeof options === "function" ? (options as typeof maybeCallback) : maybeCallback;
      this.attempts.push(url);
      const fail = (code: number) =>
        setTimeout(() => {
          if (!this.ended)
            callback?.({ status: OfficeEnums.AsyncResultStatus.Failed, error: { code } });
        });
      const target = new URL(url);
      if (target.protocol !== "https:") return fail(DialogErrors.notHttps);
      if (target.origin !== this.origin) return fail(DialogErrors.untrustedDomain);
      if (this.dialogs.some((d) => d.open)) return fail(DialogErrors.alreadyOpen);
      const dialog = new FakeDialog(url, this);
      this.dialogs.push(dialog);
      setTimeout(() => {
        if (!this.ended)
          callback?.({ status: OfficeEnums.AsyncResultStatus.Succeeded, value: dialog.api });
      });
    },
  };

  readonly requirements = {
    isSetSupported: (name: string, minVersion?: string) =>
      supports(this.requirementSets, name, minVersion),
  };

  /** The open dialog, if any. */
  get openDialog(): FakeDialog | undefined {
    return this.dialogs.find((d) => d.open);
  }
}
