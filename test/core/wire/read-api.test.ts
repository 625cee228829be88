// The read half of chitieu/1: each answer's schema takes a real answer and refuses malformed ones,
// and the URLs both trackers are read at.
import { describe, expect, it } from "vitest";
import {
  readAnswer,
  ResourceQuery,
  resourceUrl,
  SERVE_PATHS,
  StatusAnswer,
  templateSummary,
  TemplatesAnswer,
  UnitsAnswer,
} from "../../../src/core/wire/read-api.js";
import { loadSeedTemplates } from "../../../src/node/seeds.js";

// Answers as the trackers give them, written out by hand.
const templatesAnswer = [
  { id: "can-tho-2256", version: 1, title: "Kế hoạch chuyển đổi số năm 2025" },
  { id: "hau-giang-190", version: 3, title: "Đề án chuyển đổi số tỉnh Hậu Giang" },
];
const unitsAnswer = [
  { code: "STTTT", name: "Sở Thông tin và Truyền thông", kind: "department", level: "province" },
  {
    code: "X-TANAN",
    name: "UBND xã Tân An",
    kind: "commune",
    level: "commune",
    validFrom: "2025-07-01",
  },
];
const statusAnswer = {
  ok: true,
  protocol: "chitieu/1",
  units: 2,
  submissions: 14,
  templates: templatesAnswer,
};

describe("the read answers' schemas", () => {
  it("take the answers the trackers give", () => {
    expect(TemplatesAnswer.parse(templatesAnswer)).toEqual(templatesAnswer);
    expect(UnitsAnswer.parse(unitsAnswer)).toEqual(unitsAnswer);
    expect(StatusAnswer.parse(statusAnswer)).toEqual(statusAnswer);
    expect(TemplatesAnswer.parse([])).toEqual([]);
  });

  it.each([
    ["not a list", { id: "a", version: 1, title: "t" }],
    ["an entry without a version", [{ id: "a", title: "t" }]],
    ["a version that is text", [{ id: "a", version: "1", title: "t" }]],
    ["a version of zero", [{ id: "a", version: 0, title: "t" }]],
    ["an empty id", [{ id: "", version: 1, title: "t" }]],
    ["a proxy's page", "<html>Đăng nhập</html>"],
  ])("refuse a template list that is %s", (_name, answer) => {
    expect(TemplatesAnswer.safeParse(answer).success).toBe(false);
  });

  it.each([
    ["a unit without a kind", [{ code: "STTTT", name: "Sở", level: "province" }]],
    ["a unit of an unknown level", [{ code: "STTTT", name: "Sở", kind: "department", level: "x" }]],
    ["a unit carrying its key", [{ ...unitsAnswer[0], key: "7".repeat(64) }]],
    ["one unit, not a list", unitsAnswer[0]],
  ])("refuse a unit list with %s", (_name, answer) => {
    expect(UnitsAnswer.safeParse(answer).success).toBe(false);
  });

  it.each([
    ["not ok", { ...statusAnswer, ok: false }],
    ["without its protocol", { ...statusAnswer, protocol: undefined }],
    ["with a negative count", { ...statusAnswer, submissions: -1 }],
    ["with a malformed template", { ...statusAnswer, templates: [{ id: "a" }] }],
  ])("refuse a status %s", (_name, answer) => {
    expect(StatusAnswer.safeParse(answer).success).toBe(false);
  });

  it("summarise a template by its id, version and plan title", () => {
    const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-2256")!;
    expect(templateSummary(template)).toEqual({
      id: "can-tho-2256",
      version: template.version,
      title: template.plan.title,
    });
  });
});

describe("readAnswer", () => {
  it("names the resource and the first wrong place, in Vietnamese and English", () => {
    const r = readAnswer(TemplatesAnswer, [{ id: "a", version: "1", title: "t" }], "templates");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.vi).toMatch(/^Hệ thống theo dõi trả lời danh sách biểu mẫu không đúng/u);
    expect(r.message.vi).toContain("$[0].version");
    expect(r.message.en).toMatch(/^The tracker's template list is not a chitieu\/1 answer/u);
    expect(r.message.en).toContain("$[0].version");
    const t = readAnswer(UnitsAnswer, {}, { template: "x" });
    expect(!t.ok && t.message.en).toContain("The tracker's template is not");
  });

  it("gives the parsed value of a good answer", () => {
    expect(readAnswer(UnitsAnswer, unitsAnswer, "units")).toEqual({ ok: true, value: unitsAnswer });
  });
});

describe("resource URLs", () => {
  const serve = { url: "https://tracker.cantho.gov.vn/api/submit" };
  const appsScript = { url: "https://script.google.com/macros/s/abc/exec" };

  it("are chitieu serve's API paths beside its submit path", () => {
    expect(resourceUrl(serve, "templates")).toBe("https://tracker.cantho.gov.vn/api/templates");
    expect(resourceUrl(serve, "units")).toBe("https://tracker.cantho.gov.vn/api/units");
    expect(resourceUrl(serve, "status")).toBe("https://tracker.cantho.gov.vn/api/status");
    expect(resourceUrl(serve, { template: "kế hoạch/1" })).toBe(
      "https://tracker.cantho.gov.vn/api/templates/k%E1%BA%BF%20ho%E1%BA%A1ch%2F1",
    );
    expect(SERVE_PATHS.submit).toBe("/api/submit");
  });

  it("are the web app's one URL with a resource query, which doGet parses back", () => {
    expect(resourceUrl(appsScript, "status")).toBe(appsScript.url);
    expect(resourceUrl(appsScript, "units")).toBe(`${appsScript.url}?resource=units`);
    const url = new URL(resourceUrl(appsScript, { template: "a&b c" }));
    expect(url.search).toBe("?resource=template&id=a%26b%20c");
    expect(ResourceQuery.parse(Object.fromEntries(url.searchParams))).toEqual({
      resource: "template",
      id: "a&b c",
    });
  });

  it("keep the path a tracker is mounted under, even one that holds '/exec' or the submit path", () => {
    const underExec = { url: "https://stttt.cantho.gov.vn/exec/chitieu/api/submit" };
    expect(resourceUrl(underExec, "units")).toBe(
      "https://stttt.cantho.gov.vn/exec/chitieu/api/units",
    );
    const twice = { url: "https://ubnd.cantho.gov.vn/api/submit/chitieu/api/submit" };
    expect(resourceUrl(twice, "templates")).toBe(
      "https://ubnd.cantho.gov.vn/api/submit/chitieu/api/templates",
    );
  });

  it("read a template asked for without an id as an unknown one, and anything else as status", () => {
    expect(ResourceQuery.parse({ resource: "template" })).toEqual({ resource: "template", id: "" });
    expect(ResourceQuery.safeParse({}).success).toBe(false);
    expect(ResourceQuery.safeParse({ resource: "submissions" }).success).toBe(false);
  });
});
