// The range helpers a sheet hands out: a TextFinder over what the cells show, and a RangeList that
// formats or fills several ranges in one call (one value write, as in Sheets).
import type { FakeRange } from "./spreadsheet.js";
import { checkCellValue, displayOf } from "./typing.js";

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

  /** Cell by cell, as the cells show: a search of a long log costs no copy of it. */
  private matches(): FakeRange[] {
    const { sheet, row, column, numRows, numColumns } = this.range;
    const out: FakeRange[] = [];
    for (let r = row; r < row + numRows; r++)
      for (let c = column; c < column + numColumns; c++) {
        const value = sheet.cell(r, c)?.value;
        if (value === undefined || value === "") continue;
        const shown = displayOf(value);
        if (this.entireCell ? shown === this.text : shown.includes(this.text))
          out.push(sheet.rangeAt(r, c, 1, 1));
      }
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
