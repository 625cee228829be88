// `chitieu template` and `chitieu validate` end to end: generate, fill through exceljs, check, exit codes.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/core/check/issues.js";
import type { FieldRef } from "../../src/core/sheet/layout-types.js";
import { buildLayout } from "../../src/core/sheet/layout.js";
import { headerCells, taskStateNames, a1 } from "../../src/core/sheet/layout-types.js";
import { readSheet } from "../../src/core/sheet/read-sheet.js";
import { loadUnits } from "../../src/node/lookup.js";
import type { CommandIO } from "../../src/node/io.js";
import { runCli } from "../../src/node/program.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { readWorkbookGrid } from "../../src/node/xlsx.js";
import type { Edit } from "../fixtures/fill-workbook.js";
import { addressOf, fillWorkbook, validEdits } from "../fixtures/fill-workbook.js";
import { hostTool, SOFFICE } from "../fixtures/host-tools.js";

const NOW = "2025-11-30T10:00:00+07:00";
const PERIOD = "2025";
const templates = loadSeedTemplates().templates;
const units = loadUnits();

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

interface Report {
  file: string;
  ok: boolean;
  errors: number;
  warnings: number;
  issues: Issue[];
}

async function validate(file: string): Promise<{ code: number; report: Report }> {
  const { code, out } = await run("validate", file, "--json", "--now", NOW);
  return { code, report: JSON.parse(out) as Report };
}

/** A workbook made by `chitieu template`, with the layout and a valid fill for it. */
async function generate(planId: string, unitCode: string) {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-validate-"));
  const blank = join(dir, `${planId}-${unitCode}.xlsx`);
  const made = await run("template", planId, "--unit", unitCode, "--period", PERIOD, "-o", blank);
  expect(made.code, made.err).toBe(0);
  const template = templates.find((t) => t.id === planId)!;
  const unit = units.find((u) => u.code === unitCode)!;
  const layout = buildLayout(template, unit, PERIOD);
  const valid = validEdits(template, unit, layout, new Date(NOW));
  const at = (ref: FieldRef) => addressOf(layout, ref);
  /** A filled copy: the valid fill, then `extra` over it. */
  const filled = async (name: string, extra: Edit[] = []) => {
    const file = join(dir, `${name}.xlsx`);
    await fillWorkbook(blank, file, [...valid, ...extra]);
    return file;
  };
  return { dir, blank, template, unit, layout, at, filled };
}

const cases = [
  ["binh-duong-2025", "Q-NINHKIEU"],
  ["ca-mau-1929", "Q-NINHKIEU"],
  ["can-tho-2256", "Q-NINHKIEU"],
  ["can-tho-2256", "STTTT"],
  ["can-tho-kh-2025", "Q-NINHKIEU"],
  ["hau-giang-190", "Q-NINHKIEU"],
] as const;

describe("golden round trip: template → fill → validate", () => {
  it.each(cases)("%s for %s: a complete, valid report passes clean", async (planId, unitCode) => {
    const { filled } = await generate(planId, unitCode);
    const { code, report } = await validate(await filled("valid"));
    expect(report.issues).toEqual([]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, errors: 0, warnings: 0 });
  });

  it("covers all five plans", () => {
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(templates.map((t) => t.id)));
  });

  it("a blank report is refused with every required field at its cell", async () => {
    const { blank, at } = await generate("hau-giang-190", "Q-NINHKIEU");
    const { code, report } = await validate(blank);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    // KH 190 asks every unit for its shares (mean and ratio-of-sums); the single-reporter
    // indicators are nobody's duty without a named lead.
    const required = ["CQ-02", "CQ-03", "CQ-05", "CQ-07", "CQ-08", "CQ-09"];
    required.push("KT-04", "XH-03", "XH-04", "XH-05");
    expect(
      report.issues
        .filter((i) => i.code === "required")
        .map((i) => [i.location.indicatorId, i.location.field, i.location.cell]),
    ).toEqual(required.map((id) => [id, "value", at({ kind: "indicator", id, field: "value" })]));
    // The value column, I, of each indicator's row.
    for (const id of required)
      expect(at({ kind: "indicator", id, field: "value" })).toMatch(/^I\d+$/u);
  });
});

