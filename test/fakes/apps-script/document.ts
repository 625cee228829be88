// DocumentApp as Apps Script has it, for the report the consolidator writes as a Google Doc: a new
// document in the user's Drive, its body of paragraphs and tables, attributes from the Attribute
// enum only, text kept as the characters given. Stricter than Docs where its pages are silent.

/** An enum member as Apps Script hands it out: it prints as its name and is only itself. */
class EnumMember {
  constructor(
    readonly enumName: string,
    readonly name: string,
  ) {}
  toString(): string {
    return this.name;
  }
}
const enumOf = <K extends string>(enumName: string, names: readonly K[]) =>
  Object.freeze(
    Object.fromEntries(names.map((n) => [n, new EnumMember(enumName, n)])) as Record<K, EnumMember>,
  );

// The Attribute enum's members used as keys of setAttributes (…/document/attribute).
const ATTRIBUTES = [
  "BACKGROUND_COLOR",
  "BOLD",
  "BORDER_COLOR",
  "BORDER_WIDTH",
  "CODE",
  "FONT_FAMILY",
  "FONT_SIZE",
  "FOREGROUND_COLOR",
  "HEADING",
  "HEIGHT",
  "HORIZONTAL_ALIGNMENT",
  "INDENT_END",
  "INDENT_FIRST_LINE",
  "INDENT_START",
  "ITALIC",
  "LINE_SPACING",
  "MARGIN_BOTTOM",
  "MARGIN_LEFT",
  "MARGIN_RIGHT",
  "MARGIN_TOP",
  "MINIMUM_HEIGHT",
  "PADDING_BOTTOM",
  "PADDING_LEFT",
  "PADDING_RIGHT",
  "PADDING_TOP",
  "PAGE_HEIGHT",
  "PAGE_WIDTH",
  "SPACING_AFTER",
  "SPACING_BEFORE",
  "STRIKETHROUGH",
  "UNDERLINE",
  "VERTICAL_ALIGNMENT",
  "WIDTH",
] as const;
type AttributeName = (typeof ATTRIBUTES)[number];
const BOOLEAN_ATTRIBUTES = new Set<string>([
  "BOLD",
  "ITALIC",
  "UNDERLINE",
  "STRIKETHROUGH",
  "CODE",
]);
const STRING_ATTRIBUTES = new Set<string>([
  "FONT_FAMILY",
  "FOREGROUND_COLOR",
  "BACKGROUND_COLOR",
  "BORDER_COLOR",
]);

const HorizontalAlignment = enumOf("HorizontalAlignment", ["LEFT", "CENTER", "RIGHT", "JUSTIFY"]);
const ParagraphHeading = enumOf("ParagraphHeading", [
  "NORMAL",
  "HEADING1",
  "HEADING2",
  "HEADING3",
  "HEADING4",
  "HEADING5",
  "HEADING6",
  "TITLE",
  "SUBTITLE",
]);

function fail(method: string, why: string): never {
  throw new Error(`Exception: Invalid argument: ${method}: ${why}`);
}

/**
 * Text as a paragraph holds it. Docs has no formulas: text is kept as given. Where the pages are
 * silent — a line feed, a carriage return, other control characters — the fake refuses rather than
 * guess what Docs would make of them.
 */
function checkText(method: string, text: unknown): string {
  if (typeof text !== "string") fail(method, `text must be a string, got ${typeof text}`);
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
      fail(method, `control character U+${c.toString(16).padStart(4, "0")} in text`);
  }
  return text;
}

function checkAttributes(method: string, attributes: unknown): Record<string, unknown> {
  if (typeof attributes !== "object" || attributes === null) fail(method, "attributes object");
  for (const [key, value] of Object.entries(attributes)) {
    if (!(ATTRIBUTES as readonly string[]).includes(key))
      fail(method, `${key} is not a DocumentApp.Attribute`);
    if (BOOLEAN_ATTRIBUTES.has(key) && typeof value !== "boolean" && value !== null)
      fail(method, `${key} takes true, false or null`);
    if (STRING_ATTRIBUTES.has(key) && typeof value !== "string" && value !== null)
      fail(method, `${key} takes a string`);
    if (key === "FONT_SIZE" && (typeof value !== "number" || value <= 0))
      fail(method, "FONT_SIZE takes a positive number of points");
  }
  return attributes as Record<string, unknown>;
}

