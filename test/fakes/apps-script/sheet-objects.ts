// The objects a sheet holds besides values, as far as chitieu uses them: conditional format rules
// (text equal to a word, a colour), embedded charts and protections.
import type { FakeRange } from "./spreadsheet.js";

export interface FakeConditionalRule {
  text: string;
  background?: string;
  fontColor?: string;
  ranges: string[];
}

export class FakeConditionalFormatRuleBuilder {
  private readonly rule: FakeConditionalRule = { text: "", ranges: [] };
  whenTextEqualTo(text: string): this {
    this.rule.text = text;
    return this;
  }
  setBackground(colour: string): this {
    this.rule.background = colour;
    return this;
  }
  setFontColor(colour: string): this {
    this.rule.fontColor = colour;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.rule.ranges = ranges.map((r) => r.getA1Notation());
    return this;
  }
  build(): FakeConditionalRule {
    return { ...this.rule, ranges: [...this.rule.ranges] };
  }
}

export interface FakeChart {
  type: string;
  title?: string;
  ranges: string[];
  position?: [number, number];
}

export class FakeChartBuilder {
  private readonly chart: FakeChart = { type: "unset", ranges: [] };
  asPieChart(): this {
    this.chart.type = "pie";
    return this;
  }
  asColumnChart(): this {
    this.chart.type = "column";
    return this;
  }
  asBarChart(): this {
    this.chart.type = "bar";
    return this;
  }
  asLineChart(): this {
    this.chart.type = "line";
    return this;
  }
  addRange(range: FakeRange): this {
    this.chart.ranges.push(range.getA1Notation());
    return this;
  }
  setTitle(title: string): this {
    this.chart.title = title;
    return this;
  }
  setOption(): this {
    return this;
  }
  setPosition(row: number, column: number): this {
    this.chart.position = [row, column];
    return this;
  }
  build(): FakeChart {
    if (this.chart.ranges.length === 0) throw new Error("A chart needs at least one range.");
    return { ...this.chart, ranges: [...this.chart.ranges] };
  }
}

export class FakeProtection {
  warningOnly = false;
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  setDescription(): this {
    return this;
  }
}
