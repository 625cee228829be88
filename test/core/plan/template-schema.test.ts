// Each rule of the template schema, one test apiece: the valid base passes, one change breaks it.
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../../src/core/plan/template-load.js";
import type { TemplateInput } from "../../../src/core/plan/template-schema.js";
import { Template } from "../../../src/core/plan/template-schema.js";

function base(): TemplateInput {
  return {
    id: "demo",
    version: 1,
    plan: {
      province: "Tỉnh Mẫu",
      issuer: "Ủy ban nhân dân tỉnh Mẫu",
      kind: "ke-hoach",
      title: "Kế hoạch chuyển đổi số",
      horizon: 2025,
      sourceFile: "000_0123456789abcdef.txt",
    },
    pillars: [{ id: "CQ", name: "Chính quyền số", groups: [{ id: "CQ-1", name: "Dịch vụ công" }] }],
    indicators: [
      {
        id: "CQ-01",
        group: "CQ-1",
        name: "Hồ sơ trực tuyến",
        unit: "%",
        kind: "percent",
        numeratorLabel: "Số hồ sơ trực tuyến",
        denominatorLabel: "Tổng số hồ sơ",
        target: { op: ">=", value: 80, year: 2025 },
        aggregation: "ratio-of-sums",
        source: "Tối thiểu 80% hồ sơ được xử lý trực tuyến",
      },
    ],
    tasks: [
      {
        id: "NV-01",
        text: "Nâng cấp hệ thống",
        lead: ["Sở Thông tin và Truyền thông"],
        deadline: "2025-12",
        source: "Nâng cấp hệ thống thông tin",
      },
    ],
    budget: {
      total: { id: "KP-TONG", label: "Tổng", amount: 300, source: "Tổng kinh phí 300 đồng" },
      parts: [
        { id: "KP-A", label: "Đầu tư", amount: 100, source: "Đầu tư phát triển 100 đồng" },
        { id: "KP-B", label: "Sự nghiệp", amount: 200, source: "Vốn sự nghiệp 200 đồng" },
      ],
    },
  };
}

function problemsOf(mutate: (t: TemplateInput) => void) {
  const t = base();
  mutate(t);
  const r = parseTemplate(t, "demo.json");
  return r.ok ? [] : r.error;
}

describe("template schema", () => {
  it("accepts the base template and fills defaults", () => {
    const r = parseTemplate(base(), "demo.json");
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.indicators[0]?.reporters).toBe("all");
      expect(r.value.indicators[0]?.evidenceRequired).toBe(false);
    }
  });

  it("locates a bad comparator by JSON path", () => {
    const problems = problemsOf((t) => {
      (t.indicators[0]!.target as { op: string }).op = "at least";
    });
    expect(problems[0]).toMatchObject({ file: "demo.json", path: "$.indicators[0].target.op" });
  });

  it("requires max for 'between' and refuses it elsewhere", () => {
    expect(
      problemsOf((t) => (t.indicators[0]!.target = { op: "between", value: 50, year: 2025 }))[0]
        ?.path,
    ).toBe("$.indicators[0].target.max");
    expect(
      problemsOf((t) => (t.indicators[0]!.target = { op: ">=", value: 50, max: 60, year: 2025 }))[0]
        ?.path,
    ).toBe("$.indicators[0].target.max");
    expect(
      problemsOf(
        (t) => (t.indicators[0]!.target = { op: "between", value: 50, max: 60, year: 2025 }),
      ),
    ).toEqual([]);
  });

  it("needs a target or level targets", () => {
    expect(problemsOf((t) => delete t.indicators[0]!.target)[0]?.path).toBe(
      "$.indicators[0].target",
    );
    expect(
      problemsOf((t) => {
        delete t.indicators[0]!.target;
        t.indicators[0]!.levelTargets = { province: { op: ">=", value: 90, year: 2025 } };
      }),
    ).toEqual([]);
  });

  it("pairs numerator and denominator labels, and ratio-of-sums needs them", () => {
    expect(problemsOf((t) => delete t.indicators[0]!.denominatorLabel)[0]?.path).toBe(
      "$.indicators[0].denominatorLabel",
    );
    const problems = problemsOf((t) => {
      delete t.indicators[0]!.numeratorLabel;
      delete t.indicators[0]!.denominatorLabel;
    });
    expect(problems.map((p) => p.path)).toContain("$.indicators[0].aggregation");
  });

  it("lead reporters need a lead unit", () => {
    expect(problemsOf((t) => (t.indicators[0]!.reporters = "lead"))[0]?.path).toBe(
      "$.indicators[0].lead",
    );
  });

  it("a yes-no milestone has target '= 1'", () => {
    expect(
      problemsOf((t) => {
        t.indicators[0]!.kind = "yes-no";
        t.indicators[0]!.aggregation = "every-unit";
      })[0]?.path,
    ).toBe("$.indicators[0].target");
  });

  it("refuses duplicate ids across indicators, tasks and budget lines", () => {
    expect(problemsOf((t) => (t.tasks![0]!.id = "CQ-01"))[0]?.message).toMatch(
      /duplicate id: CQ-01/,
    );
  });

  it("refuses a group that no pillar declares", () => {
    expect(problemsOf((t) => (t.indicators[0]!.group = "XH-9"))[0]?.path).toBe(
      "$.indicators[0].group",
    );
  });

  it("budget parts must add up to the total", () => {
    const problems = problemsOf((t) => (t.budget!.parts[1]!.amount = 199));
    expect(problems[0]).toMatchObject({ path: "$.budget.parts" });
    expect(problems[0]?.message).toMatch(/299/);
  });

  it("money is whole đồng", () => {
    expect(problemsOf((t) => (t.budget!.parts[1]!.amount = 199.5))[0]?.path).toBe(
      "$.budget.parts[1].amount",
    );
  });

  it("deadlines are a year-month, 'recurring' or null", () => {
    expect(problemsOf((t) => (t.tasks![0]!.deadline = "12/2025"))[0]?.path).toBe(
      "$.tasks[0].deadline",
    );
    expect(problemsOf((t) => (t.tasks![0]!.deadline = "recurring"))).toEqual([]);
    expect(problemsOf((t) => (t.tasks![0]!.deadline = null))).toEqual([]);
  });

  it("text must be NFC", () => {
    expect(problemsOf((t) => (t.indicators[0]!.name = "Hồ sơ".normalize("NFD")))[0]?.path).toBe(
      "$.indicators[0].name",
    );
  });

  it("refuses unknown keys so a typo in a template does not pass silently", () => {
    expect(
      problemsOf((t) =>
        Object.assign(t.indicators[0]!, { tagret: { op: ">=", value: 1, year: 2025 } }),
      )[0]?.message,
    ).toMatch(/tagret/);
  });
});

