// The chitieu command line: one file per command under commands/, assembled here.
import { Command, CommanderError } from "commander";
import { registerConsolidate } from "./commands/consolidate.js";
import { registerKeys } from "./commands/keys.js";
import { registerPush } from "./commands/push.js";
import { registerReport } from "./commands/report.js";
import { registerServe } from "./commands/serve.js";
import { registerSubmit } from "./commands/submit.js";
import { registerTemplate } from "./commands/template.js";
import { registerTemplatesCheck } from "./commands/templates-check.js";
import { registerTemplatesExport } from "./commands/templates-export.js";
import { registerTemplatesList } from "./commands/templates-list.js";
import { registerUnits } from "./commands/units.js";
import { registerValidate } from "./commands/validate.js";
import type { CommandIO } from "./io.js";
import { Refusal } from "./refusal.js";

export function makeProgram(io: CommandIO, setExit: (code: number) => void): Command {
  const program = new Command("chitieu")
    .description(
      "Chỉ tiêu chuyển đổi số: biểu mẫu, kiểm tra, tổng hợp / digital-transformation indicators",
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const templates = program.command("templates").description("Biểu mẫu kế hoạch / plan templates");
  registerTemplatesList(templates, io, setExit);
  registerTemplatesExport(templates, io, setExit);
  registerTemplatesCheck(templates, io, setExit);
  registerTemplate(program, io, setExit);
  registerValidate(program, io, setExit);
  registerServe(program, io, setExit);
  registerUnits(program, io, setExit);
  registerKeys(program, io, setExit);
  registerSubmit(program, io, setExit);
  registerConsolidate(program, io, setExit);
  registerPush(program, io, setExit);
  registerReport(program, io, setExit);
  return program;
}

/** Runs the CLI in-process and answers its exit code, so tests need no child process. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  let code = 0;
  const program = makeProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    // What a person can act on is said plainly, once, whichever command refused.
    if (err instanceof Refusal) {
      io.err(err.message);
      if (err.output !== undefined) io.out(err.output);
      return err.exitCode;
    }
    throw err;
  }
  return code;
}
