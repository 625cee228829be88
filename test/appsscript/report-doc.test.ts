// "Báo cáo UBND (Google Docs)" in the built bundle: the three units post to the web app (one late,
// one missing), and the menu item writes the report through DocumentApp with the same content as
// the .docx of `chitieu report`.
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/wire/protocol.js";
import { sign } from "../../src/core/wire/signature.js";
import type { FakeParagraph, FakeTable } from "../fakes/apps-script/document.js";
import type { AppsScriptWorld } from "../fakes/apps-script/runtime.js";
import { trackerWorld } from "../fakes/apps-script/tracker.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import {
  annualReports,
  annualUnits,
  expectedFacts,
  expectedSections,
  REPORT_AT,
  tableFacts,
  texts,
} from "../fixtures/annual-reports.js";

const template = loadSeedTemplates().templates.find((t) => t.id === "can-tho-2256")!;
const keyOf = (code: string) =>
  code
    .toLowerCase()
    .padEnd(64, "5")
    .replace(/[^0-9a-f]/gu, "d");

// The host's clock, stepped by the test: Apps Script's Date is the runtime's own.
const CLOCK = `(() => {
  const Real = Date;
  let now = Real.now();
  class HostDate extends Real {
    constructor(...args) { if (args.length === 0) super(now); else super(...args); }
    static now() { return now; }
  }
  globalThis.Date = HostDate;
  globalThis.setHostClock = (ms) => { now = ms; };
})();`;

async function trackerWithReports(): Promise<AppsScriptWorld> {
  const world = await trackerWorld({
    planId: template.id,
    period: "2025",
    units: annualUnits,
    keys: Object.fromEntries(annualUnits.map((u) => [u.code, keyOf(u.code)])),
    prelude: CLOCK,
  });
  for (const r of annualReports(template)) {
    world.evaluate(`setHostClock(${Date.parse(r.sendAt)})`);
    const payload = JSON.stringify(r.submission);
    const answer = JSON.parse(
      world.post(
        JSON.stringify({
          protocol: "chitieu/1",
          unit: r.unit.code,
          payload,
          signature: sign(payload, keyOf(r.unit.code)),
        }),
      ).text,
    ) as Answer;
    expect(answer.ok, JSON.stringify(answer)).toBe(true);
  }
  world.evaluate(`setHostClock(${Date.parse(REPORT_AT)})`);
  world.calls.reset();
  return world;
}

function paragraphs(world: AppsScriptWorld): FakeParagraph[] {
  const body = world.documents.created[0]!.body;
  return body.children.flatMap((c) =>
    "rows" in c
      ? (c as FakeTable).rows.flatMap((r) =>
          r.cells.flatMap((cell) => cell.children as FakeParagraph[]),
        )
      : [c],
  );
}

describe("Báo cáo UBND (Google Docs)", () => {
  it("writes one Google Doc with every unit, number and section of the .docx, in order", async () => {
    const world = await trackerWithReports();
    world.run("writeReportDoc");
    expect(world.calls.count("DocumentApp.create")).toBe(1);
    const [doc] = world.documents.created;
    expect(doc!.name).toBe("bao-cao-can-tho-2256-2025");
    expect(doc!.closed).toBe(true);
    const text = doc!.body.getText();
    for (const fact of [...expectedFacts, ...tableFacts]) expect(text).toContain(fact);
    const positions = expectedSections.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.indexOf("BÁO CÁO")).toBeLessThan(positions[0]!);
    expect(text.lastIndexOf("Nơi nhận:")).toBeGreaterThan(positions.at(-1)!);
    // The header is the body's first element: no blank line above it.
    expect("rows" in doc!.body.children[0]!).toBe(true);
    const dialog = world.ui.dialogs.at(-1)!;
    expect(dialog.html).toContain(doc!.getUrl());
    expect(dialog.html).toContain("2/3 đơn vị đã nộp");
  });

  it("keeps the units' words as text: '=' stays, a control character shows as U+FFFD, a long paragraph is whole", async () => {
    const world = await trackerWithReports();
    world.run("writeReportDoc");
    const all = paragraphs(world).map((p) => p.getText());
    expect(all).toContain(
      "- Sở Thông tin và Truyền thông: =SUM(A1:A9) Thiếu nhân lực chuyên trách\uFFFD về an toàn thông tin.",
    );
    expect(all).toContain(`- Văn phòng UBND thành phố: ${texts.longProposal}`);
  });

  it("sets A4, the decree's margins and Times New Roman 11–14 pt on every paragraph", async () => {
    const world = await trackerWithReports();
    world.run("writeReportDoc");
    const page = world.documents.created[0]!.body.page;
    const pt = (mm: number) => (mm * 72) / 25.4;
    expect(page.width).toBeCloseTo(pt(210));
    expect(page.height).toBeCloseTo(pt(297));
    expect([page.top, page.bottom, page.left, page.right]).toEqual([
      pt(20),
      pt(20),
      pt(30),
      pt(15),
    ]);
    const styled = paragraphs(world);
    expect(styled.every((p) => p.attributes.FONT_FAMILY === "Times New Roman")).toBe(true);
    const sizes = new Set(styled.map((p) => p.attributes.FONT_SIZE));
    expect([...sizes].sort()).toEqual([11, 12, 13, 14]);
    const section = styled.find((p) => p.getText() === expectedSections[0])!;
    expect(section.attributes.BOLD).toBe(true);
    expect(String(section.alignment)).toBe("JUSTIFY");
  });

  it("writes the report before any unit has reported, and says so", async () => {
    const world = await trackerWorld({
      planId: template.id,
      period: "2025",
      units: annualUnits,
      prelude: CLOCK,
    });
    world.evaluate(`setHostClock(${Date.parse(REPORT_AT)})`);
    world.run("writeReportDoc");
    const text = world.documents.created[0]!.body.getText();
    for (const s of expectedSections) expect(text).toContain(s);
    expect(text).toContain("chưa có đơn vị nào gửi báo cáo năm 2025");
  });
});