describe("planted mistakes are found at their cells", () => {
  it("can-tho-kh-2025: number reading, ratio, target, evidence and budget rules", async () => {
    const { at, template, filled } = await generate("can-tho-kh-2025", "Q-NINHKIEU");
    const ind = (id: string, field: "numerator" | "denominator" | "value" | "evidence" | "note") =>
      at({ kind: "indicator", id, field });
    const budget = template.budget!;
    const part = budget.parts[0]!.id;
    const planted: { edits: Edit[]; code: string; cell: string }[] = [
      {
        edits: [{ address: ind("CQ-08", "value"), value: "khoảng 80" }],
        code: "not-a-number",
        cell: ind("CQ-08", "value"),
      },
      {
        edits: [{ address: ind("CQ-13", "value"), value: "1.234" }],
        code: "ambiguous-number",
        cell: ind("CQ-13", "value"),
      },
      {
        edits: [{ address: ind("KT-01", "value"), value: 120 }],
        code: "out-of-range",
        cell: ind("KT-01", "value"),
      },
      {
        edits: [
          { address: ind("CQ-02", "numerator"), value: 120 },
          { address: ind("CQ-02", "denominator"), value: 100 },
          { address: ind("CQ-02", "value"), value: null },
        ],
        code: "numerator-exceeds-denominator",
        cell: ind("CQ-02", "numerator"),
      },
      {
        edits: [
          { address: ind("CQ-03", "numerator"), value: 95 },
          { address: ind("CQ-03", "denominator"), value: 100 },
          { address: ind("CQ-03", "value"), value: 99 },
        ],
        code: "value-mismatch",
        cell: ind("CQ-03", "value"),
      },
      {
        edits: [
          { address: ind("CQ-04", "numerator"), value: null },
          { address: ind("CQ-04", "denominator"), value: null },
          { address: ind("CQ-04", "value"), value: null },
        ],
        code: "required",
        cell: ind("CQ-04", "value"),
      },
      {
        edits: [
          { address: ind("CQ-05", "numerator"), value: 50 },
          { address: ind("CQ-05", "denominator"), value: 100 },
          { address: ind("CQ-05", "value"), value: null },
        ],
        code: "explanation-required",
        cell: ind("CQ-05", "note"),
      },
      {
        edits: [{ address: ind("KT-07", "evidence"), value: null }],
        code: "evidence-required",
        cell: ind("KT-07", "evidence"),
      },
      {
        // One đồng off: money adds up exactly or not at all.
        edits: [
          { address: at({ kind: "budget", id: part, field: "allocated" }), value: 999_999_999 },
        ],
        code: "budget-parts-sum",
        cell: at({ kind: "budget", id: budget.total.id, field: "allocated" }),
      },
    ];
    const { code, report } = await validate(
      await filled(
        "planted",
        planted.flatMap((p) => p.edits),
      ),
    );
    expect(code).toBe(1);
    const found = report.issues.map((i) => ({ code: i.code, cell: i.location.cell }));
    expect(found).toEqual(
      expect.arrayContaining(planted.map(({ code, cell }) => ({ code, cell }))),
    );
    // Nothing else: each mistake is reported once, where it is; and since targets are missed
    // with the difficulties box left blank, the one warning that asks for them.
    const difficulties = at({ kind: "narrative", id: "narrative", field: "difficulties" });
    expect(found).toContainEqual({ code: "difficulties-missing", cell: difficulties });
    expect(found).toHaveLength(planted.length + 1);
    expect(report.errors).toBe(planted.length);
  });

  it("can-tho-2256: a done task without a date, and a completion date after --now", async () => {
    const { at, layout, filled } = await generate("can-tho-2256", "Q-NINHKIEU");
    const [first, second] = Object.keys(layout.rows.tasks);
    const task = (id: string, field: "status" | "completedOn") => at({ kind: "task", id, field });
    const { code, report } = await validate(
      await filled("tasks", [
        { address: task(first!, "status"), value: taskStateNames.done },
        { address: task(first!, "completedOn"), value: null },
        { address: task(second!, "status"), value: taskStateNames.done },
        { address: task(second!, "completedOn"), value: new Date(Date.UTC(2025, 11, 15)) },
      ]),
    );
    expect(code).toBe(1);
    expect(report.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["done-without-date", task(first!, "completedOn")],
      ["completion-in-future", task(second!, "completedOn")],
    ]);
  });

  it("an edited label cell is refused as sheet-edited at that cell", async () => {
    const { layout, filled } = await generate("binh-duong-2025", "Q-NINHKIEU");
    const label = a1(layout.rows.indicators["CQ-01"]!, 3);
    const { code, report } = await validate(
      await filled("edited", [{ address: label, value: "Một chỉ tiêu khác" }]),
    );
    expect(code).toBe(1);
    expect(report.issues.map((i) => [i.code, i.location.cell])).toEqual([["sheet-edited", label]]);
  });

  it("a changed template version is refused at the version cell", async () => {
    const { filled, template } = await generate("ca-mau-1929", "Q-NINHKIEU");
    const cell = a1(headerCells.templateVersion.row, headerCells.templateVersion.col);
    const { code, report } = await validate(
      await filled("version", [{ address: cell, value: template.version + 1 }]),
    );
    expect(code).toBe(1);
    expect(report.issues.map((i) => [i.code, i.location.cell])).toEqual([
      ["template-version", cell],
    ]);
  });
});

