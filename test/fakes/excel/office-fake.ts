// An in-memory Office.js for Excel: proxy objects queue their reads and writes, which happen only at
// context.sync(), as in Excel. It counts syncs and loaded cells, refuses requests and responses over
// Excel on the web's 5 MB, models sheet protection and cell edit mode, and throws when a property is
// read before it was loaded and synced. HOST-BEHAVIOUR.md lists each behaviour and its source.
import type { Locale } from "./cell-entry.js";
import { enterText } from "./cell-entry.js";
import type { CellState, Rect, SheetState } from "./workbook-model.js";
import { addressOf, newSheet, parseAddress, WorkbookModel } from "./workbook-model.js";

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Cells whose values or formats this sync loaded. */
  cellsLoaded: number;
  operations: number;
}

/** Requirement sets and their highest version, as Office.context.requirements answers for them. */
export type RequirementSets = Record<string, string>;

/** What the manifest requires (ExcelApi 1.8) and no more: a host that just qualifies. */
export const MINIMUM_HOST: RequirementSets = { ExcelApi: "1.8", DialogApi: "1.1" };

export function supports(sets: RequirementSets, name: string, minVersion = "1.1"): boolean {
  const have = sets[name];
  if (have === undefined) return false;
  const [a, b] = [have, minVersion].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(a!.length, b!.length); i++) {
    const d = (a![i] ?? 0) - (b![i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Excel's enums, as the strings the real API uses. */
export const ExcelEnums = {
  DataValidationOperator: { between: "Between", greaterThanOrEqualTo: "GreaterThanOrEqualTo" },
  DataValidationAlertStyle: { stop: "Stop" },
  ConditionalFormatType: { cellValue: "CellValue" },
  ConditionalCellValueOperator: { equalTo: "EqualTo" },
  ProtectionSelectionMode: { normal: "Normal" },
} as const;

type Op = { bytes: number; run: () => number | void };

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly syncs: SyncRecord[];
  /** Counted by each load as it runs, for the sync that runs it. */
  cellsLoaded = 0;
  private queue: Op[] = [];
  private watchers: (() => void)[] = [];

  constructor(
    readonly model: WorkbookModel,
    syncs: SyncRecord[],
    /** RunOptions.delayForCellEdit, where the host has the requirement set that honours it. */
    private readonly delayForCellEdit = false,
  ) {
    this.syncs = syncs;
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(args: unknown, run: () => number | void): void {
    this.queue.push({ bytes: JSON.stringify(args ?? null).length + 40, run });
  }

  watch(refresh: () => void): void {
    this.watchers.push(refresh);
  }

  async sync(): Promise<void> {
    // While the officer is typing in a cell, Excel refuses a batch, or holds it until they leave it.
    while (this.model.editing) {
      if (!this.delayForCellEdit) {
        this.queue = [];
        throw new OfficeError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB.",
        );
      }
      await this.model.editing.ended;
    }
    const ops = this.queue;
    this.queue = [];
    this.cellsLoaded = 0;
    const requestBytes = ops.reduce((s, o) => s + o.bytes, 0);
    if (requestBytes > REQUEST_LIMIT_BYTES) {
      throw new OfficeError(
        "RequestPayloadSizeLimitExceeded",
        `${requestBytes} bytes in one request`,
      );
    }
    let responseBytes = 0;
    for (const op of ops) responseBytes += op.run() ?? 0;
    if (responseBytes > REQUEST_LIMIT_BYTES) {
      throw new OfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `${responseBytes} bytes in one response`,
      );
    }
    for (const refresh of this.watchers) refresh();
    this.syncs.push({
      requestBytes,
      responseBytes,
      cellsLoaded: this.cellsLoaded,
      operations: ops.length,
    });
  }
}

function loaded<T>(value: T | undefined, name: string): T {
  if (value === undefined)
    throw new OfficeError("PropertyNotLoaded", `${name} was not loaded and synced`);
  return value;
}

/** A sheet found by name at sync time, so a proxy can point at a sheet added earlier in the batch. */
type SheetLocator = () => SheetState | undefined;

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

export class FakeWorksheetCollection {
  constructor(private readonly ctx: FakeRequestContext) {}

  getItem(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name), false);
    this.ctx.enqueue({ getItem: name }, () => {
      if (!this.ctx.model.sheet(name))
        throw new OfficeError("ItemNotFound", `no worksheet ${name}`);
    });
    return sheet;
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    const name = this.ctx.model.active;
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name), false);
  }

  add(name: string): FakeWorksheet {
    const holder = { name };
    this.ctx.enqueue({ add: name }, () => {
      if (this.ctx.model.sheet(name))
        throw new OfficeError("ItemAlreadyExists", `worksheet ${name}`);
      this.ctx.model.sheets.push(newSheet(name));
    });
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(holder.name), false, holder);
  }
}

