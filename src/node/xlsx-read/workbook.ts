// A report workbook's bytes → the report sheet's cells within an area, as core reads them. What is
// not an .xlsx is named (a password-protected file, an .xls, an .ods); the zip directory is read
// first, and only the parts the report sheet needs are inflated, each within its limit.
import type { RawCellValue } from "../../core/text/parse-number.js";
import { REPORT_SHEET } from "../../core/sheet/layout-types.js";
import type { SheetArea } from "../../core/sheet/report-area.js";
import { compoundFileNames, isCompoundFile } from "./cfb.js";
import type { WorkbookLimits } from "./refusal.js";
import { refusals, WorkbookRefusal, workbookLimits } from "./refusal.js";
import type { SheetStats } from "./sheet-xml.js";
import { parseXml, readSharedStrings, readSheetCells, readStyleFormats } from "./sheet-xml.js";
import type { InflateMeter, ZipPart } from "./zip.js";
import { inflatePart, isZip, zipDirectory } from "./zip.js";

export interface ReadStats extends SheetStats {
  bytesInflated: number;
  partsInflated: string[];
}

export interface WorkbookGrid {
  sheetName: string;
  values: RawCellValue[][];
  /** Each cell's number format ("0%", "dd/mm/yyyy"), so core can read a percent-formatted 0.8. */
  formats: (string | null)[][];
  stats: ReadStats;
}

export interface ReadOptions {
  /** The rows and columns kept (core's `reportArea`); cells beyond are counted and dropped. */
  area: SheetArea;
  limits?: WorkbookLimits;
  /** Counts what is inflated, also when the read ends in a refusal. */
  meter?: InflateMeter;
}

const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const notXlsx = (vi: string, en: string) =>
  new WorkbookRefusal("not-xlsx", refusals["not-xlsx"]({ vi, en }));

/** An OLE file is Excel's container for a password-protected workbook, and an .xls's format. */
function refuseCompoundFile(bytes: Uint8Array): never {
  const names = compoundFileNames(bytes);
  if (names.includes("EncryptedPackage") || names.includes("EncryptionInfo"))
    throw new WorkbookRefusal("password", refusals.password());
  if (names.includes("Workbook") || names.includes("Book"))
    throw new WorkbookRefusal("old-format", refusals["old-format"](".xls (Excel 97–2003)"));
  throw notXlsx(
    "tệp Office cũ (OLE), không phải sổ làm việc",
    "an old Office (OLE) file, not a workbook",
  );
}

/** Zip paths are relative to the part that names them; "/xl/…" is from the root. */
function resolve(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const path = base.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") path.pop();
    else if (segment !== ".") path.push(segment);
  }
  return path.join("/");
}

const relsOf = (part: string) => {
  const at = part.lastIndexOf("/");
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
};

class Package {
  private readonly parts: Map<string, ZipPart>;
  private declared = 0;
  private readonly reserved = new Set<string>();
  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: WorkbookLimits,
    readonly meter: InflateMeter,
  ) {
    const directory = zipDirectory(bytes, limits.parts);
    this.parts = new Map(directory.map((p) => [p.name, p]));
  }

  has(name: string) {
    return this.parts.has(name);
  }

  /** Refused from the directory, before inflating, when a part or all of them would be too big. */
  reserve(names: readonly string[]) {
    let total = this.declared;
    const fresh = names.filter((name) => !this.reserved.has(name));
    for (const name of fresh) {
      const part = this.parts.get(name);
      if (!part) continue;
      if (part.size > this.limits.partBytes)
        throw new WorkbookRefusal(
          "part-too-large",
          refusals["part-too-large"](name, part.size, this.limits.partBytes),
        );
      total += part.size;
    }
    if (total > this.limits.totalBytes)
      throw new WorkbookRefusal(
        "too-large",
        refusals["total-too-large"](total, this.limits.totalBytes),
      );
    this.declared = total;
    fresh.forEach((name) => this.reserved.add(name));
  }

  text(name: string): string | undefined {
    const part = this.parts.get(name);
    if (!part) return undefined;
    this.reserve([name]);
    const data = inflatePart(this.bytes, part, this.limits.partBytes, this.meter);
    // Excel writes UTF-8; a UTF-16 byte-order mark says otherwise.
    const utf16 = data[0] === 0xff && data[1] === 0xfe;
    return new TextDecoder(utf16 ? "utf-16le" : "utf-8").decode(data);
  }
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(pkg: Package, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const name = relsOf(part);
  const xml = pkg.text(name);
  if (xml === undefined) return rels;
  parseXml(name, xml, {
    open: (tag, element) => {
      if (tag !== "Relationship") return;
      const { Id: id, Type: type = "", Target: target = "", TargetMode: mode } = element.attributes;
      if (id && mode !== "External") rels.set(id, { type, target: resolve(part, target) });
    },
  });
  return rels;
}