describe("the unit's narrative in an .xlsx", () => {
  it("reads back long Vietnamese text, line breaks and a leading = exactly as written", async () => {
    const { template, at, filled } = await generate("can-tho-2256", "STTTT");
    const box = (field: "assessment" | "difficulties" | "proposals") =>
      at({ kind: "narrative", id: "narrative", field });
    const assessment = `${"Đơn vị đã hoàn thành các nhiệm vụ được giao. ".repeat(660).trim()}\nĐoạn hai.`;
    expect(assessment.length).toBeGreaterThan(29_000);
    const difficulties = '=HYPERLINK("http://x","bấm")\nThiếu nhân lực chuyên trách.';
    const file = await filled("narrative", [
      { address: box("assessment"), value: assessment },
      { address: box("difficulties"), value: difficulties },
      { address: box("proposals"), value: "+ Đề nghị bổ sung kinh phí" },
    ]);
    const grid = await readWorkbookGrid(file);
    const read = readSheet(template, grid.values, grid.formats, grid.sheetName);
    expect(read.issues).toEqual([]);
    expect(read.draft!.narrative).toEqual({
      assessment,
      difficulties,
      proposals: "+ Đề nghị bổ sung kinh phí",
    });
    const { code, report } = await validate(file);
    expect([code, report.errors, report.warnings]).toEqual([0, 0, 0]);
  });

  it("warns, naming the sheet and the cell, when a missed target leaves difficulties blank", async () => {
    const { at, filled } = await generate("can-tho-kh-2025", "Q-NINHKIEU");
    const { code, report } = await validate(
      await filled("missed", [
        { address: at({ kind: "indicator", id: "CQ-05", field: "numerator" }), value: 50 },
        { address: at({ kind: "indicator", id: "CQ-05", field: "denominator" }), value: 100 },
        { address: at({ kind: "indicator", id: "CQ-05", field: "value" }), value: null },
        { address: at({ kind: "indicator", id: "CQ-05", field: "note" }), value: "Chậm" },
      ]),
    );
    expect(code).toBe(0);
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: "difficulties-missing",
        severity: "warning",
        location: {
          sheet: expect.any(String),
          cell: at({ kind: "narrative", id: "narrative", field: "difficulties" }),
          field: "difficulties",
        },
      }),
    ]);
    expect(report.issues[0]!.message.vi).toContain("CQ-05");
  });
});