export class FakeWorksheet implements Pick<Excel.Worksheet, "isNullObject"> {
  private loadedName?: string;
  private nullness?: boolean;
  readonly protection: FakeProtection;
  readonly freezePanes: { freezeAt: (range: FakeRange) => void };
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;

  constructor(
    private readonly ctx: FakeRequestContext,
    readonly locate: SheetLocator,
    private readonly orNull: boolean,
    private readonly holder: { name: string } = { name: "" },
  ) {
    ctx.watch(() => {
      const s = this.locate();
      // Decided by the first sync, as in Excel: a sheet added later under the name does not change it.
      this.nullness ??= this.orNull ? s === undefined : false;
      if (s) this.holder.name = s.name;
    });
    this.protection = new FakeProtection(ctx, () => this.need());
    this.freezePanes = {
      freezeAt: (range) =>
        ctx.enqueue(
          { freezeAt: range.address0 },
          () => void (this.need().freezeAt = range.address0),
        ),
    };
    this.tables = new FakeTableCollection(ctx, () => this.need());
    this.names = new FakeNamedItemCollection(ctx, () => this.locate());
  }

  /** The sheet itself, or Excel's error for acting on a missing one. */
  need(): SheetState {
    const s = this.locate();
    if (!s) throw new OfficeError("ItemNotFound", "worksheet");
    return s;
  }

  get isNullObject(): boolean {
    return loaded(this.nullness, "isNullObject");
  }

  get name(): string {
    return loaded(this.loadedName, "name");
  }

  set name(value: string) {
    this.ctx.enqueue({ name: value }, () => {
      this.need().name = value;
      this.holder.name = value;
    });
  }

  load(props?: string | string[]): this {
    this.ctx.enqueue({ load: props ?? null }, () => {
      const s = this.locate();
      if (s) this.loadedName = s.name;
    });
    return this;
  }

  getRange(address: string): FakeRange {
    return new FakeRange(
      this.ctx,
      () => this.need(),
      () => parseAddress(address),
      address,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    const rect = () => {
      const s = this.locate();
      return s ? this.ctx.model.usedRect(s) : undefined;
    };
    return new FakeRange(this.ctx, () => this.need(), rect, undefined, true);
  }

  activate(): void {
    this.ctx.enqueue({ activate: true }, () => void (this.ctx.model.active = this.need().name));
  }

  delete(): void {
    this.ctx.enqueue({ delete: true }, () => {
      const s = this.need();
      this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
      if (this.ctx.model.active === s.name)
        this.ctx.model.active = this.ctx.model.sheets[0]?.name ?? "";
    });
  }
}

/** A worksheet's names (ExcelApi 1.4): sheet-scoped, gone with their sheet, kept through a rename. */
class FakeNamedItemCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: SheetLocator,
  ) {}

  add(name: string, reference: FakeRange | string): void {
    this.ctx.enqueue({ addName: name }, () => {
      const s = this.sheet();
      if (!s) throw new OfficeError("ItemNotFound", "worksheet");
      // Excel's rules: a letter, "_" or a backslash first; no spaces; nothing that reads as a cell.
      if (!/^[A-Za-z_\\][\w.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/u.test(name))
        throw new OfficeError("InvalidArgument", `name ${name}`);
      if (s.names.has(name)) throw new OfficeError("ItemAlreadyExists", `name ${name}`);
      const address =
        typeof reference === "string" ? reference.replace(/^=/u, "") : reference.address0;
      s.names.set(name, addressOf(parseAddress(address)));
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this.sheet(), name);
  }
}

class FakeNamedItem implements Pick<Excel.NamedItem, "isNullObject"> {
  private nullness?: boolean;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: SheetLocator,
    private readonly name: string,
  ) {
    ctx.watch(() => void (this.nullness ??= this.target() === undefined));
  }

  private target(): Rect | undefined {
    const address = this.sheet()?.names.get(this.name);
    return address === undefined ? undefined : parseAddress(address);
  }

  get isNullObject(): boolean {
    return loaded(this.nullness, "isNullObject");
  }

  /** A method called on a null object gives a null object (as getUsedRangeOrNullObject on one). */
  getRangeOrNullObject(): FakeRange {
    const sheet = () => {
      const s = this.sheet();
      if (!s) throw new OfficeError("ItemNotFound", "worksheet");
      return s;
    };
    return new FakeRange(this.ctx, sheet, () => this.target(), this.name, true);
  }
}

