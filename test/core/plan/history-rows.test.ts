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

const csv = (file: string, text: string, lines?: number[]) => ({
  file,
  rows: text.split("\n").map((l) => l.split(",")),
  ...(lines ? { lines } : {}),
});

describe("historyFileKind", () => {
  it.each([
    [["code", "name", "kind", "level"], "units"],
    [[" Code ", "NAME", "kind", "level", "validFrom", "validTo"], "units"],
    [["province", "commune_code", "commune", "type"], "communes"],
    [["from", "to", "effective", "basis", "duty"], "successions"],
    // A succession table with a code column is still a succession table.
    [["code", "name", "kind", "level", "from", "to", "effective", "basis"], "successions"],
    [["code", "name", "kind", "level", "province", "commune_code", "commune", "type"], "communes"],
    [["code", "name", "kind"], undefined],
    [[], undefined],
  ])("%j is %s", (header, kind) => {
    expect(historyFileKind(header)).toBe(kind);
  });
});

describe("readHistoryRows: units", () => {
  it("reads each unit with its bounds, located at its line, and skips blank rows", () => {
    const out = readHistoryRows(
      csv(
        "don-vi.csv",
        "code,name,kind,level,validFrom,validTo\n" +
          "STTTT, Sở Thông tin và Truyền thông ,department,province,,2025-02-28\n" +
          " , ,,,,\n" +
          "SKHCN,Sở Khoa học và Công nghệ,department,province,2025-03-01,",
      ),
    );
    expect(out).toEqual({
      units: [
        {
          file: "don-vi.csv",
          line: 2,
          value: {
            code: "STTTT",
            name: "Sở Thông tin và Truyền thông",
            kind: "department",
            level: "province",
            validTo: "2025-02-28",
          },
        },
        {
          file: "don-vi.csv",
          line: 4,
          value: {
            code: "SKHCN",
            name: "Sở Khoa học và Công nghệ",
            kind: "department",
            level: "province",
            validFrom: "2025-03-01",
          },
        },
      ],
      successions: [],
      problems: [],
    });
  });

  it("reads a row shorter than its header, as spreadsheets export trailing empty cells", () => {
    const out = readHistoryRows(
      csv("u.csv", "code,name,kind,level,validFrom,validTo\nB,Sở B,department,province"),
    );
    expect(out.problems).toEqual([]);
    expect(out.units.map((u) => u.value)).toEqual([
      { code: "B", name: "Sở B", kind: "department", level: "province" },
    ]);
  });

  it("takes the file line of each row where a quoted field spans lines", () => {
    const out = readHistoryRows(
      csv(
        "u.csv",
        "code,name,kind,level\nA,Sở A,department,province\nB,Sở B,department,bogus",
        [1, 2, 5],
      ),
    );
    expect(out.units.map((u) => u.line)).toEqual([2]);
    expect(out.problems).toEqual([
      {
        file: "u.csv",
        line: 5,
        message: {
          vi: expect.stringMatching(/^cột level: \S/u),
          en: expect.stringMatching(/^column level: \S/u),
        },
      },
    ]);
  });

  it("refuses a row for each column it gets wrong, naming the column", () => {
    const out = readHistoryRows(csv("u.csv", "code,name,kind,level\nA,Sở A,ministry,country"));
    expect(out.units).toEqual([]);
    expect(out.problems.map((p) => [p.line, p.message.en.split(":")[0]])).toEqual([
      [2, "column kind"],
      [2, "column level"],
    ]);
  });

  it("refuses a file whose header it does not know, at line 1", () => {
    const out = readHistoryRows(csv("x.csv", "ma,ten\nA,Sở A"));
    expect(out.units).toEqual([]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ file: "x.csv", line: 1 });
    expect(out.problems[0]!.message.en).toMatch(/^the first line must be code,name,kind,level/u);
    expect(out.problems[0]!.message.vi).toMatch(/^dòng đầu phải là code,name,kind,level/u);
  });
});

