// Core's report model as a Word document in the form of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4,
// Times New Roman, the two-column header, the body, "Nơi nhận" and the signer's block.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import type {
  CellAlign,
  ReportBlock,
  ReportDocument,
  ReportFrame,
} from "../core/report/report-document.js";

/** Phụ lục I, I.3: A4 portrait; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 20,
  bottomMm: 20,
  leftMm: 30,
  rightMm: 15,
} as const;
export const FONT = "Times New Roman";
/** Half-points, as WordprocessingML counts: the body at 14 pt, tables at 13 pt (cỡ chữ 13–14). */
export const BODY_SIZE = 28;
export const TABLE_SIZE = 26;

/** Twentieths of a point, rounded: A4 comes out as Word's own 11906 × 16838. */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const textWidth = twips(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const noBorders = { top: none, bottom: none, left: none, right: none };
const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const alignments: Record<CellAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/** A unit's text keeps its line breaks; everything else about it is plain text in a run. */
function runs(text: string, options: Omit<IRunOptions, "text" | "break"> = {}): TextRun[] {
  return text
    .split("\n")
    .map((line, i) => new TextRun({ ...options, text: line, break: i ? 1 : 0 }));
}

function line(text: string, run: Omit<IRunOptions, "text"> = {}, p: IParagraphOptions = {}) {
  return new Paragraph({ alignment: AlignmentType.CENTER, ...p, children: runs(text, run) });
}

/** The short rule under the agency's name and under the motto (Phụ lục I, II.2 and II.1). */
function rule(shareOfCell: number, cellTwips: number): Paragraph {
  const inset = Math.round((cellTwips * (1 - shareOfCell)) / 2);
  return new Paragraph({
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    indent: { left: inset, right: inset },
    spacing: { before: 0, after: 120 },
  });
}

/**
 * The decree's borderless two-column blocks (agency | Quốc hiệu above, Nơi nhận | signer below):
 * `leftShare` of the text width on the left, the rest on the right.
 */
function twoColumns(
  leftShare: number,
  leftCell: (width: number) => Paragraph[],
  rightCell: (width: number) => Paragraph[],
): Table {
  const left = Math.round(textWidth * leftShare);
  const right = textWidth - left;
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: noBorders, children });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ children: [cell(left, leftCell(left)), cell(right, rightCell(right))] })],
  });
}

function headerTable(f: ReportFrame): Table {
  // The Quốc hiệu must fit on one line: the right column takes the larger share.
  return twoColumns(
    0.38,
    (width) => [
      line(f.parentAgency, { size: 26 }),
      line(f.agency, { size: 26, bold: true }),
      rule(0.4, width),
      line(f.numberLine, { size: 26 }),
    ],
    (width) => [
      line(f.nationalTitle, { size: 24, bold: true }),
      line(f.motto, { size: 28, bold: true }),
      rule(0.6, width),
      line(f.placeDate, { size: 28, italics: true }),
    ],
  );
}

function bodyTable(block: Extract<ReportBlock, { kind: "table" }>): Table {
  const widths = block.columns.map((c) => Math.round((textWidth * c.width) / 100));
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      borders: { top: thin, bottom: thin, left: thin, right: thin },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: bold ? AlignmentType.CENTER : alignments[block.columns[i]?.align ?? "left"],
          children: runs(text, { size: TABLE_SIZE, bold }),
        }),
      ],
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((c, i) => cell(c.label, i, true)),
      }),
      ...block.rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

const bodyParagraph = (text: string, run: Omit<IRunOptions, "text"> = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twips(10) },
    spacing: { before: 60, after: 60, line: 288 },
    children: runs(text, run),
  });

function bodyBlock(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "section":
      return [bodyParagraph(block.text, { bold: true })];
    case "heading":
      return [bodyParagraph(block.text, { bold: true })];
    case "paragraph":
    case "item":
      return [bodyParagraph(block.text)];
    case "table":
      // An empty paragraph after a table keeps the next one from touching its border.
      return [bodyTable(block), new Paragraph({ spacing: { after: 60 } })];
  }
}

function closingTable(f: ReportFrame): Table {
  return twoColumns(
    0.45,
    () => [
      new Paragraph({
        children: runs(f.recipientsTitle, { size: 24, bold: true, italics: true }),
      }),
      ...f.recipients.map((r) => new Paragraph({ children: runs(r, { size: 22 }) })),
    ],
    () => [
      line(f.signerAuthority, { size: 28, bold: true }),
      line(f.signerNote, { size: 28, italics: true }),
    ],
  );
}

export function reportDocx(doc: ReportDocument): Document {
  const f = doc.frame;
  return new Document({
    creator: "chitieu",
    title: `${f.documentType} ${f.subject}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: twips(PAGE.widthMm),
              height: twips(PAGE.heightMm),
            },
            margin: {
              top: twips(PAGE.topMm),
              bottom: twips(PAGE.bottomMm),
              left: twips(PAGE.leftMm),
              right: twips(PAGE.rightMm),
            },
          },
        },
        // Page numbers at the top centre from page 2 on; the first page shows none (Phụ lục I, I.7).
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 26 })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        footers: { first: new Footer({ children: [new Paragraph({})] }) },
        children: [
          headerTable(f),
          line(f.documentType, { bold: true }, { spacing: { before: 360 } }),
          line(f.subject, { bold: true }),
          rule(0.3, textWidth),
          ...doc.body.flatMap(bodyBlock),
          closingTable(f),
        ],
      },
    ],
  });
}

export function reportDocxBytes(doc: ReportDocument): Promise<Buffer> {
  return Packer.toBuffer(reportDocx(doc));
}