class FakeProtection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {}

  protect(options?: unknown, password?: string): void {
    this.ctx.enqueue({ protect: options ?? null }, () => {
      const s = this.sheet();
      s.protected = true;
      s.protectionOptions = { ...(options as object), password };
    });
  }

  unprotect(password?: string): void {
    this.ctx.enqueue({ unprotect: true }, () => {
      const s = this.sheet();
      const expected = (s.protectionOptions as { password?: string } | undefined)?.password;
      if (s.protected && expected !== undefined && expected !== password)
        throw new OfficeError("InvalidArgument", "wrong password");
      s.protected = false;
    });
  }
}

/**
 * Range.values takes a string as if it were typed (a leading apostrophe keeps text, "=" starts a
 * formula, "80%" is 0.8 with "0%"): the one conversion the typing helper uses too.
 */
function writeValue(locale: Locale): (cell: CellState, value: unknown) => void {
  return (cell, value) => {
    if (typeof value !== "string") {
      cell.formula = undefined;
      cell.value = (value ?? null) as CellState["value"];
      return;
    }
    const entry = enterText(value, cell.numberFormat, locale);
    cell.value = entry.value;
    cell.formula = entry.formula;
    if (entry.numberFormat) cell.numberFormat = entry.numberFormat;
  };
}