describe("what officers really type is accepted", () => {
  it("80%, 0.8 in a percent cell, 12,5, 1.234.567, non-breaking spaces and NFD text", async () => {
    const { at, template, unit, filled } = await generate("can-tho-kh-2025", "Q-NINHKIEU");
    const ind = (id: string, field: "numerator" | "denominator" | "value" | "note") =>
      at({ kind: "indicator", id, field });
    const nfdNote = "Số liệu đã được Phòng Văn hóa kiểm tra".normalize("NFD");
    const file = await filled("typed", [
      { address: ind("XH-06", "value"), value: "80%" },
      { address: ind("CQ-05", "numerator"), value: 80 },
      { address: ind("CQ-05", "denominator"), value: 100 },
      { address: ind("CQ-05", "value"), value: 0.8, numFmt: "0%" },
      { address: ind("CQ-06", "numerator"), value: "12,5" },
      { address: ind("CQ-06", "denominator"), value: "12,5" },
      { address: ind("CQ-06", "value"), value: null },
      { address: ind("CQ-07", "numerator"), value: "1.234.567" },
      { address: ind("CQ-07", "denominator"), value: "1.234.567" },
      { address: ind("CQ-07", "value"), value: null },
      { address: ind("XH-07", "value"), value: "\u00A075\u00A0" },
      { address: ind("CQ-01", "note"), value: nfdNote },
      {
        address: at({ kind: "budget", id: template.budget!.total.id, field: "allocated" }),
        value: "3.000.000.000",
      },
    ]);
    const { code, report } = await validate(file);
    expect(report.issues).toEqual([]);
    expect(code).toBe(0);

    const grid = await readWorkbookGrid(file);
    const { draft } = readSheet(template, grid.values, grid.formats, grid.sheetName);
    const entry = (id: string) => draft!.indicators.find((e) => e.indicatorId === id);
    expect(entry("XH-06")?.value).toBe(80);
    expect(entry("CQ-05")?.value).toBe(80);
    expect(entry("CQ-06")).toMatchObject({ numerator: 12.5, denominator: 12.5 });
    expect(entry("CQ-07")).toMatchObject({ numerator: 1234567, denominator: 1234567 });
    expect(entry("XH-07")?.value).toBe(75);
    expect(entry("CQ-01")?.note).toBe(nfdNote.normalize("NFC"));
    expect(unit.level).toBe("district");
  });

  it("a completion date typed as dd/mm/yyyy text", async () => {
    const { at, layout, filled } = await generate("can-tho-2256", "Q-NINHKIEU");
    const first = Object.keys(layout.rows.tasks)[0]!;
    const { code, report } = await validate(
      await filled("date-text", [
        { address: at({ kind: "task", id: first, field: "completedOn" }), value: "15/05/2025" },
      ]),
    );
    expect(report.issues).toEqual([]);
    expect(code).toBe(0);
  });
});

