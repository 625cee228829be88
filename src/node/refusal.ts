// The one way a command refuses: thrown from anywhere below a command, caught once by runCli.

/** Words said in both languages, the shape of core's message catalogues. */
export interface Bilingual {
  vi: string;
  en: string;
}

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
  constructor(message: string | Bilingual, options: RefusalOptions = {}) {
    super(typeof message === "string" ? message : `${message.vi} / ${message.en}`);
    this.name = "Refusal";
    this.at = options.at ?? "";
    this.exitCode = options.exitCode ?? 2;
    this.output = options.output;
  }
}
