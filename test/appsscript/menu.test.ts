// The consolidator's menu in the built bundle: setting up the tracker, importing units, issuing
// access codes. Keys live in the script properties only; every cell is searched for them.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AccessCode } from "../../src/core/wire/access-code.js";
import { readAccessCode } from "../../src/core/wire/access-code.js";
import type { Answer } from "../../src/core/wire/protocol.js";
import { sign } from "../../src/core/wire/signature.js";
import {
  OVERDUE,
  STRAY_STATUS,
  targetStatusNames,
  timelinessNames,
  TAB_STYLE,
  tabName,
  TRACKER_TAB_ORDER,
  TRACKER_TABS,
} from "../../src/core/tracker/tracker-tab-layout.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { AppsScriptWorld, builtBundle } from "../fakes/apps-script/runtime.js";
import { trackerWorld, unitsCsv } from "../fakes/apps-script/tracker.js";
import { reportingUnit, validReport } from "../fixtures/reports.js";
import { suitePlan } from "../protocol/servers.js";

const template = suitePlan();
const WEB_APP = "https://script.google.com/macros/s/AKfycbx-test_ID/exec";
const units: Unit[] = [
  reportingUnit,
  { code: "Q-NINHKIEU", name: "UBND quận Ninh Kiều", kind: "district", level: "district" },
  { code: "30001", name: 'Xã <b>Mẫu</b> & "Con"', kind: "commune", level: "commune" },
];
const nameOf = (key: (typeof TRACKER_TAB_ORDER)[number]) => tabName(key, "2025");

async function freshWorld() {
  return new AppsScriptWorld(await builtBundle());
}

/** Every cell of every sheet, as text: where a key must never be. */
function everyCell(world: AppsScriptWorld): string {
  return world.spreadsheet.sheets.map((s) => JSON.stringify(s.dump())).join("\n");
}