/** The schema's own issues for a changed base: code, path and message, as a tool reading them sees. */
function issuesOf(mutate: (t: TemplateInput) => void) {
  const t = base();
  mutate(t);
  const r = Template.safeParse(t);
  return r.success
    ? []
    : r.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
}
const custom = (path: (string | number)[], message: string) => [{ code: "custom", path, message }];
const BETWEEN = "'between' cần max ≥ value / 'between' needs max ≥ value";

describe("template schema rules, each issue in full", () => {
  it.each<[string, (t: TemplateInput) => void, ReturnType<typeof custom>]>([
    [
      "a 'between' without max",
      (t) => (t.indicators[0]!.target = { op: "between", value: 50, year: 2025 }),
      custom(["indicators", 0, "target", "max"], BETWEEN),
    ],
    [
      "a 'between' whose max is below its value",
      (t) => (t.indicators[0]!.target = { op: "between", value: 50, max: 49.5, year: 2025 }),
      custom(["indicators", 0, "target", "max"], BETWEEN),
    ],
    [
      "a max on another comparator",
      (t) => (t.indicators[0]!.target = { op: "<=", value: 50, max: 60, year: 2025 }),
      custom(
        ["indicators", 0, "target", "max"],
        "max chỉ dùng với 'between' / max is only for 'between'",
      ),
    ],
    [
      "level targets naming no level",
      (t) => {
        delete t.indicators[0]!.target;
        t.indicators[0]!.levelTargets = {};
      },
      custom(["indicators", 0, "levelTargets"], "cần ít nhất một cấp / needs at least one level"),
    ],
    [
      "no target at all",
      (t) => delete t.indicators[0]!.target,
      custom(
        ["indicators", 0, "target"],
        "chỉ tiêu cần target hoặc levelTargets / an indicator needs target or levelTargets",
      ),
    ],
    [
      "a numerator label without a denominator label",
      (t) => delete t.indicators[0]!.denominatorLabel,
      custom(
        ["indicators", 0, "denominatorLabel"],
        "tử số và mẫu số phải đi cùng nhau / numeratorLabel and denominatorLabel go together",
      ),
    ],
    [
      "ratio-of-sums without either label",
      (t) => {
        delete t.indicators[0]!.numeratorLabel;
        delete t.indicators[0]!.denominatorLabel;
      },
      custom(
        ["indicators", 0, "aggregation"],
        "ratio-of-sums cần tử số và mẫu số / ratio-of-sums needs numerator and denominator",
      ),
    ],
    [
      "lead reporters without a lead",
      (t) => (t.indicators[0]!.reporters = "lead"),
      custom(
        ["indicators", 0, "lead"],
        "reporters 'lead' cần ít nhất một đơn vị chủ trì / 'lead' reporters need a lead unit",
      ),
    ],
    [
      "a province-wide figure summed over units",
      (t) => (t.indicators[0]!.provinceWide = true),
      custom(
        ["indicators", 0, "aggregation"],
        "chỉ tiêu toàn tỉnh là một số liệu, tổng hợp 'single-reporter' / a province-wide figure aggregates as 'single-reporter'",
      ),
    ],
    [
      "a yes-no milestone with target '>= 1'",
      (t) => {
        Object.assign(t.indicators[0]!, { kind: "yes-no", aggregation: "every-unit" });
        t.indicators[0]!.target = { op: ">=", value: 1, year: 2025 };
      },
      custom(
        ["indicators", 0, "target"],
        "chỉ tiêu có/không có đích '= 1' / a yes-no indicator has target '= 1'",
      ),
    ],
    [
      "a yes-no milestone with target '= 2'",
      (t) => {
        Object.assign(t.indicators[0]!, { kind: "yes-no", aggregation: "every-unit" });
        t.indicators[0]!.target = { op: "=", value: 2, year: 2025 };
      },
      custom(
        ["indicators", 0, "target"],
        "chỉ tiêu có/không có đích '= 1' / a yes-no indicator has target '= 1'",
      ),
    ],
    [
      "a pillar id used twice",
      (t) => t.pillars.push({ id: "CQ", name: "Khác", groups: [{ id: "CQ-2", name: "Khác" }] }),
      custom(["pillars", 1, "id"], "mã trùng: CQ / duplicate id: CQ"),
    ],
    [
      "a group id used twice",
      (t) => t.pillars[0]!.groups.push({ id: "CQ-1", name: "Khác" }),
      custom(["pillars", 0, "groups", 1, "id"], "mã trùng: CQ-1 / duplicate id: CQ-1"),
    ],
    [
      "an indicator id that is a group's",
      (t) => (t.indicators[0]!.id = "CQ-1"),
      custom(["indicators", 0, "id"], "mã trùng: CQ-1 / duplicate id: CQ-1"),
    ],
    [
      "a task id that is an indicator's",
      (t) => (t.tasks![0]!.id = "CQ-01"),
      custom(["tasks", 0, "id"], "mã trùng: CQ-01 / duplicate id: CQ-01"),
    ],
    [
      "a budget line id that is a task's",
      (t) => (t.budget!.parts[0]!.id = "NV-01"),
      custom(["budget", "NV-01"], "mã trùng: NV-01 / duplicate id: NV-01"),
    ],
    [
      "budget parts that do not add up to the total",
      (t) => (t.budget!.parts[1]!.amount = 199),
      custom(["budget", "parts"], "tổng các phần 299 ≠ tổng 300 / parts add up to 299, not 300"),
    ],
    [
      "an indicator in a group no pillar declares",
      (t) => (t.indicators[0]!.group = "XH-9"),
      custom(["indicators", 0, "group"], "nhóm không tồn tại: XH-9 / unknown group: XH-9"),
    ],
    [
      "a task in a group no pillar declares",
      (t) => (t.tasks![0]!.group = "XH-9"),
      custom(["tasks", 0, "group"], "nhóm không tồn tại: XH-9 / unknown group: XH-9"),
    ],
    [
      "a source quote in decomposed (NFD) letters",
      (t) => (t.indicators[0]!.source = "Tối thiểu 80% hồ sơ".normalize("NFD")),
      custom(["indicators", 0, "source"], "văn bản phải ở dạng NFC / text must be NFC"),
    ],
  ])("refuses %s", (_name, mutate, issues) => {
    expect(issuesOf(mutate)).toEqual(issues);
  });

  it.each<[string, (t: TemplateInput) => void]>([
    [
      "a 'between' whose max equals its value",
      (t) => (t.indicators[0]!.target = { op: "between", value: 50, max: 50, year: 2025 }),
    ],
    [
      "a province-wide figure from a single reporter",
      (t) =>
        Object.assign(t.indicators[0]!, { provinceWide: true, aggregation: "single-reporter" }),
    ],
    [
      "a yes-no milestone with target '= 1'",
      (t) => {
        Object.assign(t.indicators[0]!, { kind: "yes-no", aggregation: "every-unit" });
        t.indicators[0]!.target = { op: "=", value: 1, year: 2025 };
      },
    ],
    ["a task in a declared group", (t) => (t.tasks![0]!.group = "CQ-1")],
  ])("accepts %s", (_name, mutate) => {
    expect(issuesOf(mutate)).toEqual([]);
  });
});
