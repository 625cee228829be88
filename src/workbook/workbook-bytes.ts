// What a file is before anything opens it: an .xlsx within limits, or a refusal that names the
// problem (empty, too large, .xls, .ods, password-protected, not a workbook). Reads only bytes.
import { Inflate } from "fflate";
import { utf8Text } from "../core/text/bytes.js";
import type { Refusal } from "./refusals.js";
import { refusal } from "./refusals.js";

export interface WorkbookLimits {
  /** The file as chosen; a filled report weighs tens of KB. */
  maxFileBytes: number;
  /** Everything its zip declares once unpacked, so a small file cannot unpack into gigabytes. */
  maxUnzippedBytes: number;
  maxEntries: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
};

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

const megabytes = (n: number) => (n / (1024 * 1024)).toFixed(1).replace(".0", "");

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A stream name in a compound file's directory, which stores names as UTF-16LE. */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * A compound (CFB) file is either a password-protected .xlsx, which Office wraps in one with an
 * EncryptedPackage stream (MS-OFFCRYPTO 2.3.4), or an Excel 97–2003 workbook (a Workbook or Book stream).
 */
function compoundFileKind(bytes: Uint8Array): Refusal {
  if (hasUtf16Name(bytes, "EncryptedPackage")) return refusal("encrypted");
  if (hasUtf16Name(bytes, "Workbook") || hasUtf16Name(bytes, "Book")) return refusal("xls");
  return refusal("not-xlsx");
}

interface ZipEntry {
  name: string;
  method: number;
  zipped: number;
  unzipped: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** The zip's central directory (APPNOTE 4.3.12, 4.3.16): names and declared sizes, nothing inflated. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | "zip64" | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (offset === ZIP64_MARK || count === 0xffff) return "zip64";
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== ZIP_CENTRAL) return undefined;
    const method = view.getUint16(at + 10, true);
    const zipped = view.getUint32(at + 20, true);
    const unzipped = view.getUint32(at + 24, true);
    const local = view.getUint32(at + 42, true);
    if (unzipped === ZIP64_MARK || zipped === ZIP64_MARK || local === ZIP64_MARK) return "zip64";
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = utf8Text(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method, zipped, unzipped, offset: local });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const STORED = 0;
const DEFLATED = 8;
/** Small steps, so one step of a crafted stream unpacks at most ~16 MB before it is counted. */
const STEP = 16 * 1024;

class TooLarge extends Error {}

/**
 * Unpacks every entry once, counting, and stops at the first byte past what the entry declares or
 * past the limit: a zip's declared sizes are the sender's to choose, and the .xlsx reader checks
 * them only after it has unpacked everything into memory. Answers the bytes unpacked, or why not.
 */
function unpackedSize(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limit: number,
): number | "too-large" | "unreadable" {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const at = entry.offset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return "unreadable";
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.zipped);
    if (data.length !== entry.zipped) return "unreadable";
    if (entry.method === STORED) {
      if (entry.zipped !== entry.unzipped) return "unreadable";
      total += entry.unzipped;
      if (total > limit) return "too-large";
      continue;
    }
    if (entry.method !== DEFLATED) return "unreadable";
    let unpacked = 0;
    const inflate = new Inflate((chunk) => {
      unpacked += chunk.length;
      if (unpacked > entry.unzipped || total + unpacked > limit) throw new TooLarge();
    });
    try {
      for (let i = 0; i < data.length; i += STEP)
        inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
      if (data.length === 0) inflate.push(data, true);
    } catch (err) {
      return err instanceof TooLarge ? "too-large" : "unreadable";
    }
    if (unpacked !== entry.unzipped) return "unreadable";
    total += unpacked;
  }
  return total;
}

/** Undefined when the bytes may go to the .xlsx reader; otherwise why they may not. */
export function sniffWorkbook(
  bytes: Uint8Array,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Refusal | undefined {
  if (bytes.length === 0) return refusal("empty");
  if (bytes.length > limits.maxFileBytes)
    return refusal("too-large", {
      size: megabytes(bytes.length),
      max: megabytes(limits.maxFileBytes),
    });
  if (startsWith(bytes, CFB_MAGIC)) return compoundFileKind(bytes);
  if (!startsWith(bytes, ZIP_LOCAL)) return refusal("not-xlsx");
  const entries = zipEntries(bytes);
  if (entries === undefined) return refusal("unreadable", { reason: "zip" });
  /** Without `size`: unpacking stopped at the limit, so how much more there was is not known. */
  const tooLarge = (size?: number) =>
    refusal("too-large-unzipped", {
      size: size === undefined ? `> ${megabytes(limits.maxUnzippedBytes)}` : megabytes(size),
      max: megabytes(limits.maxUnzippedBytes),
    });
  if (entries === "zip64") return tooLarge(2 ** 32);
  if (entries.length > limits.maxEntries) return tooLarge();
  const names = new Set(entries.map((e) => e.name));
  // OpenDocument puts its type first, uncompressed, as a file named "mimetype" (ODF 1.2 part 3, 3.3).
  if (names.has("mimetype") && names.has("content.xml")) return refusal("ods");
  if (!names.has("xl/workbook.xml")) return refusal("not-xlsx");
  const declared = entries.reduce((sum, e) => sum + e.unzipped, 0);
  if (declared > limits.maxUnzippedBytes) return tooLarge(declared);
  const unpacked = unpackedSize(bytes, entries, limits.maxUnzippedBytes);
  if (unpacked === "too-large") return tooLarge();
  if (unpacked === "unreadable") return refusal("unreadable", { reason: "zip" });
  return undefined;
}