export class FakeRange implements Pick<Excel.Range, "isNullObject"> {
  private loadedValues?: unknown[][];
  private loadedFormats?: unknown[][];
  private loadedRect?: Rect;
  private nullness?: boolean;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormat };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
    private readonly rect: () => Rect | undefined,
    readonly address0 = "",
    private readonly orNull = false,
  ) {
    if (orNull) ctx.watch(() => void (this.nullness ??= this.rect() === undefined));
    this.format = new FakeRangeFormat(ctx, (apply) => this.eachCell(apply, true));
    this.dataValidation = new FakeDataValidation(ctx, (apply) => this.eachCell(apply, true));
    this.conditionalFormats = {
      add: (type) => {
        const cf = new FakeConditionalFormat(type);
        this.ctx.enqueue({ cf: address0, type }, () => {
          this.guard(true);
          this.sheet().conditionalFormats.push({
            address: addressOf(this.need()),
            rule: cf.cellValue.rule,
            ...cf.cellValue.colors(),
          });
        });
        // The format's properties are set after add(); record them when the batch runs.
        return cf;
      },
    };
  }

  private need(): Rect {
    const r = this.rect();
    if (!r) throw new OfficeError("ItemNotFound", "range");
    return r;
  }

  /** Protected sheet: values may go into unlocked cells only, formats nowhere. */
  private guard(isFormat: boolean): void {
    const s = this.sheet();
    if (!s.protected) return;
    if (isFormat) throw new OfficeError("AccessDenied", `the sheet ${s.name} is protected`);
    const r = this.need();
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (this.ctx.model.peek(s, row, col)?.locked ?? true)
          throw new OfficeError(
            "AccessDenied",
            `cell ${addressOf({ top: row, left: col, bottom: row, right: col })} is locked`,
          );
      }
    }
  }

  private eachCell(apply: (cell: CellState) => void, isFormat: boolean): void {
    this.guard(isFormat);
    const r = this.need();
    const s = this.sheet();
    // A whole column ("D:D") formats only what the sheet uses, as far as a test can tell.
    const whole = r.bottom >= 1_048_576;
    const bottom = whole ? Math.max(r.top, this.ctx.model.usedRect(s)?.bottom ?? r.top) : r.bottom;
    for (let row = r.top; row <= bottom; row++)
      for (let col = r.left; col <= r.right; col++) apply(this.ctx.model.cell(s, row, col));
  }

  private gridWrite(
    grid: unknown[][],
    name: string,
    apply: (cell: CellState, value: unknown) => void,
    isFormat: boolean,
  ): void {
    this.ctx.enqueue({ [name]: grid, at: this.address0 }, () => {
      this.guard(isFormat);
      const r = this.need();
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      if (grid.length !== rows || grid.some((row) => row.length !== cols)) {
        throw new OfficeError(
          "InvalidArgument",
          `${name}: ${grid.length}×${grid[0]?.length} for ${rows}×${cols}`,
        );
      }
      const s = this.sheet();
      grid.forEach((row, i) =>
        row.forEach((v, j) => apply(this.ctx.model.cell(s, r.top + i, r.left + j), v)),
      );
    });
  }

  get isNullObject(): boolean {
    return loaded(this.nullness, "isNullObject");
  }

  get values(): unknown[][] {
    return loaded(this.loadedValues, "values");
  }

  set values(grid: unknown[][]) {
    this.gridWrite(grid, "values", writeValue(this.ctx.model.locale), false);
  }

  get numberFormat(): unknown[][] {
    return loaded(this.loadedFormats, "numberFormat");
  }

  set numberFormat(grid: unknown[][]) {
    this.gridWrite(grid, "numberFormat", (cell, v) => void (cell.numberFormat = String(v)), true);
  }

  get rowIndex(): number {
    return loaded(this.loadedRect, "rowIndex").top - 1;
  }

  get columnIndex(): number {
    return loaded(this.loadedRect, "columnIndex").left - 1;
  }

  get address(): string {
    return addressOf(loaded(this.loadedRect, "address"));
  }

  load(props?: string | string[]): this {
    const wanted = new Set(
      typeof props === "string" ? props.split(",").map((p) => p.trim()) : (props ?? ["values"]),
    );
    this.ctx.enqueue({ load: [...wanted] }, () => {
      const r = this.rect();
      if (!r) return 0;
      const s = this.sheet();
      const read = (pick: (c: CellState | undefined) => unknown) =>
        Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
          Array.from({ length: r.right - r.left + 1 }, (_, j) =>
            pick(this.ctx.model.peek(s, r.top + i, r.left + j)),
          ),
        );
      this.loadedRect = r;
      const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (wanted.has("values")) {
        this.loadedValues = read((c) => c?.value ?? "");
        this.ctx.cellsLoaded += cells;
      }
      if (wanted.has("numberFormat")) {
        this.loadedFormats = read((c) => c?.numberFormat ?? "General");
        this.ctx.cellsLoaded += cells;
      }
      return JSON.stringify([this.loadedValues ?? null, this.loadedFormats ?? null]).length;
    });
    return this;
  }

  merge(across?: boolean): void {
    this.ctx.enqueue({ merge: this.address0, across }, () => {
      this.guard(true);
      this.sheet().merges.push(addressOf(this.need()));
    });
  }

  select(): void {
    this.ctx.enqueue({ select: this.address0 }, () => {
      this.need();
      this.ctx.model.selection = { sheet: this.sheet().name, address: addressOf(this.need()) };
    });
  }
}

class FakeRangeFormat {
  readonly fill: { color: string };
  readonly font: { bold: boolean; italic: boolean; color: string; size: number };
  readonly protection: { locked: boolean };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly each: (apply: (cell: CellState) => void) => void,
  ) {
    const setter = <T>(name: string, apply: (cell: CellState, v: T) => void) => ({
      set: (v: T) => ctx.enqueue({ [name]: v }, () => this.each((c) => apply(c, v))),
      get: () => {
        throw new OfficeError("PropertyNotLoaded", name);
      },
    });
    this.fill = Object.defineProperty(
      {} as { color: string },
      "color",
      setter<string>("fill", (c, v) => (c.fill = v)),
    );
    this.font = Object.defineProperties(
      {} as { bold: boolean; italic: boolean; color: string; size: number },
      {
        bold: setter<boolean>("bold", (c, v) => (c.font.bold = v)),
        italic: setter<boolean>("italic", (c, v) => (c.font.italic = v)),
        color: setter<string>("fontColor", (c, v) => (c.font.color = v)),
        size: setter<number>("size", (c, v) => (c.font.size = v)),
      },
    );
    // Locking is what protection is made of, so it is allowed on a protected sheet only by Excel's own rules.
    this.protection = Object.defineProperty(
      {} as { locked: boolean },
      "locked",
      setter<boolean>("locked", (c, v) => (c.locked = v)),
    );
  }

  set wrapText(v: boolean) {
    this.ctx.enqueue({ wrap: v }, () => this.each((c) => (c.wrap = v)));
  }

  set columnWidth(points: number) {
    this.ctx.enqueue({ columnWidth: points }, () => this.each(() => undefined));
  }
}

