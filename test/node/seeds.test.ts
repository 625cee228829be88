// The shipped templates: they load, trace to their sources, and say what the sources say.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  templateJsonSchema,
  unitListJsonSchema,
} from "../../src/core/plan/template-json-schema.js";
import type { Comparator, Template } from "../../src/core/plan/template-schema.js";
import { foldForQuote } from "../../src/core/plan/template-trace.js";
import { loadSeedTemplates, loadUnitListFile, seedsDir } from "../../src/node/seeds.js";

const { templates, problems } = loadSeedTemplates();
const byId = (id: string): Template => {
  const t = templates.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

describe("seed templates", () => {
  it("all five load and trace to their sources without a problem", () => {
    expect(problems).toEqual([]);
    expect(templates.map((t) => t.plan.sourceFile).sort()).toEqual([
      "000_f9a2234c0fcaa5cc.txt",
      "001_79f028b77c4872b0.txt",
      "002_5ac897632a561e74.txt",
      "003_b270e9126e7b3f02.txt",
      "004_594d397e6591ee36.txt",
    ]);
  });

  it("template ids are unique, and ids are unique within each template", () => {
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    for (const t of templates) {
      const ids = [...t.indicators.map((i) => i.id), ...t.tasks.map((x) => x.id)];
      expect(new Set(ids).size, t.id).toBe(ids.length);
    }
  });

  it("budget parts add up to their totals", () => {
    const withBudget = templates.filter((t) => t.budget);
    expect(withBudget.map((t) => t.id).sort()).toEqual(["can-tho-2256", "can-tho-kh-2025"]);
    for (const t of withBudget) {
      const sum = t.budget!.parts.reduce((s, p) => s + p.amount, 0);
      expect(sum, t.id).toBe(t.budget!.total.amount);
    }
  });

  it("every comparator follows the wording of its quote", () => {
    const expected = (quote: string): Comparator | undefined => {
      const q = foldForQuote(quote).toLowerCase();
      if (/khoả?ng \d+(,\d+)?% - \d+(,\d+)?%/u.test(q)) return "between";
      if (/(^|\s)trên \d/u.test(q)) return ">";
      if (/tối thiểu|trở lên/u.test(q)) return ">=";
      return undefined;
    };
    for (const t of templates) {
      for (const ind of t.indicators) {
        const want = expected(ind.source);
        if (!want) continue;
        const ops = [ind.target, ...Object.values(ind.levelTargets ?? {})]
          .filter((x) => x)
          .map((x) => x!.op);
        expect(ops, `${t.id} ${ind.id}: ${ind.source}`).toContain(want);
      }
    }
  });

  it("all text is NFC", () => {
    for (const file of readdirSync(seedsDir).filter((f) => f.endsWith(".json"))) {
      const text = readFileSync(join(seedsDir, file), "utf8");
      expect(text === text.normalize("NFC"), file).toBe(true);
    }
  });

  // The shared copy sits beside the main checkout; elsewhere the hashes it had stand in for it.
  const pinnedSources: Record<string, string> = {
    "000_f9a2234c0fcaa5cc.txt": "32ae233047943d26bf24d1bd4b1eebbbd72a02d6c9e4dc8500a3bd3985366fe3",
    "001_79f028b77c4872b0.txt": "7d2d8aedd819beed176eaf54cc0a1cf3e90abe24de16ada4fc03f02cbff893a0",
    "002_5ac897632a561e74.txt": "011218ed70e09df4e6fc75f9c7f5d35c9471cc94cc820d4f29fd7b3b5f6f8cb6",
    "003_b270e9126e7b3f02.txt": "91cf179a0b518687b072c9bb6f5667f7303ce35c786ca7e1836a625f675389a0",
    "004_594d397e6591ee36.txt": "a8af9aadf5a6faf3693bfedf7f65438f92916abdc5d81c958c8c572f2937949b",
  };
  const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

  it("ships the source texts byte for byte as the shared seeds hold them (or the hashes they had)", () => {
    const shared = join(seedsDir, "../../shared/seeds");
    const sources = join(seedsDir, "sources");
    expect(readdirSync(sources).sort()).toEqual(Object.keys(pinnedSources));
    expect(templates.map((t) => t.plan.sourceFile).sort()).toEqual(Object.keys(pinnedSources));
    for (const [file, pinned] of Object.entries(pinnedSources)) {
      const reference = existsSync(shared) ? sha256(join(shared, file)) : pinned;
      expect(sha256(join(sources, file)), file).toBe(reference);
    }
  });

  it("the JSON Schemas in seeds/schema are those the zod schemas produce", () => {
    const onDisk = (name: string) =>
      JSON.parse(readFileSync(join(seedsDir, "schema", name), "utf8"));
    expect(onDisk("template.schema.json")).toEqual(templateJsonSchema());
    expect(onDisk("units.schema.json")).toEqual(unitListJsonSchema());
  });
});

describe("the targets, tasks and budgets say what the sources say", () => {
  const indicatorQuoting = (t: Template, words: string) => {
    const hit = t.indicators.filter((i) => foldForQuote(i.source).includes(words));
    expect(hit, `${t.id}: an indicator quoting "${words}"`).toHaveLength(1);
    return hit[0]!;
  };

  it.each([
    [
      "can-tho-2256",
      "Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến",
      ">=",
      80,
      2030,
    ],
    ["can-tho-2256", "tỷ lệ giao dịch thanh toán trực tuyến đạt từ 50% trở lên", ">=", 50, 2030],
    [
      "can-tho-2256",
      "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ đạt trên 20%",
      ">",
      20,
      2030,
    ],
    ["can-tho-2256", "Năng suất lao động hàng năm tăng tối thiểu 8%", ">=", 8, 2030],
    [
      "can-tho-kh-2025",
      "Cung cấp dịch vụ công trực tuyến toàn trình đạt tỷ lệ tối thiểu 95%",
      ">=",
      95,
      2025,
    ],
    [
      "can-tho-kh-2025",
      "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt trên 50%",
      ">",
      50,
      2025,
    ],
    ["ca-mau-1929", "Số lượng DN công nghệ số đạt 20 DN", ">=", 20, 2030],
    ["ca-mau-1929", "giảm 30% thời gian giải quyết TTHC", ">=", 30, 2030],
    [
      "hau-giang-190",
      "Hồ sơ trực tuyến toàn trình đạt tỷ lệ trung bình tối thiểu 60%",
      ">=",
      60,
      2025,
    ],
    ["binh-duong-2025", "năng suất lao động hàng năm tăng tối thiểu 7%", ">=", 7, 2025],
  ] as const)('%s: "%s" is %s %d by %d', (id, words, op, value, year) => {
    const ind = indicatorQuoting(byId(id), words);
    expect(ind.target).toMatchObject({ op, value, year });
  });

  it("reads 'khoản 50% - 60%' as a range", () => {
    const ind = indicatorQuoting(byId("can-tho-2256"), "khoản 50% - 60%");
    expect(ind.target).toMatchObject({ op: "between", value: 50, max: 60 });
  });

  it("reads 'phủ trên 99% hộ gia đình' as strictly above 99", () => {
    const ind = indicatorQuoting(byId("binh-duong-2025"), "phủ trên 99% hộ gia đình");
    expect(ind.target).toMatchObject({ op: ">", value: 99 });
  });

  it("keeps per-level targets at their levels", () => {
    const ct = byId("can-tho-kh-2025").indicators.find((i) => i.levelTargets);
    expect(ct?.levelTargets).toMatchObject({
      province: { value: 90 },
      district: { value: 80 },
      commune: { value: 60 },
    });
    const cm = byId("ca-mau-1929").indicators.find((i) => i.levelTargets);
    expect(cm?.levelTargets).toMatchObject({
      province: { value: 100 },
      district: { value: 90 },
      commune: { value: 80 },
    });
  });

  it("encodes the rank and the milestone", () => {
    // One sentence sets four rankings (chuyển đổi số, ứng dụng CNTT, chính quyền số, an toàn mạng).
    const ranks = byId("binh-duong-2025").indicators.filter((i) =>
      foldForQuote(i.source).includes("nhóm 10 địa phương đứng đầu"),
    );
    expect(ranks).toHaveLength(4);
    for (const r of ranks)
      expect(r).toMatchObject({ kind: "rank", target: { op: "<=", value: 10 } });
    expect(
      indicatorQuoting(byId("can-tho-kh-2025"), "Khu Công nghệ thông tin tập trung Cần Thơ"),
    ).toMatchObject({
      kind: "yes-no",
      target: { op: "=", value: 1 },
    });
  });

  it("has every task of QĐ 2256 with its lead and deadline", () => {
    const t = byId("can-tho-2256");
    expect(t.tasks.length).toBeGreaterThanOrEqual(40);
    const ioc = t.tasks.find((x) => x.text.includes("Trung tâm điều hành đô thị thông minh IOC"));
    expect(ioc).toMatchObject({ lead: ["Sở Thông tin và Truyền thông"], deadline: "2025-12" });
    const qlvb = t.tasks.find(
      (x) => x.text.includes("Quản lý văn bản và điều hành") && x.deadline === "2025-06",
    );
    expect(qlvb?.lead).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(t.tasks.filter((x) => x.deadline === "2030-12")).toHaveLength(1);
    expect(t.tasks.some((x) => x.deadline === "recurring")).toBe(true);
  });

  it("has both budgets to the đồng", () => {
    expect(byId("can-tho-2256").budget).toMatchObject({
      total: { amount: 657_187_600_000 },
      parts: [{ amount: 544_400_000_000 }, { amount: 112_787_600_000 }],
    });
    expect(byId("can-tho-kh-2025").budget).toMatchObject({
      total: { amount: 150_327_674_000 },
      parts: [{ amount: 94_100_000_000 }, { amount: 56_227_674_000 }],
    });
  });

  it("has the reporting deadlines of QĐ 2256 (10 and 15 December)", () => {
    expect(byId("can-tho-2256").reporting).toMatchObject({
      frequency: "yearly",
      unitDeadline: { month: 12, day: 10 },
      leadDeadline: { month: 12, day: 15 },
    });
  });
});

describe("starter unit list", () => {
  it("loads Cần Thơ's departments and districts as data", () => {
    const r = loadUnitListFile(join(seedsDir, "units", "can-tho.json"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const names = r.value.units.map((u) => u.name);
    expect(names).toContain("Sở Thông tin và Truyền thông");
    expect(r.value.units.filter((u) => u.kind === "district")).toHaveLength(9);
  });
});