function checkPoints(method: string, points: unknown): number {
  if (typeof points !== "number" || !Number.isFinite(points) || points < 0)
    fail(method, "points must be a non-negative number");
  return points;
}

abstract class FakeElement {
  readonly attributes: Partial<Record<AttributeName, unknown>> = {};
  setAttributes(attributes: object): this {
    Object.assign(
      this.attributes,
      checkAttributes(`${this.constructor.name.replace(/^Fake/u, "")}.setAttributes`, attributes),
    );
    return this;
  }
  getAttributes(): Record<string, unknown> {
    return { ...this.attributes };
  }
}

export class FakeParagraph extends FakeElement {
  alignment: EnumMember | null = null;
  heading: EnumMember = ParagraphHeading.NORMAL;
  indentFirstLine = 0;
  constructor(private text: string) {
    super();
  }
  getText(): string {
    return this.text;
  }
  /** Returns nothing, as Docs' own does: a chain through it breaks there too. */
  setText(text: string): void {
    this.text = checkText("Paragraph.setText", text);
  }
  setAlignment(alignment: unknown): this {
    if (!(alignment instanceof EnumMember) || alignment.enumName !== "HorizontalAlignment")
      fail("Paragraph.setAlignment", "a DocumentApp.HorizontalAlignment");
    this.alignment = alignment;
    return this;
  }
  setHeading(heading: unknown): this {
    if (!(heading instanceof EnumMember) || heading.enumName !== "ParagraphHeading")
      fail("Paragraph.setHeading", "a DocumentApp.ParagraphHeading");
    this.heading = heading;
    return this;
  }
  setIndentFirstLine(points: number): this {
    this.indentFirstLine = checkPoints("Paragraph.setIndentFirstLine", points);
    return this;
  }
  asParagraph(): this {
    return this;
  }
}

/** A container of paragraphs: the body and each table cell. */
abstract class FakeContainer extends FakeElement {
  readonly children: (FakeParagraph | FakeTable)[] = [];
  appendParagraph(text: string): FakeParagraph {
    const p = new FakeParagraph(checkText(`${this.constructor.name.replace(/^Fake/u, "")}.appendParagraph`, text));
    this.children.push(p);
    return p;
  }
  getNumChildren(): number {
    return this.children.length;
  }
  getChild(index: number): FakeParagraph | FakeTable {
    const child = this.children[index];
    if (!child) fail(`${this.constructor.name.replace(/^Fake/u, "")}.getChild`, `no child at ${index}`);
    return child;
  }
  /** Every paragraph's text, tables' cells included, one line each, in reading order. */
  getText(): string {
    return this.children.map((c) => c.getText()).join("\n");
  }
}

export class FakeTableCell extends FakeContainer {
  width: number | null = null;
  constructor(text: string) {
    super();
    // A cell made from a string holds one paragraph of that string (Body.appendTable(cells)).
    this.children.push(new FakeParagraph(text));
  }
}

export class FakeTableRow {
  constructor(readonly cells: FakeTableCell[]) {}
  getNumCells(): number {
    return this.cells.length;
  }
  getCell(index: number): FakeTableCell {
    return this.cells[index] ?? fail("TableRow.getCell", `no cell at ${index}`);
  }
}

