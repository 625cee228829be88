// The rows of a unit history file as units and successions, each located by file and line.
import { describe, expect, it } from "vitest";
import {
  COMMUNES_FROM,
  historyFileKind,
  readHistoryRows,
} from "../../../src/core/plan/history-rows.js";

describe("historyFileKind", () => {
  it.each([
    [["code", "name", "kind", "level"], "units"],
    [["Code", " Name ", "KIND", "level", "validFrom"], "units"],
    [["from", "to", "effective", "basis", "duty"], "successions"],
    [["province", "commune_code", "commune", "type"], "communes"],
    [["code", "name"], undefined],
  ])("%j is %s", (header, kind) => {
    expect(historyFileKind(header)).toBe(kind);
  });
});

describe("readHistoryRows", () => {
  it("reads a unit list with its dates, at each row's line, skipping blank rows", () => {
    const read = readHistoryRows({
      file: "u.csv",
      rows: [
        ["code", "name", "kind", "level", "validFrom", "validTo"],
        ["Q-NK", "UBND quận Ninh Kiều", "district", "district", "", "2025-06-30"],
        ["", " ", "", "", "", ""],
        ["SYT", "Sở Y tế", "department", "province", "", ""],
      ],
    });
    expect(read.problems).toEqual([]);
    expect(read.successions).toEqual([]);
    expect(read.units).toEqual([
      {
        value: {
          code: "Q-NK",
          name: "UBND quận Ninh Kiều",
          kind: "district",
          level: "district",
          validTo: "2025-06-30",
        },
        file: "u.csv",
        line: 2,
      },
      {
        value: { code: "SYT", name: "Sở Y tế", kind: "department", level: "province" },
        file: "u.csv",
        line: 4,
      },
    ]);
  });

  it("locates a row by the file line it starts on, when a quoted field spans lines", () => {
    const read = readHistoryRows({
      file: "u.csv",
      rows: [
        ["code", "name", "kind", "level"],
        ["A", "Sở A", "department", "nation"],
      ],
      lines: [1, 7],
    });
    expect(read.units).toEqual([]);
    expect(read.problems).toEqual([
      {
        file: "u.csv",
        line: 7,
        message: {
          vi: expect.stringMatching(/^cột level: /u) as string,
          en: expect.stringMatching(/^column level: /u) as string,
        },
      },
    ]);
  });

  it("reads a succession table, the duty optional", () => {
    const read = readHistoryRows({
      file: "s.csv",
      rows: [
        ["from", "to", "effective", "basis", "duty"],
        ["Q-NK", "X-31150", "2025-07-01", "NQ 1668/NQ-UBTVQH15", ""],
        ["STTTT", "SKHCN", "2025-03-01", "NĐ 45/2025/NĐ-CP", "chuyển đổi số"],
      ],
    });
    expect(read.problems).toEqual([]);
    expect(read.successions.map((s) => [s.value, s.line])).toEqual([
      [{ from: "Q-NK", to: "X-31150", effective: "2025-07-01", basis: "NQ 1668/NQ-UBTVQH15" }, 2],
      [
        {
          from: "STTTT",
          to: "SKHCN",
          effective: "2025-03-01",
          basis: "NĐ 45/2025/NĐ-CP",
          duty: "chuyển đổi số",
        },
        3,
      ],
    ]);
  });

  const communes = {
    file: "vietmap.csv",
    rows: [
      ["province", "commune_code", "commune", "type"],
      ["Thành phố Cần Thơ", "31150", "Phường Ninh Kiều", "phuong"],
      ["Thành phố Cần Thơ", "31200", "Xã Phong Điền", "xa"],
      ["Tỉnh An Giang", "30001", "Đặc khu Phú Quốc", "dac-khu"],
    ],
  };

  it("takes one province's communes as units valid from 1 July 2025, coded X-<code>", () => {
    const read = readHistoryRows(communes, { province: "Thành phố Cần Thơ" });
    expect(COMMUNES_FROM).toBe("2025-07-01");
    expect(read.problems).toEqual([]);
    expect(read.units.map((u) => u.value)).toEqual([
      {
        code: "X-31150",
        name: "UBND phường Ninh Kiều",
        kind: "commune",
        level: "commune",
        validFrom: "2025-07-01",
      },
      {
        code: "X-31200",
        name: "UBND xã Phong Điền",
        kind: "commune",
        level: "commune",
        validFrom: "2025-07-01",
      },
    ]);
  });

  it("asks which province when the list holds several, and says when one has no commune", () => {
    const all = readHistoryRows(communes);
    expect(all.problems.map((p) => p.message.en)).toEqual([
      'the list holds 2 provinces: pick one (--province "Thành phố Cần Thơ")',
    ]);
    const none = readHistoryRows(communes, { province: "Tỉnh Hậu Giang" });
    expect(none.units).toEqual([]);
    expect(none.problems.map((p) => p.message.en)).toEqual(['no commune of "Tỉnh Hậu Giang"']);
  });

  it("refuses a file whose first line names no known columns, at line 1", () => {
    const read = readHistoryRows({ file: "x.csv", rows: [["ma", "ten"]] });
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ file: "x.csv", line: 1 });
    expect(read.problems[0]?.message.en).toMatch(/^the first line must be code,name,kind,level/u);
  });
});