describe("chitieu validate: output and exit codes", () => {
  it("prints one located line per issue and a bilingual summary", async () => {
    const { at, filled } = await generate("binh-duong-2025", "Q-NINHKIEU");
    const cell = at({ kind: "indicator", id: "CQ-02", field: "value" });
    const file = await filled("one-error", [{ address: cell, value: "khoảng 80" }]);
    const { code, out } = await run("validate", file, "--now", NOW);
    expect(code).toBe(1);
    const lines = out.split("\n");
    expect(lines[0]).toBe(
      `${file}: Lỗi Báo cáo!${cell} · CQ-02 · Giá trị: "khoảng 80" không phải là số. / "khoảng 80" is not a number.`,
    );
    expect(lines.at(-1)).toBe(`✗ ${file}: 1 lỗi, 0 cảnh báo / 1 error(s), 0 warning(s)`);
  });

  it("exits 0 on a clean report, also without --json", async () => {
    const { filled } = await generate("hau-giang-190", "Q-NINHKIEU");
    const file = await filled("clean");
    const { code, out } = await run("validate", file, "--now", NOW);
    expect(code).toBe(0);
    expect(out).toBe(`✓ ${file}: không có lỗi / no problems`);
  });

  it("allows warnings: a task past its deadline and not done still exits 0", async () => {
    const { at, template, layout, filled } = await generate("can-tho-2256", "Q-NINHKIEU");
    const overdue = template.tasks.find(
      (t) => layout.rows.tasks[t.id] !== undefined && t.deadline === "2025-06",
    )!;
    const task = (field: "status" | "completedOn") => at({ kind: "task", id: overdue.id, field });
    const { code, report } = await validate(
      await filled("warning", [
        { address: task("status"), value: taskStateNames["in-progress"] },
        { address: task("completedOn"), value: null },
      ]),
    );
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    expect(report.issues[0]).toMatchObject({ code: "task-overdue", severity: "warning" });
  });

  const dir = mkdtempSync(join(tmpdir(), "chitieu-unreadable-"));

  it.each([
    ["a missing file", join(dir, "missing.xlsx"), /missing\.xlsx/],
    ["a file that is neither .xlsx nor .json", join(dir, "notes.txt"), /\.xlsx|\.json/],
    ["an .xlsx that is not a workbook", join(dir, "garbage.xlsx"), /cannot read the \.xlsx/],
  ])("exits 2 on %s", async (_what, file, message) => {
    writeFileSync(join(dir, "notes.txt"), "ghi chú");
    writeFileSync(join(dir, "garbage.xlsx"), "this is not a zip file");
    const { code, err, out } = await run("validate", file, "--json", "--now", NOW);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(JSON.parse(out)).toMatchObject({ file, ok: false });
  });

  it("exits 2 on a workbook that is not a chitieu report", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").getCell("A1").value = "Bảng lương";
    const file = join(dir, "foreign.xlsx");
    await workbook.xlsx.writeFile(file);
    const { code, err } = await run("validate", file, "--now", NOW);
    expect(code).toBe(2);
    expect(err).toContain("Không nhận ra trang báo cáo");
  });

  it("exits 2 on a report of a template chitieu does not have", async () => {
    const { filled } = await generate("binh-duong-2025", "Q-NINHKIEU");
    const cell = a1(headerCells.templateId.row, headerCells.templateId.col);
    const file = await filled("unknown", [{ address: cell, value: "no-such-plan" }]);
    const { code, err } = await run("validate", file, "--now", NOW);
    expect(code).toBe(2);
    expect(err).toContain('no template "no-such-plan"');
    expect(err).toContain("can-tho-2256");
  });

  it("exits 2 on a --now that is not a time", async () => {
    const { code, err } = await run("validate", join(dir, "x.xlsx"), "--now", "hôm qua");
    expect(code).toBe(2);
    expect(err).toContain("ISO 8601");
  });
});

describe("chitieu validate on a submission .json", () => {
  /** A submission made from a filled workbook, so it is valid to begin with. */
  async function submission() {
    const { template, filled, dir } = await generate("binh-duong-2025", "Q-NINHKIEU");
    const grid = await readWorkbookGrid(await filled("for-json"));
    const { draft } = readSheet(template, grid.values, grid.formats, grid.sheetName);
    const body = {
      submissionId: "0b8e3c5e-7f43-4a6e-9b1f-2f0c1d2e3a4b",
      submittedAt: "2025-11-30T10:00:00+07:00",
      ...draft!,
    };
    const write = (name: string, data: unknown) => {
      const file = join(dir, name);
      writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data, null, 2));
      return file;
    };
    return { body, write };
  }

  it("exits 0 on a valid submission", async () => {
    const { body, write } = await submission();
    const { code, report } = await validate(write("ok.json", body));
    expect(report.issues).toEqual([]);
    expect(code).toBe(0);
  });

  it("accepts a byte-order mark", async () => {
    const { body, write } = await submission();
    const { code } = await validate(write("bom.json", `\uFEFF${JSON.stringify(body)}`));
    expect(code).toBe(0);
  });

  it("exits 1 with located issues when a rule fails", async () => {
    const { body, write } = await submission();
    const cq01 = body.indicators.find((e) => e.indicatorId === "CQ-01")!;
    Object.assign(cq01, { numerator: 120, denominator: 100, value: null });
    const { code, report } = await validate(write("bad.json", body));
    expect(code).toBe(1);
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: "numerator-exceeds-denominator",
        location: { indicatorId: "CQ-01", field: "numerator" },
      }),
    ]);
    const { out } = await run("validate", write("bad.json", body), "--now", NOW);
    expect(out).toContain("bad.json: Lỗi CQ-01 · Tử số: Tử số (120) lớn hơn mẫu số (100).");
  });

  it("exits 2 on a JSON syntax error, with its line and column", async () => {
    const { write } = await submission();
    const file = write("syntax.json", '{\n  "planId": "binh-duong-2025",\n  oops\n}');
    const { code, err } = await run("validate", file, "--now", NOW);
    expect(code).toBe(2);
    expect(err).toContain(`${file}:3:3: JSON không hợp lệ / invalid JSON`);
    const json = await run("validate", file, "--json", "--now", NOW);
    expect(JSON.parse(json.out)).toMatchObject({ file, ok: false, at: "3:3" });
  });

  it("exits 2 on a schema error, with its JSON path", async () => {
    const { body, write } = await submission();
    const broken = { ...body, indicators: [{ indicatorId: "CQ-01", value: "80%" }] };
    const { code, err } = await run("validate", write("schema.json", broken), "--now", NOW);
    expect(code).toBe(2);
    expect(err).toContain("$.indicators[0].value");
  });

  it("exits 2 on a unit no unit list knows", async () => {
    const { body, write } = await submission();
    const { code, err } = await run(
      "validate",
      write("unit.json", { ...body, unit: "X-NOWHERE" }),
      "--now",
      NOW,
    );
    expect(code).toBe(2);
    expect(err).toContain('no unit "X-NOWHERE"');
  });
});