function targetOf(rels: Map<string, Relationship>, type: string): string | undefined {
  for (const rel of rels.values()) if (rel.type === RELATIONSHIP + type) return rel.target;
  return undefined;
}

/** The report sheet of an .xlsx (or its first sheet), within `options.area`. */
export function readWorkbookBytes(bytes: Uint8Array, options: ReadOptions): WorkbookGrid {
  const limits = options.limits ?? workbookLimits;
  const meter = options.meter ?? { inflated: 0, parts: [] };
  if (bytes.length > limits.fileBytes)
    throw new WorkbookRefusal("too-large", refusals["too-large"](bytes.length, limits.fileBytes));
  if (isCompoundFile(bytes)) refuseCompoundFile(bytes);
  if (!isZip(bytes)) throw notXlsx("không phải gói zip", "not a zip package");
  const pkg = new Package(bytes, limits, meter);

  if (pkg.has("mimetype") && pkg.text("mimetype")?.startsWith("application/vnd.oasis.opendocument"))
    throw new WorkbookRefusal("old-format", refusals["old-format"](".ods (OpenDocument)"));
  const root = relationships(pkg, "");
  const workbookPart = targetOf(root, "officeDocument") ?? "xl/workbook.xml";
  if (!pkg.has(workbookPart)) {
    if (pkg.has("xl/workbook.bin"))
      throw new WorkbookRefusal("old-format", refusals["old-format"](".xlsb (Excel Binary)"));
    throw notXlsx("không có sổ làm việc (xl/workbook.xml)", "no workbook part (xl/workbook.xml)");
  }

  const sheets: { name: string; id: string }[] = [];
  let date1904 = false;
  parseXml(workbookPart, pkg.text(workbookPart)!, {
    open: (tag, element) => {
      if (tag === "sheet") {
        const id = Object.entries(element.attributes).find(([k]) => k.endsWith(":id"))?.[1];
        sheets.push({ name: element.attributes.name ?? "", id: id ?? "" });
      } else if (tag === "workbookPr") {
        const flag = element.attributes.date1904;
        date1904 = flag === "1" || flag === "true";
      }
    },
  });
  const rels = relationships(pkg, workbookPart);
  const sheet = sheets.find((s) => s.name === REPORT_SHEET) ?? sheets[0];
  if (!sheet) throw new WorkbookRefusal("no-sheet", refusals["no-sheet"]());
  const sheetPart = rels.get(sheet.id)?.target;
  if (!sheetPart || !pkg.has(sheetPart))
    throw new WorkbookRefusal("damaged", refusals.damaged(`sheet "${sheet.name}" has no part`));
  const stylesPart = targetOf(rels, "styles");
  const stringsPart = targetOf(rels, "sharedStrings");
  pkg.reserve([sheetPart, stylesPart, stringsPart].filter((p): p is string => p !== undefined));

  const styles = stylesPart ? pkg.text(stylesPart) : undefined;
  const strings = stringsPart ? pkg.text(stringsPart) : undefined;
  const cells = readSheetCells(pkg.text(sheetPart)!, {
    area: options.area,
    strings: strings === undefined ? [] : readSharedStrings(strings),
    styleFormats: styles === undefined ? [] : readStyleFormats(styles),
    date1904,
  });
  return {
    sheetName: sheet.name,
    values: cells.values,
    formats: cells.formats,
    stats: { ...cells.stats, bytesInflated: meter.inflated, partsInflated: [...meter.parts] },
  };
}