describe("Thiết lập tracker", () => {
  it("asks for plan and period, then lays out every tab in order with header, formats and colours", async () => {
    const world = await freshWorld();
    world.ui.answer("can-tho-kh-2025").answer("");
    world.run("setupTracker");
    expect(world.ui.prompts[0]).toContain("can-tho-kh-2025");
    expect(world.properties.script.getProperty("chitieu:config")).toBe(
      JSON.stringify({ plans: ["can-tho-kh-2025"], period: new Date().getFullYear().toString() }),
    );

    world.ui.answer("2").answer("2025");
    world.run("setupTracker");
    const second = JSON.parse(world.properties.script.getProperty("chitieu:config")!);
    expect(second.period).toBe("2025");
    world.ui.answer("can-tho-kh-2025").answer("2025");
    world.run("setupTracker");

    const visible = world.spreadsheet.sheets.filter((s) => !s.hidden).map((s) => s.getName());
    const expected = TRACKER_TAB_ORDER.map(nameOf);
    expect(visible.filter((n) => expected.includes(n))).toEqual(expected);
    expect(
      world.spreadsheet.sheets
        .filter((s) => s.hidden)
        .map((s) => s.getName())
        .sort(),
    ).toEqual(["_submissions", "_units"]);
    expect(world.spreadsheet.timeZone).toBe("Asia/Ho_Chi_Minh");

    for (const key of TRACKER_TAB_ORDER) {
      const sheet = world.spreadsheet.sheet(nameOf(key))!;
      const header = TRACKER_TABS[key].columns.map((c) => c.label);
      expect(sheet.dump()[0]!.slice(0, header.length), key).toEqual(header);
      expect(sheet.frozenRows, key).toBe(1);
      expect(sheet.fontWeightAt(1, 1), key).toBe("bold");
    }
    // The catalogue's free-text columns are plain text; its year column takes core's number format.
    const catalogue = world.spreadsheet.sheet(TRACKER_TABS.indicators.name)!;
    const column = (key: string) =>
      TRACKER_TABS.indicators.columns.findIndex((c) => c.key === key) + 1;
    expect(catalogue.dump(2)).toHaveLength(template.indicators.length);
    expect(catalogue.formatAt(2, column("name"))).toBe("@");
    expect(catalogue.formatAt(2, column("source"))).toBe("@");
    expect(catalogue.formatAt(2, column("targetYear"))).toBe(TAB_STYLE.numberFormats.number);

    const coloured = (key: (typeof TRACKER_TAB_ORDER)[number]) =>
      Object.fromEntries(
        world.spreadsheet.sheet(nameOf(key))!.rules.map((r) => [r.text, r.background]),
      );
    expect(coloured("consolidated")).toMatchObject({
      [targetStatusNames.met]: "#c6efce",
      [targetStatusNames["not-met"]]: "#ffc7ce",
    });
    for (const key of ["units", "timeliness"] as const)
      expect(coloured(key)).toMatchObject({
        [timelinessNames["on-time"]]: "#c6efce",
        [timelinessNames.late]: "#ffeb9c",
        [timelinessNames.missing]: "#ffc7ce",
        [STRAY_STATUS]: "#ffeb9c",
      });
    expect(coloured("tasks")).toMatchObject({ [OVERDUE]: "#ffc7ce" });
    const statusColumn = TRACKER_TABS.consolidated.columns.findIndex((c) => c.key === "status") + 1;
    const letter = String.fromCharCode(64 + statusColumn);
    // The rule covers the status column of every row the tab has, which is every row it holds.
    const table = world.spreadsheet.sheet(nameOf("consolidated"))!;
    expect(table.getMaxRows()).toBe(table.lastRow());
    expect(table.rules[0]!.ranges).toEqual([`${letter}2:${letter}${table.lastRow()}`]);
  });

  it("warns when the script runs in another time zone than the manifest's", async () => {
    const world = new AppsScriptWorld(await builtBundle(), { scriptTimeZone: "America/New_York" });
    world.ui.answer("1").answer("2025");
    world.run("setupTracker");
    expect(world.ui.alerts.at(-1)).toContain("America/New_York");
    expect(world.ui.alerts.at(-1)).toContain("appsscript.json");
    const installed = await freshWorld();
    installed.ui.answer("1").answer("2025");
    installed.run("setupTracker");
    expect(installed.ui.alerts.at(-1)).not.toContain("appsscript.json");
  });

  it("refuses an unknown plan or a malformed period and changes nothing", async () => {
    const world = await freshWorld();
    world.ui.answer("khong-co");
    world.run("setupTracker");
    world.ui.answer("1").answer("2025-Q5");
    world.run("setupTracker");
    expect(world.ui.alerts[0]).toContain('"khong-co"');
    expect(world.ui.alerts[1]).toContain("2025-Q5");
    expect(world.properties.script.getProperty("chitieu:config")).toBeNull();
    expect(world.spreadsheet.sheets.map((s) => s.getName())).toEqual(["Sheet1"]);
  });

  it("will not move a sheet that holds submissions to another plan", async () => {
    const world = await trackerWorld({
      planId: template.id,
      period: "2025",
      units,
      keys: { STTTT: "a".repeat(64) },
    });
    const body = envelopeBody(validReport(template, randomUUID()), "a".repeat(64));
    expect((JSON.parse(world.post(body).text) as Answer).ok).toBe(true);
    world.ui.answer("can-tho-2256").answer("2025");
    world.run("setupTracker");
    expect(world.ui.alerts.at(-1)).toContain("1 báo cáo");
    expect(JSON.parse(world.properties.script.getProperty("chitieu:config")!).plans).toEqual([
      template.id,
    ]);
  });

  it("adds plans to a sheet that holds submissions, the first plan first, each with its tabs", async () => {
    const world = await trackerWorld({
      planId: template.id,
      period: "2025",
      units,
      keys: { STTTT: "a".repeat(64) },
    });
    const body = envelopeBody(validReport(template, randomUUID()), "a".repeat(64));
    expect((JSON.parse(world.post(body).text) as Answer).ok).toBe(true);
    world.ui.answer(`hau-giang-190, ${template.id}`).answer("2025");
    world.run("setupTracker");
    expect(JSON.parse(world.properties.script.getProperty("chitieu:config")!).plans).toEqual([
      template.id,
      "hau-giang-190",
    ]);
    const names = world.spreadsheet.sheets.map((s) => s.getName());
    expect(names).toEqual(
      expect.arrayContaining([
        "Chỉ tiêu",
        "Chỉ tiêu · hau-giang-190",
        "Tổng hợp 2025",
        "Tổng hợp 2025 · hau-giang-190",
        "So sánh kế hoạch 2025",
      ]),
    );
  });
});

function envelopeBody(report: ReturnType<typeof validReport>, key: string, unit = report.unit) {
  const payload = JSON.stringify(report);
  return JSON.stringify({ protocol: "chitieu/1", unit, payload, signature: sign(payload, key) });
}