class FakeDataValidation {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly each: (apply: (cell: CellState) => void) => void,
  ) {}

  set rule(rule: unknown) {
    this.ctx.enqueue({ rule }, () => this.each((c) => (c.validation = { ...c.validation, rule })));
  }

  set errorAlert(errorAlert: unknown) {
    this.ctx.enqueue({ errorAlert }, () =>
      this.each((c) => (c.validation = { rule: c.validation?.rule, errorAlert })),
    );
  }
}

class FakeConditionalFormat {
  readonly cellValue: {
    format: { fill: { color?: string }; font: { color?: string } };
    rule: unknown;
    colors: () => { fill?: string; font?: string };
  };
  constructor(readonly type: string) {
    const format = { fill: {} as { color?: string }, font: {} as { color?: string } };
    this.cellValue = {
      format,
      rule: undefined,
      colors: () => ({ fill: format.fill.color, font: format.font.color }),
    };
  }
}

class FakeTableCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {}

  add(address: string, hasHeaders: boolean): FakeTable {
    const holder = { name: `Table${Math.floor(Math.random() * 1e6)}` };
    this.ctx.enqueue(
      { addTable: address, hasHeaders },
      () => void this.sheet().tables.set(holder.name, { address, rows: [] }),
    );
    return new FakeTable(this.ctx, this.sheet, holder);
  }

  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, this.sheet, { name });
  }
}

class FakeTable {
  readonly rows: { add: (index: number | undefined, values: unknown[][]) => void };
  constructor(
    ctx: FakeRequestContext,
    sheet: () => SheetState,
    private readonly holder: { name: string },
  ) {
    this.rows = {
      add: (_index, values) =>
        ctx.enqueue({ addRows: values }, () => {
          const s = sheet();
          const table = s.tables.get(this.holder.name);
          if (!table) throw new OfficeError("ItemNotFound", `table ${this.holder.name}`);
          const top = parseAddress(table.address).top + 1 + table.rows.length;
          values.forEach((row, i) =>
            row.forEach((v, j) =>
              writeValue(ctx.model.locale)(
                ctx.model.cell(s, top + i, parseAddress(table.address).left + j),
                v,
              ),
            ),
          );
          table.rows.push(...values);
        }),
    };
    Object.defineProperty(this, "name", {
      set: (name: string) =>
        ctx.enqueue({ tableName: name }, () => {
          const s = sheet();
          const t = s.tables.get(this.holder.name);
          if (t) {
            s.tables.delete(this.holder.name);
            s.tables.set(name, t);
          }
          this.holder.name = name;
        }),
    });
  }
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/**
 * An Excel whose `run` hands batches a fake context; every sync is recorded. `requirementSets` are
 * what the host supports (by default just what the manifest requires).
 */
export function createFakeExcel(
  model = new WorkbookModel(),
  requirementSets: RequirementSets = MINIMUM_HOST,
) {
  const syncs: SyncRecord[] = [];
  // Excel.run(batch) and Excel.run(options, batch); the option is ignored where the set is missing.
  function run<T>(batch: Batch<T>): Promise<T>;
  function run<T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
  async function run<T>(first: Excel.RunOptions | Batch<T>, second?: Batch<T>): Promise<T> {
    const [options, batch] = typeof first === "function" ? [{}, first] : [first, second!];
    const delay = options.delayForCellEdit === true && supports(requirementSets, "ExcelApi", "1.5");
    const context = new FakeRequestContext(model, syncs, delay);
    return batch(context as unknown as Excel.RequestContext);
  }
  const requirements = {
    isSetSupported: (name: string, minVersion?: string) =>
      supports(requirementSets, name, minVersion),
  };
  return { model, syncs, run, requirements, namespace: { ...ExcelEnums, run } };
}
