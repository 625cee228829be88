// The range helpers a sheet hands out: a TextFinder over what the cells show, and a RangeList that
// formats or fills several ranges in one call (one value write, as in Sheets).
import type { FakeRange } from "./spreadsheet.js";
import { checkCellValue } from "./typing.js";

export class FakeTextFinder {
  private entireCell = false;
  constructor(
    private readonly range: FakeRange,
    private readonly text: string,
  ) {}

  matchEntireCell(entire: boolean): this {
    this.entireCell = entire;
    return this;
  }

  private matches(): FakeRange[] {
    const out: FakeRange[] = [];
    const shown = this.range.getDisplayValues();
    shown.forEach((row, i) =>
      row.forEach((v, k) => {
        if (this.entireCell ? v === this.text : v.includes(this.text))
          out.push(this.range.sheet.rangeAt(this.range.row + i, this.range.column + k, 1, 1));
      }),
    );
    return out;
  }

  findNext() {
    const first = this.matches()[0];
    return first ? this.range.sheet.wrap(first, "Range") : null;
  }
  findAll() {
    return this.matches().map((r) => this.range.sheet.wrap(r, "Range"));
  }
}

export class FakeRangeList {
  constructor(private readonly ranges: FakeRange[]) {}
  getRanges() {
    return this.ranges.map((r) => r.sheet.wrap(r, "Range"));
  }
  setNumberFormat(format: string): this {
    for (const r of this.ranges) r.setNumberFormat(format);
    return this;
  }
  setValue(v: unknown): this {
    checkCellValue(v);
    this.ranges[0]?.sheet.valueWrite();
    for (const r of this.ranges) r.each((row, col) => r.sheet.enter(row, col, v));
    return this;
  }
  setFontWeight(weight: string): this {
    for (const r of this.ranges) r.setFontWeight(weight);
    return this;
  }
}