describe("Nhập đơn vị", () => {
  it("makes the import sheet on first use, then imports it with errors located by cell", async () => {
    const world = await trackerWorld({
      planId: template.id,
      period: "2025",
      units: [reportingUnit],
    });
    world.run("importUnitsFromSheet");
    const input = world.spreadsheet.sheet("Đơn vị (nhập)")!;
    expect(input.dump()).toEqual([["code", "name", "kind", "level"]]);
    expect(input.formatAt(500, 1)).toBe("@");

    // The sheet is plain text: a code typed as 001 stays 001, not the number 1.
    input.getRange(2, 1, 3, 4).setValues([
      ["001", "Xã Một", "commune", "commune"],
      ["X 2", "Xã Hai", "commune", "xa"],
      ["001", "Xã Ba", "commune", "commune"],
    ]);
    world.calls.reset();
    world.run("importUnitsFromSheet");
    const dialog = world.ui.dialogs.at(-1)!.html;
    expect(dialog).toContain("Đơn vị (nhập)!A3");
    expect(dialog).toContain("Đơn vị (nhập)!D3");
    expect(dialog).toContain("Đơn vị (nhập)!A4: mã đơn vị trùng với dòng 2");
    expect(world.spreadsheet.sheet("_units")!.dump(2)).toEqual([
      ["STTTT", "Sở Thông tin và Truyền thông", "department", "province", "", ""],
    ]);
    expect(world.calls.count("Range.getDisplayValues")).toBe(1);

    input.getRange(3, 1, 2, 4).setValues([
      ["Q-NK", "UBND quận Ninh Kiều", "district", "district"],
      ["STTTT", "Sở Thông tin và Truyền thông (đổi tên)", "department", "province"],
    ]);
    world.calls.reset();
    world.run("importUnitsFromSheet");
    expect(world.ui.alerts.at(-1)).toContain("3 đơn vị: 2 mới, 1 cập nhật");
    // Read once, written once: the import sheet, then the registry (read, merged, written).
    expect([world.calls.reads(), world.calls.writes()]).toEqual([2, 1]);
    expect(world.spreadsheet.sheet("_units")!.dump(2)).toEqual([
      ["STTTT", "Sở Thông tin và Truyền thông (đổi tên)", "department", "province", "", ""],
      ["001", "Xã Một", "commune", "commune", "", ""],
      ["Q-NK", "UBND quận Ninh Kiều", "district", "district", "", ""],
    ]);
  });

  it("imports pasted CSV through the dialog's function, with quoted fields and located errors", async () => {
    const world = await trackerWorld({
      planId: template.id,
      period: "2025",
      units: [reportingUnit],
    });
    world.run("showImportUnitsCsvDialog");
    expect(world.ui.dialogs.at(-1)!.html).toContain("google.script.run");
    expect(world.ui.dialogs.at(-1)!.html).toContain(".importUnitsCsv(");

    const bad = world.run<{ ok: boolean; problems: string[] }>(
      "importUnitsCsv",
      'name,code,kind,level\n"Xã ""Một""",X1,commune,commune\nXã Hai,X2,village,commune\n',
    );
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual([
      expect.stringMatching(/^CSV dòng\/line 3, cột\/column 3 \(kind\): /u),
    ]);
    expect(world.run<{ ok: boolean }>("importUnitsCsv", "code;name\nX;Y").ok).toBe(false);

    const good = world.run<{ ok: boolean; message: string }>("importUnitsCsv", unitsCsv(units));
    expect(good).toMatchObject({ ok: true });
    expect(good.message).toContain("2 mới, 1 cập nhật");
    expect(world.spreadsheet.sheet("_units")!.dump(2)).toEqual(
      // The registry's last two columns are the units' validity, open here.
      units.map((u) => [u.code, u.name, u.kind, u.level, "", ""]),
    );
  });
});

