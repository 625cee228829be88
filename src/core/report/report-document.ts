// The report to the People's Committee as render-ready data: the shells (Word, Google Docs) only
// lay these parts out, so both say the same words in the same order.

/** The fixed parts of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
export interface ReportFrame {
  /** The governing body, upper case ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"). */
  parentAgency: string;
  /** The issuing agency, upper case and bold under the governing body. */
  agency: string;
  /** "Số: …/BC-…": the number is left for the clerk's register. */
  numberLine: string;
  nationalTitle: string;
  motto: string;
  /** "Cần Thơ, ngày 05 tháng 12 năm 2025". */
  placeDate: string;
  documentType: string;
  /** The trích yếu: what the report is about. */
  subject: string;
  recipientsTitle: string;
  recipients: string[];
  /** The signer's authority ("GIÁM ĐỐC") and the placeholder for signature and name. */
  signerAuthority: string;
  signerNote: string;
}

export type CellAlign = "left" | "center" | "right";

export interface ReportColumn {
  label: string;
  align: CellAlign;
  /** Share of the text width, in percent; a table's columns add up to 100. */
  width: number;
}

export type ReportBlock =
  /** A Roman-numbered section ("I. …"), bold upper case. */
  | { kind: "section"; text: string }
  /** An Arabic-numbered part of a section ("1. …"), bold. */
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** A line of a list, written with the leading "- " of administrative style. */
  | { kind: "item"; text: string }
  | { kind: "table"; columns: ReportColumn[]; rows: string[][] };

export interface ReportDocument {
  frame: ReportFrame;
  body: ReportBlock[];
  /** A file name for the document, without extension ("bao-cao-can-tho-2256-2025"). */
  fileStem: string;
}
