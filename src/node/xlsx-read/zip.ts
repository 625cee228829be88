// A zip's central directory (PKWARE APPNOTE 4.3.12–16), read before any part is inflated, and the
// inflation of one part that stops as soon as it passes its declared size or its limit.
import { Inflate } from "fflate";
import { refusals, WorkbookRefusal } from "./refusal.js";

export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the directory declares it; inflation is held to it. */
  size: number;
  localOffset: number;
  encrypted: boolean;
}

/** What was inflated, counted as it happens: tests and benches read it, a refusal leaves it as is. */
export interface InflateMeter {
  inflated: number;
  parts: string[];
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
// Compressed input fed per step: at deflate's best ratio (about 1:1032) one step yields 4 MB.
const STEP = 4096;

const damaged = (reason: string) => new WorkbookRefusal("damaged", refusals.damaged(reason));

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, length: number) {
    if (at < 0 || at + length > this.bytes.length) throw damaged("zip directory out of bounds");
  }
  u16(at: number) {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  u32(at: number) {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
  u64(at: number) {
    this.check(at, 8);
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged("zip64 size out of range");
    return Number(value);
  }
  slice(at: number, length: number) {
    this.check(at, length);
    return this.bytes.subarray(at, at + length);
  }
}

export const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

function endOfDirectory(r: Reader): number {
  const last = r.bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--)
    if (r.u32(at) === END_OF_DIRECTORY) return at;
  throw damaged("no zip directory");
}

/** The directory's entries, refused beyond `maxParts` before one of them is looked at. */
export function zipDirectory(bytes: Uint8Array, maxParts: number): ZipPart[] {
  const r = new Reader(bytes);
  const end = endOfDirectory(r);
  let count = r.u16(end + 10);
  let offset = r.u32(end + 16);
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    end >= 20 &&
    r.u32(end - 20) === ZIP64_LOCATOR
  ) {
    const zip64 = r.u64(end - 12);
    if (r.u32(zip64) !== ZIP64_END) throw damaged("zip64 directory not found");
    count = r.u64(zip64 + 32);
    offset = r.u64(zip64 + 48);
  }
  if (count > maxParts)
    throw new WorkbookRefusal("too-many-parts", refusals["too-many-parts"](count, maxParts));
  const decoder = new TextDecoder();
  const parts: ZipPart[] = [];
  for (let i = 0, at = offset; i < count; i++) {
    if (r.u32(at) !== DIRECTORY_ENTRY) throw damaged("zip directory entry expected");
    const flags = r.u16(at + 8);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const part: ZipPart = {
      name: decoder.decode(r.slice(at + 46, nameLength)).replace(/^\/+/u, ""),
      method: r.u16(at + 10),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      localOffset: r.u32(at + 42),
      encrypted: (flags & 1) === 1,
    };
    readZip64Sizes(r, at + 46 + nameLength, extraLength, part);
    parts.push(part);
    at += 46 + nameLength + extraLength + r.u16(at + 32);
  }
  return parts;
}

/** Sizes of 0xFFFFFFFF are in the zip64 extra field (id 1), in this order, only those that overflow. */
function readZip64Sizes(r: Reader, at: number, length: number, part: ZipPart) {
  for (let p = at; p + 4 <= at + length;) {
    const id = r.u16(p);
    const size = r.u16(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = () => {
        const value = r.u64(q);
        q += 8;
        return value;
      };
      if (part.size === 0xffffffff) part.size = next();
      if (part.compressedSize === 0xffffffff) part.compressedSize = next();
      if (part.localOffset === 0xffffffff) part.localOffset = next();
      return;
    }
    p += 4 + size;
  }
}

/** One part's bytes, inflated step by step and refused once past its declared size or `limit`. */
export function inflatePart(
  bytes: Uint8Array,
  part: ZipPart,
  limit: number,
  meter: InflateMeter,
): Uint8Array {
  if (part.encrypted) throw new WorkbookRefusal("password", refusals.password());
  const r = new Reader(bytes);
  if (r.u32(part.localOffset) !== LOCAL_HEADER) throw damaged(`${part.name}: no local header`);
  const start = part.localOffset + 30 + r.u16(part.localOffset + 26) + r.u16(part.localOffset + 28);
  const data = r.slice(start, part.compressedSize);
  const cap = Math.min(part.size, limit);
  meter.parts.push(part.name);
  if (part.method === 0) {
    if (data.length > cap) throw damaged(`${part.name}: size differs from the directory`);
    meter.inflated += data.length;
    return data;
  }
  if (part.method !== 8) throw damaged(`${part.name}: compression method ${part.method}`);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    meter.inflated += chunk.length;
    if (produced > cap) throw damaged(`${part.name}: size differs from the directory`);
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += STEP)
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    if (data.length === 0) inflater.push(data, true);
  } catch (err) {
    if (err instanceof WorkbookRefusal) throw err;
    throw damaged(`${part.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const out = new Uint8Array(produced);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
