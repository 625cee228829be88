// `validate` and `submit` run one check: a workbook the submission schema would refuse is refused by
// both at its cells, and nothing is queued that could never be sent.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatAccessCode } from "../../src/core/wire/access-code.js";
import { buildLayout } from "../../src/core/sheet/layout.js";
import { findTemplate } from "../../src/node/lookup.js";
import type { SqliteStore } from "../../src/node/tracker/store.js";
import { run, startTracker, type LoopbackTracker } from "../fixtures/cli.js";
import { addressOf, fillWorkbook, validEdits } from "../fixtures/fill-workbook.js";

const KEY = "d".repeat(64);
const PLAN = "can-tho-2256";
const unit = {
  code: "STTTT",
  name: "Sở Thông tin và Truyền thông",
  kind: "department",
  level: "province",
} as const;

let store: SqliteStore | undefined;
let app: LoopbackTracker["app"] | undefined;
afterEach(async () => {
  await app?.close();
  store?.close();
  app = store = undefined;
});

/** A valid report but for a 5,000-character note and 2^53 + 2 đồng allocated (total and one part). */
async function oversizedReport(dir: string) {
  const blank = join(dir, "blank.xlsx");
  const file = join(dir, "bao-cao.xlsx");
  expect(
    (await run("template", PLAN, "--unit", unit.code, "--period", "2025", "-o", blank)).code,
  ).toBe(0);
  const template = findTemplate(PLAN);
  const layout = buildLayout(template, unit, "2025");
  const { total, parts } = template.budget!;
  const at = (ref: Parameters<typeof addressOf>[1]) => addressOf(layout, ref);
  const noteCell = at({ kind: "indicator", id: template.indicators[0]!.id, field: "note" });
  const totalCell = at({ kind: "budget", id: total.id, field: "allocated" });
  const partCell = at({ kind: "budget", id: parts[0]!.id, field: "allocated" });
  await fillWorkbook(blank, file, [
    ...validEdits(template, unit, layout, new Date()),
    { address: noteCell, value: "Giải trình ".repeat(500).slice(0, 5000) },
    { address: totalCell, value: 2 ** 53 + 2 },
    { address: partCell, value: 2 ** 53 + 2 },
    ...parts
      .slice(1)
      .map((p) => ({ address: at({ kind: "budget", id: p.id, field: "allocated" }), value: null })),
    ...[total, ...parts].map((p) => ({
      address: at({ kind: "budget", id: p.id, field: "disbursed" }),
      value: null,
    })),
  ]);
  return { file, noteCell, totalCell, partCell, template };
}

/** The lines that name the three cells, as both commands print them. */
const locatedLines = (out: string, cells: string[]) =>
  out.split("\n").filter((line) => cells.some((cell) => line.includes(`Báo cáo!${cell} `)));

describe("one check for validate and submit", () => {
  it("validate finds the long note and the amount past 2^53 at their cells, exit 1; submit refuses the same, exit 1, nothing queued", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-limits-"));
    const { file, noteCell, totalCell, partCell, template } = await oversizedReport(dir);

    const v = await run("validate", file, "--now", "2025-12-01T10:00:00+07:00");
    expect(v.code, v.out).toBe(1);
    const cells = [noteCell, totalCell, partCell];
    const found = locatedLines(v.out, cells);
    expect(found).toHaveLength(3);
    expect(found.find((l) => l.includes(noteCell))).toContain(
      `· ${template.indicators[0]!.id} · Giải trình / ghi chú: Văn bản dài 5.000 ký tự, quá giới hạn 4.000 ký tự`,
    );
    expect(found.find((l) => l.includes(totalCell))).toContain(
      `· ${template.budget!.total.id} · Kinh phí đã bố trí: Giá trị 9.007.199.254.740.994 ngoài khoảng cho phép 0 – 657.187.600.000`,
    );

    const tracker = await startTracker(unit, KEY);
    ({ store, app } = tracker);
    const port = tracker.port;
    const code = formatAccessCode({
      url: `http://127.0.0.1:${port}/api/submit`,
      unit: unit.code,
      key: KEY,
    });
    const outbox = join(dir, "outbox.json");
    const s = await run("submit", file, "--code", code, "--outbox", outbox);
    expect(s.code, s.out).toBe(1);
    expect(s.out).not.toMatch(/ZodError|at .*\.ts:\d+/u);
    expect(locatedLines(s.out, cells)).toEqual(found);
    expect(s.out).toContain("còn lỗi, chưa gửi / has errors, not sent");
    expect(store.submissionCount()).toBe(0);
    expect(existsSync(outbox) ? JSON.parse(readFileSync(outbox, "utf8")) : []).toEqual([]);
  });
});