describe("chitieu template: refusals", () => {
  const out = join(mkdtempSync(join(tmpdir(), "chitieu-template-")), "t.xlsx");
  it.each([
    [
      "an unknown plan",
      ["no-such-plan", "--unit", "STTTT"],
      /no template "no-such-plan".*can-tho-2256/,
    ],
    ["an unknown unit", ["can-tho-2256", "--unit", "NOWHERE"], /no unit "NOWHERE".*Q-NINHKIEU/],
  ])("exits 2 on %s and names the known ones", async (_what, args, message) => {
    const { code, err } = await run("template", ...args, "--period", PERIOD, "-o", out);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 on a bad period", async () => {
    const { code, err } = await run(
      "template",
      "can-tho-2256",
      "--unit",
      "STTTT",
      "--period",
      "2025-Q5",
      "-o",
      out,
    );
    expect(code).toBe(2);
    expect(err).toContain('bad period "2025-Q5"');
  });

  it("takes units from the list given with --units", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-units-"));
    const list = join(dir, "units.json");
    writeFileSync(
      list,
      JSON.stringify({
        province: "Tỉnh Thử",
        units: [{ code: "X-THU", name: "UBND xã Thử", kind: "commune", level: "commune" }],
      }),
    );
    const file = join(dir, "x.xlsx");
    const made = await run(
      "template",
      "hau-giang-190",
      "--unit",
      "X-THU",
      "--units",
      list,
      "--period",
      PERIOD,
      "-o",
      file,
    );
    expect(made.code, made.err).toBe(0);
    const grid = await readWorkbookGrid(file);
    const { row, col } = headerCells.unitCode;
    expect(grid.values[row - 1]![col - 1]).toBe("X-THU");
  });
});

const hasSoffice = hostTool("LibreOffice (soffice)", SOFFICE);

describe("LibreOffice", () => {
  it.runIf(hasSoffice)(
    "Calc opens a generated workbook and prints it to PDF",
    async () => {
      const { filled, dir } = await generate("can-tho-2256", "Q-NINHKIEU");
      const file = await filled("for-libreoffice");
      const profile = mkdtempSync(join(tmpdir(), "chitieu-lo-profile-"));
      execFileSync(
        SOFFICE!,
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          file,
        ],
        { stdio: "pipe", timeout: 170_000 },
      );
      const pdf = join(dir, "for-libreoffice.pdf");
      expect(statSync(pdf).size).toBeGreaterThan(1000);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    },
    180_000,
  );
});
