// "Báo cáo UBND (Google Docs)": core's report model written as a Google Doc in the consolidator's
// Drive, laid out as the .docx of `chitieu report` is (Nghị định 30/2020/NĐ-CP, Phụ lục I).
import type { ReportBlock, ReportDocument } from "../../src/core/report/report-document.js";
import { buildAnnualReport } from "../../src/core/report/annual-report.js";
import { paragraph, showDialog } from "./dialogs.js";
import { activeSpreadsheet } from "./sheets.js";
import { loadTracker, NOT_SET_UP } from "./tracker-data.js";

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type TableCell = GoogleAppsScript.Document.TableCell;

/** Docs measures pages in points: A4 and the decree's margins (top/bottom 20, left 30, right 15 mm). */
const points = (mm: number) => (mm * 72) / 25.4;
const FONT = "Times New Roman";

export function writeReportDoc(): void {
  const data = loadTracker(activeSpreadsheet());
  if (!data) {
    SpreadsheetApp.getUi().alert(NOT_SET_UP);
    return;
  }
  const report = buildAnnualReport({
    template: data.template,
    units: data.units,
    period: data.config.period,
    submissions: data.received,
    now: new Date(),
  });
  const doc = DocumentApp.create(report.document.fileStem);
  renderReport(doc.getBody(), report.document);
  const url = doc.getUrl();
  doc.saveAndClose();
  const s = report.consolidation.summary;
  showDialog(
    "Báo cáo UBND — People's Committee report",
    [
      paragraph(
        `Đã tạo Google Docs “${report.document.fileStem}” trong Drive của bạn / created in your Drive: ` +
          `${s.unitsSubmitted}/${s.unitsExpected} đơn vị đã nộp.`,
      ),
      paragraph(url),
    ],
    200,
  );
}

function style(p: Paragraph, size: number, extra: { bold?: boolean; italic?: boolean } = {}) {
  p.setAttributes({
    [DocumentApp.Attribute.FONT_FAMILY]: FONT,
    [DocumentApp.Attribute.FONT_SIZE]: size,
    [DocumentApp.Attribute.BOLD]: extra.bold === true,
    [DocumentApp.Attribute.ITALIC]: extra.italic === true,
  });
  return p;
}

/** Docs keeps no line break inside a paragraph: a unit's lines become paragraphs of their own. */
const lines = (text: string) => text.split("\n");

/** Paragraph.setText returns nothing: the paragraph is handed back for styling. */
function textInto(p: Paragraph, text: string): Paragraph {
  p.setText(text);
  return p;
}

/** Lines into a table cell, the first into the paragraph the cell was made with. */
function fillCell(cell: TableCell, rows: [string, number, { bold?: boolean; italic?: boolean }][]) {
  rows.forEach(([text, size, extra], i) => {
    const p = i === 0 ? textInto(cell.getChild(0).asParagraph(), text) : cell.appendParagraph(text);
    style(p, size, extra).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  });
}

function frameTable(body: Body, doc: ReportDocument) {
  const f = doc.frame;
  const width = points(210 - 30 - 15);
  const header = body.insertTable(0, [["", ""]]).setBorderWidth(0);
  header.setColumnWidth(0, width * 0.38).setColumnWidth(1, width * 0.62);
  const row = header.getRow(0);
  fillCell(row.getCell(0), [
    [f.parentAgency, 13, {}],
    [f.agency, 13, { bold: true }],
    [f.numberLine, 13, {}],
  ]);
  fillCell(row.getCell(1), [
    [f.nationalTitle, 12, { bold: true }],
    [f.motto, 14, { bold: true }],
    [f.placeDate, 14, { italic: true }],
  ]);
}

function block(body: Body, b: ReportBlock) {
  if (b.kind === "table") {
    const width = points(210 - 30 - 15);
    const table = body.appendTable([b.columns.map((c) => c.label), ...b.rows]);
    b.columns.forEach((c, i) => table.setColumnWidth(i, (width * c.width) / 100));
    for (let r = 0; r < table.getNumRows(); r++) {
      const row = table.getRow(r);
      for (let c = 0; c < row.getNumCells(); c++) {
        const align = r === 0 ? "center" : (b.columns[c]?.align ?? "left");
        style(row.getCell(c).getChild(0).asParagraph(), 13, { bold: r === 0 }).setAlignment(
          align === "center"
            ? DocumentApp.HorizontalAlignment.CENTER
            : align === "right"
              ? DocumentApp.HorizontalAlignment.RIGHT
              : DocumentApp.HorizontalAlignment.LEFT,
        );
      }
    }
    return;
  }
  const bold = b.kind === "section" || b.kind === "heading";
  for (const text of lines(b.text)) {
    style(body.appendParagraph(text), 14, { bold })
      .setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY)
      .setIndentFirstLine(points(10));
  }
}

function closingTable(body: Body, doc: ReportDocument) {
  const f = doc.frame;
  const width = points(210 - 30 - 15);
  const closing = body.appendTable([["", ""]]).setBorderWidth(0);
  closing.setColumnWidth(0, width * 0.45).setColumnWidth(1, width * 0.55);
  const row = closing.getRow(0);
  const left = row.getCell(0);
  style(textInto(left.getChild(0).asParagraph(), f.recipientsTitle), 12, {
    bold: true,
    italic: true,
  });
  for (const r of f.recipients) style(left.appendParagraph(r), 11);
  fillCell(row.getCell(1), [
    [f.signerAuthority, 14, { bold: true }],
    [f.signerNote, 14, { italic: true }],
  ]);
}

export function renderReport(body: Body, doc: ReportDocument): void {
  body
    .setPageWidth(points(210))
    .setPageHeight(points(297))
    .setMarginTop(points(20))
    .setMarginBottom(points(20))
    .setMarginLeft(points(30))
    .setMarginRight(points(15));
  // The header goes above the empty paragraph every new document starts with, which then takes
  // the document's type ("BÁO CÁO"): no blank line is left at the top.
  frameTable(body, doc);
  const title = textInto(body.getChild(1).asParagraph(), doc.frame.documentType);
  for (const p of [title, body.appendParagraph(doc.frame.subject)])
    style(p, 14, { bold: true }).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  for (const b of doc.body) block(body, b);
  closingTable(body, doc);
}