export class FakeTable extends FakeElement {
  borderWidth = 1;
  readonly columnWidths = new Map<number, number>();
  constructor(readonly rows: FakeTableRow[]) {
    super();
  }
  getNumRows(): number {
    return this.rows.length;
  }
  getRow(index: number): FakeTableRow {
    return this.rows[index] ?? fail("Table.getRow", `no row at ${index}`);
  }
  setBorderWidth(points: number): this {
    this.borderWidth = checkPoints("Table.setBorderWidth", points);
    return this;
  }
  setColumnWidth(column: number, points: number): this {
    if (!Number.isInteger(column) || column < 0 || column >= (this.rows[0]?.cells.length ?? 0))
      fail("Table.setColumnWidth", `no column ${column}`);
    this.columnWidths.set(column, checkPoints("Table.setColumnWidth", points));
    return this;
  }
  getText(): string {
    return this.rows.map((r) => r.cells.map((c) => c.getText()).join(" | ")).join("\n");
  }
}

function tableOf(method: string, cells: unknown): FakeTable {
  if (
    !Array.isArray(cells) ||
    cells.length === 0 ||
    !cells.every((r) => Array.isArray(r) && r.length > 0)
  )
    fail(method, "cells must be a non-empty String[][]");
  const width = (cells[0] as unknown[]).length;
  // Stricter than the page, which does not say what a ragged grid becomes.
  if (!cells.every((r: unknown[]) => r.length === width))
    fail(method, "every row must have as many cells as the first");
  return new FakeTable(
    cells.map(
      (r: unknown[]) => new FakeTableRow(r.map((t) => new FakeTableCell(checkText(method, t)))),
    ),
  );
}

export class FakeBody extends FakeContainer {
  readonly page = { width: 612, height: 792, top: 72, bottom: 72, left: 72, right: 72 };
  constructor() {
    super();
    // A new document's body holds one empty paragraph.
    this.children.push(new FakeParagraph(""));
  }
  appendTable(cells: unknown): FakeTable {
    const table = tableOf("Body.appendTable", cells);
    this.children.push(table);
    return table;
  }
  insertTable(childIndex: number, cells: unknown): FakeTable {
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex > this.children.length)
      fail("Body.insertTable", `no child index ${childIndex}`);
    const table = tableOf("Body.insertTable", cells);
    this.children.splice(childIndex, 0, table);
    return table;
  }
  setPageWidth(points: number): this {
    this.page.width = checkPoints("Body.setPageWidth", points);
    return this;
  }
  setPageHeight(points: number): this {
    this.page.height = checkPoints("Body.setPageHeight", points);
    return this;
  }
  setMarginTop(points: number): this {
    this.page.top = checkPoints("Body.setMarginTop", points);
    return this;
  }
  setMarginBottom(points: number): this {
    this.page.bottom = checkPoints("Body.setMarginBottom", points);
    return this;
  }
  setMarginLeft(points: number): this {
    this.page.left = checkPoints("Body.setMarginLeft", points);
    return this;
  }
  setMarginRight(points: number): this {
    this.page.right = checkPoints("Body.setMarginRight", points);
    return this;
  }
}

export class FakeDocument {
  readonly body = new FakeBody();
  closed = false;
  constructor(
    readonly id: string,
    readonly name: string,
  ) {}
  private open(): void {
    // After saveAndClose the handle is dead: Google says to open the document again.
    if (this.closed)
      throw new Error("Exception: Document is closed, its contents cannot be updated.");
  }
  getBody(): FakeBody {
    this.open();
    return this.body;
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getUrl(): string {
    return `https://docs.google.com/open?id=${this.id}`;
  }
  saveAndClose(): void {
    this.open();
    this.closed = true;
  }
}

export class FakeDocumentApp {
  readonly Attribute = Object.freeze(
    Object.fromEntries(ATTRIBUTES.map((a) => [a, a])) as Record<AttributeName, AttributeName>,
  );
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  /** Every document created, in order: what lands in the user's Drive. */
  readonly created: FakeDocument[] = [];

  create(name: unknown): FakeDocument {
    if (typeof name !== "string" || name.trim() === "")
      fail("DocumentApp.create", "a document needs a name");
    const doc = new FakeDocument(`doc-${this.created.length + 1}`, name);
    this.created.push(doc);
    return doc;
  }
}