describe("Cấp mã truy cập", () => {
  const issue = (world: AppsScriptWorld, codes: string) => {
    world.ui.answer(codes);
    world.run("issueAccessCodes");
    const html = world.ui.dialogs.at(-1)!.html;
    return [...html.matchAll(/<code>(chitieu1\.[\w-]+)<\/code>/gu)].map((m) => {
      const read = readAccessCode(m[1]!);
      expect(read.ok).toBe(true);
      return (read as { value: AccessCode }).value;
    });
  };

  it("keeps keys in the script properties only and shows each code once, escaped", async () => {
    const world = await trackerWorld({ planId: template.id, period: "2025", units });
    world.ui.answer("https://example.com/not-a-web-app");
    world.run("issueAccessCodes");
    expect(world.ui.alerts.at(-1)).toContain("không phải địa chỉ web app");
    world.ui.answer(WEB_APP);

    const codes = issue(world, "");
    expect(codes.map((c) => c.unit)).toEqual(units.map((u) => u.code));
    for (const c of codes) {
      expect(c.url).toBe(WEB_APP);
      expect(c.key).toMatch(/^[0-9a-f]{64}$/u);
      expect(world.properties.script.getProperty(`key:${c.unit}`)).toBe(c.key);
      expect(everyCell(world)).not.toContain(c.key);
    }
    expect(new Set(codes.map((c) => c.key)).size).toBe(codes.length);
    const html = world.ui.dialogs.at(-1)!.html;
    expect(html).toContain("Xã &lt;b&gt;Mẫu&lt;/b&gt; &amp; &quot;Con&quot;");
    expect(html).not.toContain("<b>Mẫu</b>");
    expect(world.properties.script.getProperty("chitieu:webAppUrl")).toBe(WEB_APP);

    // Every unit has a code: a blank answer issues none.
    world.ui.answer("");
    world.run("issueAccessCodes");
    expect(world.ui.alerts.at(-1)).toContain("Mọi đơn vị đã có mã");
  });

  it("saves no key when the dialog that shows the codes cannot open: the old codes keep working", async () => {
    const world = await trackerWorld({ planId: template.id, period: "2025", units });
    world.properties.script.setProperty("chitieu:webAppUrl", WEB_APP);
    const [old] = issue(world, "STTTT");
    const dialogs = world.ui.dialogs.length;
    world.ui.failNextDialog = true;
    world.ui.answer("");
    expect(() => world.run("issueAccessCodes")).not.toThrow();
    expect(world.ui.dialogs).toHaveLength(dialogs);
    expect(world.ui.alerts.at(-1)).toMatch(/chưa cấp mã nào/u);
    expect(world.properties.script.getProperty("key:STTTT")).toBe(old!.key);
    for (const u of units.slice(1))
      expect(world.properties.script.getProperty(`key:${u.code}`), u.code).toBeNull();
    // Asked again, the codes are shown and then kept.
    const codes = issue(world, "");
    expect(codes.map((c) => c.unit)).toEqual(units.slice(1).map((u) => u.code));
    for (const c of codes) expect(world.properties.script.getProperty(`key:${c.unit}`)).toBe(c.key);
  });

  it("shows no code it could not keep: the script properties' 500 KB would be passed", async () => {
    const world = await trackerWorld({ planId: template.id, period: "2025", units });
    world.properties.script.setProperty("chitieu:webAppUrl", WEB_APP);
    // Someone else's properties fill the store to within a few hundred bytes of 500 KB.
    const filler = Object.fromEntries(
      Array.from({ length: 56 }, (_, i) => [`ghi-chu:${i}`, "x".repeat(9000)]),
    );
    world.properties.script.setProperties(filler, false);
    const room = 500 * 1024 - world.properties.script.size() - "ghi-chu:cuoi".length - 100;
    world.properties.script.setProperty("ghi-chu:cuoi", "y".repeat(room));
    const dialogs = world.ui.dialogs.length;
    world.ui.answer("");
    world.run("issueAccessCodes");
    expect(world.ui.dialogs).toHaveLength(dialogs);
    expect(world.ui.alerts.at(-1)).toMatch(/500 KB/u);
    for (const u of units) expect(world.properties.script.getProperty(`key:${u.code}`)).toBeNull();
  });

  it("a reissued code replaces the old one: a report signed with the old key is refused", async () => {
    const world = await trackerWorld({ planId: template.id, period: "2025", units });
    world.properties.script.setProperty("chitieu:webAppUrl", WEB_APP);
    const [old] = issue(world, "STTTT");
    const post = (key: string) =>
      JSON.parse(world.post(envelopeBody(validReport(template, randomUUID()), key)).text) as Answer;
    expect(post(old!.key).ok).toBe(true);
    const [fresh] = issue(world, "STTTT");
    expect(fresh!.key).not.toBe(old!.key);
    expect(post(old!.key)).toMatchObject({ ok: false, error: { code: "bad-signature" } });
    expect(post(fresh!.key).ok).toBe(true);

    world.ui.answer("NOPE");
    world.run("issueAccessCodes");
    expect(world.ui.alerts.at(-1)).toContain("NOPE");
  });
});
