// The sheet description core hands to every shell.
import { beforeEach, describe, expect, it } from "vitest";
import type { SheetLayout } from "../../../src/core/sheet/layout-types.js";
import { a1, headerCells, numberFormats } from "../../../src/core/sheet/layout-types.js";
import { buildLayout, canonicalLabel, layoutGrid } from "../../../src/core/sheet/layout.js";
import { Template } from "../../../src/core/plan/template-schema.js";
import { department, district, health, template } from "../../fixtures/template.js";

// Built in a hook, not at load: what a test checks is computed while the test runs (a mutation
// tester switches the code under test on per test).
let layout: SheetLayout;
beforeEach(() => {
  layout = buildLayout(template, department, "2025");
});
const cellAt = (row: number, col: number) =>
  layout.cells.find((c) => c.row === row && c.col === col);

describe("buildLayout", () => {
  it("writes the template, unit and period into the header at fixed cells", () => {
    expect(cellAt(headerCells.templateId.row, headerCells.templateId.col)?.value).toBe("demo");
    expect(cellAt(headerCells.templateVersion.row, headerCells.templateVersion.col)?.value).toBe(3);
    expect(cellAt(headerCells.unitCode.row, headerCells.unitCode.col)?.value).toBe("STTTT");
    expect(cellAt(headerCells.period.row, headerCells.period.col)?.value).toBe("2025");
    expect(layout.cells.some((c) => c.value === "09/12/2025 (trước 10/12)")).toBe(true);
  });

  it("has one row per indicator with its target at the unit's level", () => {
    expect(Object.keys(layout.rows.indicators)).toEqual([
      "CQ-01",
      "CQ-02",
      "KT-01",
      "KT-02",
      "XH-01",
    ]);
    const row = layout.rows.indicators["CQ-02"]!;
    expect(cellAt(row, 5)?.value).toBe("Tỉnh: ≥ 90%; Huyện: ≥ 80%");
    expect(cellAt(row, 6)?.value).toBe("≥ 90%");
    expect(
      buildLayout(template, district, "2025").cells.find((c) => c.row === row && c.col === 6)
        ?.value,
    ).toBe("≥ 80%");
    expect(cellAt(layout.rows.indicators["XH-01"]!, 6)?.value).toBe("50% – 60% (không bắt buộc)");
  });

  it("lists only the tasks the unit leads", () => {
    expect(Object.keys(layout.rows.tasks)).toEqual(["NV-01"]);
    expect(Object.keys(buildLayout(template, health, "2025").rows.tasks)).toEqual([
      "NV-01",
      "NV-02",
    ]);
    expect(Object.keys(buildLayout(template, district, "2025").rows.tasks)).toEqual([]);
  });

  it("marks exactly the field cells (and what their merges cover) as input, and protects the rest", () => {
    const inputs = layout.cells.filter((c) => c.input);
    // A narrative box is one field merged over a block, every cell of which is unlocked.
    const covered = layout.merges
      .filter((m) => layout.fields.some((f) => m.startsWith(`${f.address}:`)))
      .flatMap((m) => {
        const [from, to] = m.split(":").map((x) => /^([A-Z]+)(\d+)$/.exec(x)!);
        const cols = [from![1]!.charCodeAt(0) - 64, to![1]!.charCodeAt(0) - 64];
        const rows = [Number(from![2]), Number(to![2])];
        const cells: string[] = [];
        for (let r = rows[0]!; r <= rows[1]!; r++)
          for (let c = cols[0]!; c <= cols[1]!; c++) cells.push(a1(r, c));
        return cells.slice(1);
      });
    expect(covered).toHaveLength(3 * (6 * 9 - 1));
    expect(inputs.map((c) => a1(c.row, c.col)).sort()).toEqual(
      [...layout.fields.map((f) => f.address), ...covered].sort(),
    );
    expect(inputs.every((c) => c.numberFormat && c.style === "input")).toBe(true);
    expect(layout.cells.filter((c) => c.fixed && c.input)).toEqual([]);
  });

  it("keeps fixed text as text so a spreadsheet does not turn '2025-06' or '10/12/2025' into dates", () => {
    for (const c of layout.cells.filter((x) => x.fixed && typeof x.value === "string")) {
      expect(c.numberFormat, a1(c.row, c.col)).toBe(numberFormats.text);
    }
  });

  it("gives each value cell the data validation of its kind", () => {
    const rule = (id: string) =>
      layout.cells.find((c) => c.row === layout.rows.indicators[id] && c.col === 9)?.validation;
    expect(rule("CQ-02")).toEqual({ type: "decimal", min: 0, max: 100 });
    expect(rule("KT-01")).toEqual({ type: "whole", min: 0, max: 1_000_000_000 });
    expect(rule("KT-02")).toEqual({ type: "list", values: ["Có", "Không"] });
  });

  it("computes status with a formula chitieu writes itself", () => {
    const formula = (id: string) => cellAt(layout.rows.indicators[id]!, 10)?.formula ?? "";
    expect(formula("CQ-01")).toContain("G9/H9*100>=80");
    expect(formula("XH-01")).toContain("AND(I13>=50,I13<=60)");
  });

  it("judges a ratio that is not a percentage on numerator over denominator, unscaled", () => {
    const perHundred = Template.parse({
      ...template,
      indicators: template.indicators.map((i) =>
        i.id === "KT-01"
          ? { ...i, numeratorLabel: "Số doanh nghiệp", denominatorLabel: "Số xã" }
          : i,
      ),
    });
    const l = buildLayout(perHundred, department, "2025");
    const r = l.rows.indicators["KT-01"]!;
    const status = l.cells.find((c) => c.row === r && c.col === 10)?.formula;
    expect(status).toBe(
      `IF(ISNUMBER(I${r}),IF(I${r}>=20,"Đạt","Chưa đạt"),` +
        `IF(AND(ISNUMBER(G${r}),ISNUMBER(H${r}),H${r}>0),IF(G${r}/H${r}>=20,"Đạt","Chưa đạt"),""))`,
    );
  });

  it("writes no status formula for an indicator with no target at the unit's level", () => {
    const provinceOnly = Template.parse({
      ...template,
      indicators: template.indicators.map((i) =>
        i.id === "KT-02"
          ? {
              ...i,
              target: undefined,
              levelTargets: { province: { op: "=", value: 1, year: 2030 } },
            }
          : i,
      ),
    });
    const l = buildLayout(provinceOnly, district, "2025");
    const status = l.cells.find((c) => c.row === l.rows.indicators["KT-02"]! && c.col === 10);
    expect(status).toBeDefined();
    expect(status?.formula).toBeUndefined();
    const atProvince = buildLayout(provinceOnly, department, "2025");
    const r = atProvince.rows.indicators["KT-02"]!;
    expect(atProvince.cells.find((c) => c.row === r && c.col === 10)?.formula).toBe(
      `IF(I${r}="","",IF(I${r}="Có","Đạt","Chưa đạt"))`,
    );
  });

  it("has a checksum that is stable and changes with any fixed text", () => {
    expect(buildLayout(template, department, "2025").meta.checksum).toBe(layout.meta.checksum);
    const renamed = Template.parse({
      ...template,
      indicators: template.indicators.map((i, n) => (n === 0 ? { ...i, name: `${i.name}.` } : i)),
    });
    expect(buildLayout(renamed, department, "2025").meta.checksum).not.toBe(layout.meta.checksum);
    expect(buildLayout(template, department, "2026").meta.checksum).not.toBe(layout.meta.checksum);
  });

  it("never lets text become a formula in a grid for Excel or Google Sheets", () => {
    const hostile = Template.parse({
      ...template,
      indicators: template.indicators.map((i, n) =>
        n === 0 ? { ...i, name: '=HYPERLINK("http://x")' } : i,
      ),
    });
    const l = buildLayout(hostile, department, "2025");
    const row = l.rows.indicators["CQ-01"]!;
    expect(layoutGrid(l, { quoteText: true })[row - 1]![2]).toBe('\'=HYPERLINK("http://x")');
    expect(layoutGrid(l, { quoteText: false })[row - 1]![2]).toBe('=HYPERLINK("http://x")');
    expect(layoutGrid(l, { quoteText: true })[row - 1]![9]).toMatch(/^=IF\(/);
  });
});

describe("canonicalLabel", () => {
  it("reads an empty cell as no text", () => {
    expect(canonicalLabel(null)).toBe("");
    expect(canonicalLabel(undefined)).toBe("");
  });

  it("reads a label with its spaces trimmed and runs of spaces, tabs and line breaks as one space", () => {
    expect(canonicalLabel("  KT-01 ")).toBe("KT-01");
    expect(canonicalLabel("Khó\t\tkhăn,  vướng\nmắc")).toBe("Khó khăn, vướng mắc");
    expect(canonicalLabel(2025)).toBe("2025");
  });
});

describe("layoutGrid", () => {
  it("keeps a negative number a number, even where text that looks like a formula is quoted", () => {
    const l = buildLayout(template, department, "2025");
    const first = l.cells[0]!;
    const withNegative = { ...l, cells: [...l.cells, { ...first, row: 1, col: 12, value: -5 }] };
    expect(layoutGrid(withNegative, { quoteText: true })[0]![11]).toBe(-5);
  });
});

describe("buildLayout: the demo sheet cell by cell, as written out by hand", () => {
  const _ = null;
  const MET = `"Đạt","Chưa đạt"`;
  const blankRows = (n: number) => Array.from({ length: n }, () => Array<null>(12).fill(_));
  /** The narrative's three text boxes: rows 27–32, 33–38 and 39–44, columns D to L. */
  const narrativeBoxes = Array.from({ length: 18 }, (_row, i) => 27 + i);
  // prettier-ignore
  const grid = (checksum: string) => [
    ["BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ CHUYỂN ĐỔI SỐ", _, _, _, _, _, _, _, _, _, _, _],
    ["Kế hoạch", "Đề án chuyển đổi số tỉnh Mẫu (1/QĐ-UBND)", _, _, _, _, _, _, _, _, _, _],
    ["Đơn vị", "Sở Thông tin và Truyền thông", _, _, "Mã đơn vị", "STTTT", "Cấp", "Cấp tỉnh", "Loại", "Sở, ban, ngành", _, _],
    ["Kỳ báo cáo", "2025", "Năm 2025", _, "Hạn nộp", "09/12/2025 (trước 10/12)", "Kiểm tra", _, _, _, _, _],
    ["Mã biểu mẫu", "demo", _, _, "Phiên bản", 3, "Mã kiểm tra", checksum, _, _, _, _],
    [_, _, _, _, _, _, _, _, _, _, _, _],
    ["I. CHỈ TIÊU", _, _, _, _, _, _, _, _, _, _, _],
    ["Mã", "Nhóm", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu kế hoạch", "Mục tiêu của đơn vị", "Tử số", "Mẫu số", "Giá trị", "Đánh giá", "Minh chứng", "Giải trình / ghi chú"],
    ["CQ-01", "Dịch vụ công", "Hồ sơ TTHC xử lý trực tuyến", "%", "≥ 80%", "≥ 80%", _, _, _,
      `=IF(ISNUMBER(I9),IF(I9>=80,${MET}),IF(AND(ISNUMBER(G9),ISNUMBER(H9),H9>0),IF(G9/H9*100>=80,${MET}),""))`, _, _],
    ["CQ-02", "Dịch vụ công", "Hồ sơ công việc xử lý trên môi trường mạng", "%", "Tỉnh: ≥ 90%; Huyện: ≥ 80%", "≥ 90%", "—", "—", _,
      `=IF(ISNUMBER(I10),IF(I10>=90,${MET}),"")`, _, _],
    ["KT-01", "Doanh nghiệp", "Doanh nghiệp công nghệ số", "doanh nghiệp", "≥ 20 doanh nghiệp", "≥ 20 doanh nghiệp", "—", "—", _,
      `=IF(ISNUMBER(I11),IF(I11>=20,${MET}),"")`, _, _],
    ["KT-02", "Doanh nghiệp", "Khu CNTT tập trung đi vào hoạt động", "có/không", "Có", "Có (không bắt buộc)", "—", "—", _,
      `=IF(I12="","",IF(I12="Có",${MET}))`, _, _],
    ["XH-01", "Y tế", "Dân số có hồ sơ sức khỏe điện tử", "%", "50% – 60%", "50% – 60% (không bắt buộc)", "—", "—", _,
      `=IF(ISNUMBER(I13),IF(AND(I13>=50,I13<=60),${MET}),"")`, _, _],
    [_, _, _, _, _, _, _, _, _, _, _, _],
    ["II. NHIỆM VỤ ĐƠN VỊ CHỦ TRÌ", _, _, _, _, _, _, _, _, _, _, _],
    ["Mã", "Hạn", "Nhiệm vụ", "Chủ trì", "Trạng thái", "Ngày hoàn thành", "Ghi chú", _, _, _, _, _],
    ["NV-01", "Tháng 6/2025", "Nâng cấp Hệ thống thông tin giải quyết TTHC", "Các Sở, ban, ngành", _, _, _, _, _, _, _, _],
    [_, _, _, _, _, _, _, _, _, _, _, _],
    ["III. KINH PHÍ (đồng)", _, _, _, _, _, _, _, _, _, _, _],
    ["Mã", "", "Nội dung", "Kế hoạch", "Đã bố trí", "Đã giải ngân", "Ghi chú", _, _, _, _, _],
    ["KP-TONG", _, "Tổng kinh phí", 300000, _, _, _, _, _, _, _, _],
    ["KP-DTPT", _, "Vốn đầu tư phát triển", 100000, _, _, _, _, _, _, _, _],
    ["KP-SN", _, "Vốn sự nghiệp", 200000, _, _, _, _, _, _, _, _],
    [_, _, _, _, _, _, _, _, _, _, _, _],
    ["IV. ĐÁNH GIÁ, KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", _, _, _, _, _, _, _, _, _, _, _],
    ["Mỗi mục tối đa 30.000 ký tự. Xuống dòng trong ô: Alt+Enter. Đơn vị chưa đạt chỉ tiêu nêu rõ khó khăn, vướng mắc.", _, _, _, _, _, _, _, _, _, _, _],
    ["1. Đánh giá kết quả thực hiện các chỉ tiêu, nhiệm vụ được giao", _, _, _, _, _, _, _, _, _, _, _],
    ...blankRows(5),
    ["2. Khó khăn, vướng mắc cần tháo gỡ", _, _, _, _, _, _, _, _, _, _, _],
    ...blankRows(5),
    ["3. Đề xuất, kiến nghị", _, _, _, _, _, _, _, _, _, _, _],
    ...blankRows(5),
  ];
  // One letter a cell: Title, Label, Meta, Section, Header, Readonly, Input, Computed; "." none.
  // prettier-ignore
  const styles = [
    "T...........", "LR..........", "LR..LRLRLR..", "LRR.LRLC....", "MM..MMMM....", "............",
    "S...........", "HHHHHHHHHHHH", "RRRRRRIIICII", "RRRRRRRRICII", "RRRRRRRRICII", "RRRRRRRRICII",
    "RRRRRRRRICII", "............", "S...........", "HHHHHHH.....", "RRRRIII.....", "............",
    "S...........", "HHHHHHH.....", "R.RRIII.....", "R.RRIII.....", "R.RRIII.....", "............",
    "S...........", "M...........",
    "L..IIIIIIIII", ...Array<string>(5).fill("...IIIIIIIII"),
    "L..IIIIIIIII", ...Array<string>(5).fill("...IIIIIIIII"),
    "L..IIIIIIIII", ...Array<string>(5).fill("...IIIIIIIII"),
  ];
  const letter: Record<string, string> = {
    title: "T",
    label: "L",
    meta: "M",
    section: "S",
    header: "H",
    readonly: "R",
    input: "I",
    computed: "C",
  };

  it("holds these values and formulas", () => {
    expect(layout.rowCount).toBe(44);
    expect(layout.columnCount).toBe(12);
    expect(layoutGrid(layout, { quoteText: false })).toEqual(grid(layout.meta.checksum));
  });

  it("styles each cell as its part of the sheet", () => {
    const drawn = Array.from({ length: 44 }, () => Array<string>(12).fill("."));
    for (const c of layout.cells) drawn[c.row - 1]![c.col - 1] = letter[c.style]!;
    expect(drawn.map((r) => r.join(""))).toEqual(styles);
  });

  it("gives each input its format and rule, and every fixed text the text format", () => {
    const inputs = Object.fromEntries(
      layout.cells
        .filter((c) => c.input)
        .map((c) => [a1(c.row, c.col), [c.numberFormat, c.validation ?? "free"]]),
    );
    // A numerator or denominator is a count (up to a billion, fractions allowed); a count of
    // things is whole up to a billion; a unit's budget line at most the plan's whole 300,000.
    const shareParts = ["General", { type: "decimal", min: 0, max: 1_000_000_000 }];
    const money = ["#,##0", { type: "whole", min: 0, max: 300_000 }];
    expect(inputs).toEqual({
      G9: shareParts,
      H9: shareParts,
      I9: ["General", { type: "decimal", min: 0, max: 100 }],
      I10: ["General", { type: "decimal", min: 0, max: 100 }],
      I11: ["#,##0", { type: "whole", min: 0, max: 1_000_000_000 }],
      I12: ["@", { type: "list", values: ["Có", "Không"] }],
      I13: ["General", { type: "decimal", min: 0, max: 100 }],
      ...Object.fromEntries(
        [9, 10, 11, 12, 13].flatMap((r) => [
          [`K${r}`, ["@", "free"]],
          [`L${r}`, ["@", "free"]],
        ]),
      ),
      E17: ["@", { type: "list", values: ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"] }],
      F17: ["dd/mm/yyyy", { type: "date" }],
      G17: ["@", "free"],
      ...Object.fromEntries(
        [21, 22, 23].flatMap((r) => [
          [`E${r}`, money],
          [`F${r}`, money],
          [`G${r}`, ["@", "free"]],
        ]),
      ),
      // Each narrative box is text with no rule but its length, checked by validation.
      ...Object.fromEntries(
        narrativeBoxes.flatMap((r) =>
          ["D", "E", "F", "G", "H", "I", "J", "K", "L"].map((c) => [`${c}${r}`, ["@", "free"]]),
        ),
      ),
    });
    const formats = layout.cells
      .filter((c) => !c.input)
      .map((c) => [a1(c.row, c.col), c.numberFormat]);
    // Plans' money in đồng with thousands; the version and the statuses keep the sheet's own.
    expect(formats.filter(([, f]) => f !== "@")).toEqual([
      ["F5", undefined],
      ["H4", undefined],
      ...[9, 10, 11, 12, 13].map((r) => [`J${r}`, undefined]),
      ["D21", "#,##0"],
      ["D22", "#,##0"],
      ["D23", "#,##0"],
    ]);
  });

  it("merges the title, plan and sections, freezes the headers, widens the text columns, colours the statuses", () => {
    expect(layout.merges).toEqual([
      ...["A1:L1", "B2:L2", "H4:L4", "A7:L7", "A15:L15", "A19:L19", "A25:L25", "A26:L26"],
      ...["A27:C32", "D27:L32", "A33:C38", "D33:L38", "A39:C44", "D39:L44"],
    ]);
    expect(layout.freeze).toEqual({ rows: 8, columns: 3 });
    expect(layout.columnWidths).toEqual([12, 18, 48, 18, 16, 16, 12, 12, 12, 11, 24, 30]);
    expect(layout.conditionalFormats).toEqual([
      { range: "J9:J13", equals: "Đạt", fill: "#C6EFCE", font: "#006100" },
      { range: "J9:J13", equals: "Chưa đạt", fill: "#FFC7CE", font: "#9C0006" },
    ]);
    expect(layout.sheetName).toBe("Báo cáo");
    expect(layout.rows).toEqual({
      indicators: { "CQ-01": 9, "CQ-02": 10, "KT-01": 11, "KT-02": 12, "XH-01": 13 },
      tasks: { "NV-01": 17 },
      budget: { "KP-TONG": 21, "KP-DTPT": 22, "KP-SN": 23 },
    });
    expect(layout.meta).toMatchObject({
      templateId: "demo",
      templateVersion: 3,
      unit: department,
      period: "2025",
      layoutVersion: 2,
      checksumCell: "H5",
    });
  });

  it("says so when the unit leads no task, and has no due date for a quarter", () => {
    const q = buildLayout(template, district, "2025-Q4");
    const g = layoutGrid(q, { quoteText: false });
    expect(g[3]).toEqual([
      "Kỳ báo cáo",
      "2025-Q4",
      "Quý IV năm 2025",
      _,
      _,
      _,
      "Kiểm tra",
      _,
      _,
      _,
      _,
      _,
    ]);
    expect(g[16]![2]).toBe("Đơn vị không chủ trì nhiệm vụ nào của kế hoạch này.");
    expect(q.rows.tasks).toEqual({});
    expect(g[9]![5]).toBe("≥ 80%");
  });
});
