// Hostile report files at the commands: `validate` and `submit` refuse them with a clear message and
// exit 2, `push --from` lists them as skipped beside the good reports; nothing hangs or eats memory.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatAccessCode } from "../../src/core/wire/access-code.js";
import { buildLayout } from "../../src/core/sheet/layout.js";
import { loadPushSource } from "../../src/node/google/push-source.js";
import type { CommandIO } from "../../src/node/io.js";
import { findTemplate } from "../../src/node/lookup.js";
import { runCli } from "../../src/node/program.js";
import { writeLayoutFile } from "../../src/node/xlsx.js";
import { fillWorkbook, validEdits } from "../fixtures/fill-workbook.js";
import { hostTool, SOFFICE } from "../fixtures/host-tools.js";
import {
  compoundFile,
  partsOf,
  repeatedPart,
  storedPart,
  zipOf,
} from "../fixtures/hostile-files.js";

const PLAN = "can-tho-2256";
const NOW = "2025-11-30T10:00:00+07:00";
const unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
} as const;
const PASSWORD =
  "Tệp có mật khẩu: hãy gỡ mật khẩu và lưu lại / this file is password-protected: remove the password and save again";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let dir: string;
let good: string;
/** Each hostile file and a part of what its refusal says. */
const hostile: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chitieu-hostile-"));
  const template = findTemplate(PLAN);
  const layout = buildLayout(template, unit, "2025");
  const blank = join(dir, "blank.xlsx.tmp");
  await writeLayoutFile(layout, blank);
  good = join(dir, "tot.xlsx");
  await fillWorkbook(blank, good, validEdits(template, unit, layout, new Date(NOW)));

  const put = (name: string, bytes: Uint8Array, says: string) => {
    writeFileSync(join(dir, name), bytes);
    hostile[name] = says;
  };
  put("mat-khau.xlsx", compoundFile(["EncryptionInfo", "EncryptedPackage"]), PASSWORD);
  put("cu.xlsx", compoundFile(["Workbook"]), "save as .xlsx");
  put(
    "calc.xlsx",
    zipOf([storedPart("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]),
    "save as .xlsx",
  );
  const sheet = repeatedPart(
    "xl/worksheets/sheet1.xml",
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    "<row><c><v>1</v></c></row>",
    Math.ceil((400 << 20) / 26),
    "</sheetData></worksheet>",
  );
  put(
    "bom.xlsx",
    zipOf([...partsOf(readFileSync(good)).filter((p) => p.name !== sheet.name), sheet]),
    "xl/worksheets/sheet1.xml",
  );
  symlinkSync("/dev/urandom", join(dir, "urandom.xlsx"));
  hostile["urandom.xlsx"] = "a device";
  execFileSync("mkfifo", [join(dir, "fifo.xlsx")]);
  hostile["fifo.xlsx"] = "FIFO";
  mkdirSync(join(dir, "thu-muc.xlsx"));
  hostile["thu-muc.xlsx"] = "a folder";
});

describe("chitieu validate on hostile files", () => {
  it("refuses each with its reason and exit 2, in text and in --json", async () => {
    for (const [name, says] of Object.entries(hostile)) {
      const file = join(dir, name);
      const r = await run("validate", file, "--now", NOW);
      expect(r.code, `${name}: ${r.out}${r.err}`).toBe(2);
      expect(r.err).toContain(says);
      expect(r.err).not.toMatch(/jszip|Error:|at .*\.[jt]s:\d+/iu);
      const j = await run("validate", file, "--json", "--now", NOW);
      expect(j.code).toBe(2);
      expect(JSON.parse(j.out)).toMatchObject({ ok: false, error: expect.stringContaining(says) });
    }
  });

  it("the password-protected file gets exactly the message to remove the password", async () => {
    const r = await run("validate", join(dir, "mat-khau.xlsx"));
    expect(r.err).toBe(`${join(dir, "mat-khau.xlsx")}: ${PASSWORD}`);
  });

  it("still reads the good report beside them", async () => {
    const r = await run("validate", good, "--now", NOW);
    expect(r.code, r.out).toBe(0);
  });
});

describe("chitieu submit on hostile files", () => {
  it("refuses each with its reason and exit 2; nothing is queued", async () => {
    const code = formatAccessCode({
      url: "http://127.0.0.1:9/api/submit",
      unit: unit.code,
      key: "c".repeat(64),
    });
    const outbox = join(dir, "outbox.json");
    for (const [name, says] of Object.entries(hostile)) {
      const r = await run(
        "submit",
        join(dir, name),
        "--code",
        code,
        "--outbox",
        outbox,
        "--retries",
        "0",
      );
      expect(r.code, `${name}: ${r.out}${r.err}`).toBe(2);
      expect(r.err).toContain(says);
    }
    expect(existsSync(outbox) ? JSON.parse(readFileSync(outbox, "utf8")) : []).toEqual([]);
  });
});

describe("chitieu push --from", () => {
  it("a folder: the good report is taken, each hostile file skipped with its reason", async () => {
    const source = await loadPushSource(dir, { period: "2025", now: new Date(NOW) });
    expect(source.submissions.map((s) => s.submission.unit)).toEqual([unit.code]);
    for (const [name, says] of Object.entries(hostile)) {
      const skipped = source.skipped.find((s) => s.file === name);
      expect(skipped?.reason, name).toContain(says);
    }
  });

  it("--from naming a FIFO or a device instead of a folder: exit 2 before any request", async () => {
    for (const name of ["fifo.xlsx", "urandom.xlsx"]) {
      const r = await run(
        "push",
        "--to",
        "google:abc123",
        "--period",
        "2025",
        "--from",
        join(dir, name),
      );
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain("không phải thư mục / not a folder");
    }
  });
});

const hasSoffice = hostTool("LibreOffice (soffice)", SOFFICE);

describe("files saved by LibreOffice Calc", () => {
  it.runIf(hasSoffice)(
    "its .xlsx reads clean; its .xls and .ods, named so, are told to be saved as .xlsx (exit 2)",
    async () => {
      const out = mkdtempSync(join(tmpdir(), "chitieu-calc-"));
      const profile = mkdtempSync(join(tmpdir(), "chitieu-lo-profile-"));
      for (const format of ["xlsx", "xls", "ods"])
        execFileSync(
          SOFFICE!,
          [
            `-env:UserInstallation=file://${profile}`,
            "--headless",
            "--convert-to",
            format,
            "--outdir",
            out,
            good,
          ],
          { stdio: "pipe", timeout: 170_000 },
        );
      const clean = await run("validate", join(out, "tot.xlsx"), "--now", NOW);
      expect(clean.code, clean.out + clean.err).toBe(0);
      for (const [format, kind] of [
        ["xls", ".xls (Excel 97–2003)"],
        ["ods", ".ods (OpenDocument)"],
      ]) {
        const r = await run("validate", join(out, `tot.${format}`), "--now", NOW);
        expect(r.code, r.err).toBe(2);
        expect(r.err).toContain(`this is an ${kind} file, not .xlsx: open it and save as .xlsx`);
      }
      // In a folder pushed, the same files are listed as skipped, with the same words.
      const source = await loadPushSource(out, { period: "2025", now: new Date(NOW) });
      expect(source.submissions).toHaveLength(1);
      expect(source.skipped.map((s) => [s.file, s.reason.includes("save as .xlsx")])).toEqual([
        ["tot.ods", true],
        ["tot.xls", true],
      ]);
    },
    540_000,
  );
});
