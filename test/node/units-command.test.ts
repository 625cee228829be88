// `chitieu units import`: files it cannot use are refused like every command's unusable input.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/node/tracker/open-store.js";
import { run } from "../fixtures/cli.js";

function dataFolder() {
  return mkdtempSync(join(tmpdir(), "chitieu-units-"));
}

function unitCount(data: string): number {
  const store = openStore(data);
  try {
    return store.units().length;
  } finally {
    store.close();
  }
}

describe("chitieu units import", () => {
  it("refuses a file it cannot read with exit 2 and the file's name, importing nothing", async () => {
    const data = dataFolder();
    const folder = mkdtempSync(join(tmpdir(), "chitieu-not-a-file-"));
    const { code, out } = await run("units", "import", folder, "--data", data);
    expect(code).toBe(2);
    expect(out).toContain(`${folder}: không đọc được / cannot read`);
    expect(out).toContain("Chưa nhập gì / nothing imported");
    expect(out).not.toMatch(/\n\s+at /u);
    expect(unitCount(data)).toBe(0);
  });

  it("refuses text that is not CSV with exit 2, and the good file beside it is not imported either", async () => {
    const data = dataFolder();
    const dir = mkdtempSync(join(tmpdir(), "chitieu-csv-"));
    const good = join(dir, "good.csv");
    const bad = join(dir, "bad.csv");
    writeFileSync(
      good,
      "code,name,kind,level\nSTTTT,Sở Thông tin và Truyền thông,department,province\n",
    );
    writeFileSync(bad, 'code,name,kind,level\n"STC,Sở Tài chính');
    const { code, out } = await run("units", "import", good, bad, "--data", data);
    expect(code).toBe(2);
    expect(out).toContain("CSV không hợp lệ / invalid CSV");
    expect(unitCount(data)).toBe(0);
  });

  it("imports usable files with exit 0", async () => {
    const data = dataFolder();
    const file = join(mkdtempSync(join(tmpdir(), "chitieu-csv-")), "units.csv");
    writeFileSync(
      file,
      "code,name,kind,level\nSTTTT,Sở Thông tin và Truyền thông,department,province\n",
    );
    const { code, out } = await run("units", "import", file, "--data", data);
    expect(code).toBe(0);
    expect(out).toContain("imported 1 units");
    expect(unitCount(data)).toBe(1);
  });
});
