// The one way a command refuses: thrown from anywhere below a command, caught once by runCli.
import type { Words } from "../core/check/messages.js";
import { bilingual } from "../core/check/messages.js";

export interface RefusalOptions {
  /** Where in the file, as ":line:column", when the file itself is at fault. */
  at?: string;
  /** 2 for unusable input (the default); 1 when a service the command relies on refused. */
  exitCode?: number;
  /** What the command still answers on standard output (`validate --json`). */
  output?: string;
}

/** A refusal a person can act on: the CLI prints its message, never a stack trace, and exits. */
export class Refusal extends Error {
  readonly at: string;
  readonly exitCode: number;
  readonly output: string | undefined;
  /** `message` is a catalogue's {vi, en}, or a line that already says both. */
  constructor(message: string | Words, options: RefusalOptions = {}) {
    super(typeof message === "string" ? message : bilingual(message));
    this.name = "Refusal";
    this.at = options.at ?? "";
    this.exitCode = options.exitCode ?? 2;
    this.output = options.output;
  }
}