describe("readHistoryRows: successions", () => {
  it("reads each succession, its duty where given", () => {
    const out = readHistoryRows(
      csv(
        "s.csv",
        "from,to,effective,basis,duty\n" +
          "STTTT,SKHCN,2025-03-01,NĐ 45/2025/NĐ-CP,\n" +
          "STTTT,SNV,2025-03-01,NĐ 45/2025/NĐ-CP,báo chí",
      ),
    );
    expect(out.successions).toEqual([
      {
        file: "s.csv",
        line: 2,
        value: { from: "STTTT", to: "SKHCN", effective: "2025-03-01", basis: "NĐ 45/2025/NĐ-CP" },
      },
      {
        file: "s.csv",
        line: 3,
        value: {
          from: "STTTT",
          to: "SNV",
          effective: "2025-03-01",
          basis: "NĐ 45/2025/NĐ-CP",
          duty: "báo chí",
        },
      },
    ]);
    expect([out.units, out.problems]).toEqual([[], []]);
  });

  it("refuses a succession with a bad date, naming the column", () => {
    const out = readHistoryRows(csv("s.csv", "from,to,effective,basis\nA,B,1/7/2025,NQ 1"));
    expect(out.successions).toEqual([]);
    expect(out.problems.map((p) => [p.file, p.line, p.message.vi.split(":")[0]])).toEqual([
      ["s.csv", 2, "cột effective"],
    ]);
  });
});

describe("readHistoryRows: VietMap's communes", () => {
  const LIST =
    "province,commune_code,commune,type\n" +
    "Thành phố Cần Thơ,31150,Phường Ninh Kiều,phuong\n" +
    "Thành phố Cần Thơ,31153,Xã Phong Điền,xa\n" +
    "Tỉnh An Giang,30010,Đặc khu Phú Quốc,dac-khu\n" +
    "Tỉnh An Giang,30013,Xã Mỹ Hòa Hưng,bogus";

  it("makes each commune of the chosen province a unit from 1 July 2025", () => {
    const out = readHistoryRows(csv("xa.csv", LIST), { province: " Thành phố  Cần Thơ " });
    expect(COMMUNES_FROM).toBe("2025-07-01");
    expect(out.problems).toEqual([]);
    expect(out.units).toEqual([
      {
        file: "xa.csv",
        line: 2,
        value: {
          code: "X-31150",
          name: "UBND phường Ninh Kiều",
          kind: "commune",
          level: "commune",
          validFrom: "2025-07-01",
        },
      },
      {
        file: "xa.csv",
        line: 3,
        value: {
          code: "X-31153",
          name: "UBND xã Phong Điền",
          kind: "commune",
          level: "commune",
          validFrom: "2025-07-01",
        },
      },
    ]);
  });

  it("names a special zone as such, and an unknown type as a commune", () => {
    const out = readHistoryRows(csv("xa.csv", LIST), { province: "Tỉnh An Giang" });
    expect(out.units.map((u) => u.value.name)).toEqual([
      "UBND đặc khu Phú Quốc",
      "UBND xã Mỹ Hòa Hưng",
    ]);
  });

  it("leaves a name without a leading kind word as it is", () => {
    const out = readHistoryRows(
      csv("xa.csv", "province,commune_code,commune,type\nTỉnh Mẫu,1,Tân Phường Tây,xa"),
    );
    expect(out.units.map((u) => u.value.name)).toEqual(["UBND Tân Phường Tây"]);
  });

  it("asks which province when the list holds several", () => {
    const out = readHistoryRows(csv("xa.csv", LIST));
    expect(out.units).toHaveLength(4);
    expect(out.problems).toEqual([
      {
        file: "xa.csv",
        line: 1,
        message: {
          vi: 'danh sách có 2 tỉnh: chọn một (--province "Thành phố Cần Thơ")',
          en: 'the list holds 2 provinces: pick one (--province "Thành phố Cần Thơ")',
        },
      },
    ]);
  });

  it("reads a one-province list without being told the province", () => {
    const one = LIST.split("\n").slice(0, 3).join("\n");
    const out = readHistoryRows(csv("xa.csv", one));
    expect([out.units.length, out.problems]).toEqual([2, []]);
  });

  it("reads an empty commune list as no units and no problem, when no province is asked for", () => {
    const out = readHistoryRows(csv("xa.csv", "province,commune_code,commune,type"));
    expect(out).toEqual({ units: [], successions: [], problems: [] });
  });

  it("a province asked for concerns only the commune list, not a succession table", () => {
    const out = readHistoryRows(csv("s.csv", "from,to,effective,basis\nA,B,2025-07-01,NQ 1/2025"), {
      province: "Tỉnh Hậu Giang",
    });
    expect([out.successions.length, out.problems]).toEqual([1, []]);
  });

  it("says so when no commune belongs to the province asked for", () => {
    const out = readHistoryRows(csv("xa.csv", LIST), { province: "Tỉnh Hậu Giang" });
    expect(out.units).toEqual([]);
    expect(out.problems).toEqual([
      {
        file: "xa.csv",
        line: 1,
        message: {
          vi: 'không có xã nào của "Tỉnh Hậu Giang"',
          en: 'no commune of "Tỉnh Hậu Giang"',
        },
      },
    ]);
  });
});
