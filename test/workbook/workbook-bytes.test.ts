// Files the reader refuses before opening them, each with its own message: real .xls and .ods saved
// by LibreOffice, a password-protected workbook, an empty file, a 50 MB file, other zips and bytes.
import { readFileSync } from "node:fs";
import { deflateSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadUnits } from "../../src/node/lookup.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { readReport } from "../../src/workbook/read-report.js";
import { sniffWorkbook, WORKBOOK_LIMITS } from "../../src/workbook/workbook-bytes.js";
import { hostTool, SOFFICE } from "../fixtures/host-tools.js";
import { libreOffice, reportMaker, withPassword } from "../fixtures/report-files.js";

const hasSoffice = hostTool("LibreOffice (soffice)", SOFFICE);

const templates = loadSeedTemplates().templates;
const maker = reportMaker(
  templates.find((t) => t.id === "hau-giang-190")!,
  loadUnits().find((u) => u.code === "Q-NINHKIEU")!,
);
let report: string;
beforeAll(async () => {
  report = await maker.exceljs("report", maker.valid);
});

const codeOf = (bytes: Uint8Array, limits = WORKBOOK_LIMITS) => sniffWorkbook(bytes, limits)?.code;

interface RawEntry {
  data: Uint8Array;
  method: 0 | 8;
  /** What the entry says it unpacks to; a crafted zip says less than it holds. */
  declared: number;
}

const stored = (text: string): RawEntry => {
  const data = new TextEncoder().encode(text);
  return { data, method: 0, declared: data.length };
};

/** A zip holding the named files, as zip tools write one (stored, or deflated as given). */
function zipOf(files: Record<string, string | RawEntry>): Uint8Array {
  const entries = Object.fromEntries(
    Object.entries(files).map(([n, f]) => [n, typeof f === "string" ? stored(f) : f]),
  );
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 255, n >> 8];
  const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24];
  for (const [name, entry] of Object.entries(entries)) {
    const nameBytes = [...Buffer.from(name)];
    const data = [...entry.data];
    const offset = local.length;
    // CRC left 0: neither the sniffer nor exceljs's zip reader checks it.
    const sizes = [...u32(0), ...u32(data.length), ...u32(entry.declared)];
    const method = u16(entry.method);
    local.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...method, ...u32(0), ...sizes);
    local.push(...u16(nameBytes.length), ...u16(0), ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...method, ...u32(0));
    central.push(...sizes, ...u16(nameBytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0));
    central.push(...u32(0), ...u32(offset), ...nameBytes);
  }
  const count = Object.keys(entries).length;
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count)];
  end.push(...u32(central.length), ...u32(local.length), ...u16(0));
  return Uint8Array.from([...local, ...central, ...end]);
}

describe("files the reader refuses, each with its own message", () => {
  it("an .xlsx within the limits goes through", () => {
    expect(sniffWorkbook(readFileSync(report))).toBeUndefined();
  });

  it("an empty file", async () => {
    expect(codeOf(new Uint8Array(0))).toBe("empty");
    const reading = await readReport(new Uint8Array(0), {
      now: new Date(),
      templateFor: async () => undefined,
    });
    expect(reading).toMatchObject({
      kind: "refused",
      refusal: { code: "empty", message: { vi: expect.stringContaining("Tệp rỗng") } },
    });
  });

  it("a 50 MB file, refused by its size before anything is read", () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(readFileSync(report));
    const refusal = sniffWorkbook(big);
    expect(refusal?.code).toBe("too-large");
    expect(refusal?.message.vi).toContain("50 MB, tối đa 20 MB");
    expect(refusal?.message.en).toContain("50 MB, at most 20 MB");
  });

  it("a password-protected workbook gets its own message", async () => {
    const bytes = readFileSync(await withPassword(report));
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const refusal = sniffWorkbook(bytes);
    expect(refusal?.code).toBe("encrypted");
    expect(refusal?.message.vi).toContain("mật khẩu");
    expect(refusal?.message.en).toContain("password");
  });

  it.runIf(hasSoffice)(
    ".xls and .ods saved by LibreOffice: save as .xlsx",
    () => {
      const [xls] = libreOffice([report], "xls");
      const [ods] = libreOffice([report], "ods");
      const asXls = sniffWorkbook(readFileSync(xls!));
      expect(asXls?.code).toBe("xls");
      expect(asXls?.message.vi).toContain(".xlsx");
      const asOds = sniffWorkbook(readFileSync(ods!));
      expect(asOds?.code).toBe("ods");
      expect(asOds?.message.en).toContain("Save As");
    },
    240_000,
  );

  it("a zip that is not a workbook, and bytes that are not a zip", () => {
    expect(codeOf(zipOf({ "word/document.xml": "<w:document/>" }))).toBe("not-xlsx");
    expect(codeOf(new TextEncoder().encode("code,name\nSTTTT,Sở"))).toBe("not-xlsx");
    // A zip cut short: its central directory is gone.
    expect(codeOf(readFileSync(report).subarray(0, 2000))).toBe("unreadable");
  });

  it("a zip that declares more unpacked bytes than the limit", () => {
    const bytes = zipOf({ "xl/workbook.xml": "x".repeat(2000), "[Content_Types].xml": "<T/>" });
    expect(codeOf(bytes)).toBeUndefined();
    const limits = { ...WORKBOOK_LIMITS, maxUnzippedBytes: 1000 };
    expect(codeOf(bytes, limits)).toBe("too-large-unzipped");
    expect(
      codeOf(zipOf({ "xl/workbook.xml": "", a: "", b: "" }), { ...limits, maxEntries: 2 }),
    ).toBe("too-large-unzipped");
  });

  it("a zip that holds more than it declares is stopped at the limit, not unpacked whole", () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = { data: deflateSync(zeros), method: 8, declared: 1000 } as const;
    expect(bomb.data.length).toBeLessThan(20_000);
    const bytes = zipOf({ "xl/workbook.xml": bomb, "[Content_Types].xml": "<T/>" });
    const refusal = sniffWorkbook(bytes, { ...WORKBOOK_LIMITS, maxUnzippedBytes: 1024 * 1024 });
    expect(refusal?.code).toBe("too-large-unzipped");
    expect(refusal?.message.en).toContain("(> 1 MB, at most 1 MB)");
    // Told the truth, the same entry passes within a limit that holds it.
    const honest = zipOf({
      "xl/workbook.xml": { ...bomb, declared: zeros.length },
      "[Content_Types].xml": "<T/>",
    });
    expect(sniffWorkbook(honest)).toBeUndefined();
  });

  it("a damaged workbook says it is damaged, naming why", async () => {
    const bytes = zipOf({ "xl/workbook.xml": "<not-a-workbook", "[Content_Types].xml": "<T/>" });
    const reading = await readReport(bytes, {
      now: new Date(),
      templateFor: async () => undefined,
    });
    expect(reading.kind).toBe("refused");
    if (reading.kind === "refused") expect(reading.refusal.code).toBe("unreadable");
  });
});
