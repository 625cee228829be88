// Loading template and unit-list JSON: a Template, or problems located by file and JSON path.
import { describe, expect, it } from "vitest";
import {
  formatProblem,
  jsonPath,
  parseTemplate,
  parseTemplateText,
  parseUnitListText,
} from "../../../src/core/plan/template-load.js";
import { template } from "../../fixtures/template.js";

describe("jsonPath", () => {
  it.each([
    [[], "$"],
    [["indicators", 3, "target", "op"], "$.indicators[3].target.op"],
    [["_x", "$y", "a1"], "$._x.$y.a1"],
    [["a-b"], '$["a-b"]'],
    [["1a"], '$["1a"]'],
    [["chỉ tiêu"], '$["chỉ tiêu"]'],
    [[""], '$[""]'],
  ] as const)("%j → %s", (path, text) => {
    expect(jsonPath(path)).toBe(text);
  });
});

describe("parseTemplate and parseTemplateText", () => {
  it("answers the template for valid JSON", () => {
    const r = parseTemplateText(JSON.stringify(template), "demo.json");
    expect(r).toEqual({ ok: true, value: template });
  });

  it("locates each problem by file and JSON path", () => {
    const bad = structuredClone(template) as unknown as {
      indicators: { target: { op: string } }[];
    };
    bad.indicators[0]!.target.op = "≥";
    const r = parseTemplate(bad, "demo.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => [p.file, p.path])).toEqual([
      ["demo.json", "$.indicators[0].target.op"],
    ]);
    expect(formatProblem(r.error[0]!)).toBe(
      `demo.json $.indicators[0].target.op: ${r.error[0]!.message}`,
    );
  });

  it("reports text that is not JSON at $, in both languages", () => {
    const r = parseTemplateText("{ id: 1", "hong.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toHaveLength(1);
    expect(r.error[0]).toMatchObject({ file: "hong.json", path: "$" });
    expect(r.error[0]!.message).toMatch(/^JSON không hợp lệ \/ invalid JSON: ./u);
  });
});

describe("parseUnitListText", () => {
  const unit = { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" };

  it("reads a unit list, and locates a bad unit", () => {
    const list = { province: "Cần Thơ", units: [unit] };
    const ok = parseUnitListText(JSON.stringify(list), "units.json");
    expect(ok).toEqual({ ok: true, value: list });
    const bad = parseUnitListText(
      JSON.stringify({ ...list, units: [unit, { ...unit, code: "SXD", kind: "ministry" }] }),
      "units.json",
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.map((p) => p.path)).toEqual(["$.units[1].kind"]);
  });

  it("reports text that is not JSON", () => {
    expect(parseUnitListText("[", "units.json")).toMatchObject({
      ok: false,
      error: [{ file: "units.json", path: "$" }],
    });
  });
});
