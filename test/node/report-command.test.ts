// `chitieu report`: three units report through `chitieu submit` to a real tracker (one late, one
// missing), the consolidator writes bao-cao.docx, LibreOffice prints it to PDF, and the PDF's text
// and the .docx's own XML are read back.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatAccessCode } from "../../src/core/wire/access-code.js";
import type { CommandIO } from "../../src/node/io.js";
import { findTemplate } from "../../src/node/lookup.js";
import { runCli } from "../../src/node/program.js";
import { openStore } from "../../src/node/tracker/open-store.js";
import { buildServer } from "../../src/node/tracker/server.js";
import {
  annualReports,
  annualUnits,
  expectedFacts,
  expectedSections,
  REPORT_AT,
  tableFacts,
} from "../fixtures/annual-reports.js";

const RESULTS = join(import.meta.dirname, "../../test-results");
const keyOf = (code: string) =>
  code
    .toLowerCase()
    .padEnd(64, "7")
    .replace(/[^0-9a-f]/gu, "c");

async function run(...argv: string[]) {
  const out: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: (s) => out.push(s) };
  return { code: await runCli(argv, io), out: out.join("\n") };
}

afterEach(() => {
  vi.useRealTimers();
});

/** A data folder whose tracker received the three units' reports through `chitieu submit`. */
async function trackerWithReports(): Promise<string> {
  const data = mkdtempSync(join(tmpdir(), "chitieu-report-"));
  const store = openStore(data);
  store.importUnits(annualUnits);
  for (const u of annualUnits) store.setKey(u.code, keyOf(u.code));
  const app = buildServer({ store });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/submit`;
  try {
    // Only the clock is stepped, so the officer's machine and the tracker agree on the day.
    vi.useFakeTimers({ toFake: ["Date"] });
    for (const [i, r] of annualReports(findTemplate("can-tho-2256")).entries()) {
      const file = join(data, `report-${i}.json`);
      writeFileSync(file, JSON.stringify(r.submission));
      vi.setSystemTime(new Date(r.sendAt));
      const code = formatAccessCode({ url, unit: r.unit.code, key: keyOf(r.unit.code) });
      const sent = await run("submit", file, "--code", code, "--outbox", join(data, "outbox.json"));
      expect(sent.code, sent.out).toBe(0);
    }
  } finally {
    vi.useRealTimers();
    await app.close();
    store.close();
  }
  return data;
}

const squash = (s: string) => s.replace(/\s+/gu, "");

function docxParts(file: string) {
  const parts = unzipSync(readFileSync(file));
  const xml = (name: string) => strFromU8(parts[name]!);
  return { document: xml("word/document.xml"), styles: xml("word/styles.xml") };
}

describe("chitieu report", () => {
  it("writes bao-cao.docx that LibreOffice prints with every unit, number and section in order", async () => {
    const data = await trackerWithReports();
    const docx = join(data, "bao-cao.docx");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(REPORT_AT));
    const r = await run(
      "report",
      "--plan",
      "can-tho-2256",
      "--period",
      "2025",
      "--data",
      data,
      "-o",
      docx,
    );
    vi.useRealTimers();
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("2/3 đơn vị đã nộp");

    const profile = mkdtempSync(join(tmpdir(), "chitieu-lo-"));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        data,
        docx,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    const pdf = join(data, "bao-cao.pdf");
    // pdftotext reads a table column by column and may split a word where a justified line is
    // stretched: facts are compared without spaces, a table's cells by their first word.
    const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"]).toString("utf8"));
    for (const fact of expectedFacts) expect(text).toContain(squash(fact));
    for (const fact of tableFacts) expect(text).toContain(fact.split(" ")[0]);
    const positions = expectedSections.map((s) => text.indexOf(squash(s)));
    expect(
      positions.every((p) => p >= 0),
      positions.join(","),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The header before the body, "Nơi nhận" and the signer after it.
    expect(text.indexOf("BÁOCÁO")).toBeLessThan(positions[0]!);
    expect(text.indexOf("Nơinhận:")).toBeGreaterThan(positions.at(-1)!);
    expect(text.lastIndexOf("GIÁMĐỐC")).toBeGreaterThan(positions.at(-1)!);

    mkdirSync(RESULTS, { recursive: true });
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "80",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      join(RESULTS, "bao-cao-trang-1"),
    ]);
    expect(readFileSync(join(RESULTS, "bao-cao-trang-1.png")).subarray(1, 4).toString()).toBe(
      "PNG",
    );
  }, 180_000);

  it("lays the .docx out as Nghị định 30/2020 sets: A4, margins, Times New Roman 13–14 pt", async () => {
    const data = await trackerWithReports();
    const docx = join(data, "bao-cao.docx");
    expect(
      (
        await run(
          "report",
          "--plan",
          "can-tho-2256",
          "--period",
          "2025",
          "--data",
          data,
          "-o",
          docx,
        )
      ).code,
    ).toBe(0);
    const { document, styles } = docxParts(docx);
    // Twentieths of a point: A4 is 210 × 297 mm; top and bottom 20 mm, left 30 mm, right 15 mm.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    const margin = /<w:pgMar ([^>]*)\/>/u.exec(document)![1]!;
    expect(margin).toContain('w:top="1134"');
    expect(margin).toContain('w:bottom="1134"');
    expect(margin).toContain('w:left="1701"');
    expect(margin).toContain('w:right="850"');
    expect(styles).toMatch(
      /<w:docDefaults>.*<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>.*<w:sz w:val="28"\/>/su,
    );
    // No run names another font; sizes are 13–14 pt but for the few Phụ lục I sets smaller.
    expect(document).not.toMatch(/<w:rFonts/u);
    const sizes = new Set(
      [...document.matchAll(/<w:sz w:val="(\d+)"\/>/gu)].map((m) => Number(m[1])),
    );
    expect(
      [...sizes].every((s) => [22, 24, 26, 28].includes(s)),
      [...sizes].join(","),
    ).toBe(true);
    const small = [
      ...document.matchAll(
        /<w:p>(?:(?!<\/w:p>).)*<w:sz w:val="2[24]"\/>(?:(?!<\/w:p>).)*<\/w:p>/gsu,
      ),
    ]
      .map((m) => m[0].replace(/<[^>]+>/gu, ""))
      .filter((t) => t !== "");
    // 12 pt: the Quốc hiệu and "Nơi nhận:"; 11 pt: the recipients (Phụ lục I, II.1 and II.9).
    expect(small).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Nơi nhận:",
      "- Ủy ban nhân dân thành phố Cần Thơ (để báo cáo);",
      "- Các đơn vị báo cáo;",
      "- Lưu: VT.",
    ]);
    // Text stays text: a "=" is a character, and the body holds no field at all.
    expect(document).toContain("Truyền thông: =SUM(A1:A9) Thiếu nhân lực");
    expect(document).not.toMatch(/w:instrText|w:fldSimple|w:fldChar/u);
    expect(document).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  }, 120_000);

  it("writes a report before any unit has reported, and says so", async () => {
    const data = mkdtempSync(join(tmpdir(), "chitieu-report-empty-"));
    const store = openStore(data);
    store.importUnits(annualUnits);
    store.close();
    const docx = join(data, "bao-cao.docx");
    const r = await run(
      "report",
      "--plan",
      "can-tho-2256",
      "--period",
      "2025",
      "--data",
      data,
      "-o",
      docx,
    );
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("Chưa đơn vị nào nộp báo cáo Năm 2025");
    expect(r.out).toContain("no unit has reported for 2025 yet");
    const text = docxParts(docx).document.replace(/<[^>]+>/gu, "");
    expect(text).toContain("chưa có đơn vị nào gửi báo cáo năm 2025");
    expect(text).toContain(
      "Chưa báo cáo (3): Sở Thông tin và Truyền thông; Văn phòng UBND thành phố; Công an thành phố.",
    );
  });

  it.each([
    [["--period", "2025/12"], /Kỳ báo cáo "2025\/12" không hợp lệ.* \/ bad period/u],
    [["--plan", "khong-co"], /Không có biểu mẫu "khong-co" \/ no template "khong-co"/u],
    [["-o", "bao-cao.pdf"], /phải kết thúc bằng \.docx \/ the file name must end in \.docx/u],
    [["-o", "/khong/co/thu-muc/bao-cao.docx"], /không tồn tại.* \/ the folder .* does not exist/u],
    [["--data", "/khong/co/du-lieu"], /Không có dữ liệu tracker .* \/ no tracker data/u],
  ])("refuses %j with exit 2 and a message in Vietnamese and English", async (args, message) => {
    const data = mkdtempSync(join(tmpdir(), "chitieu-report-bad-"));
    openStore(data).close();
    const base: Record<string, string> = {
      "--plan": "can-tho-2256",
      "--period": "2025",
      "--data": data,
      "-o": join(data, "bao-cao.docx"),
    };
    for (let i = 0; i < args.length; i += 2) base[args[i]!] = args[i + 1]!;
    const r = await run("report", ...Object.entries(base).flat());
    expect(r.code).toBe(2);
    expect(r.out).toMatch(message);
    expect(r.out).not.toMatch(/\bat .*\.ts:\d+/u);
  });

  it("refuses an -o that is a folder, and a missing -o, with exit 2", async () => {
    const data = mkdtempSync(join(tmpdir(), "chitieu-report-bad-"));
    openStore(data).close();
    mkdirSync(join(data, "x.docx"));
    const common = ["report", "--plan", "can-tho-2256", "--period", "2025", "--data", data];
    const folder = await run(...common, "-o", join(data, "x.docx"));
    expect(folder.code).toBe(2);
    expect(folder.out).toContain("là một thư mục / is a folder");
    const missing = await run(...common);
    expect(missing.code).toBe(2);
    expect(missing.out).toMatch(/--output/u);
  });
});
