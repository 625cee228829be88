// PropertiesService, LockService, ContentService, Utilities and Session as Apps Script has them,
// with the limits that matter: a property value holds 9 KB and a store 500 KB, and a change over
// either is refused whole; digests are signed Java bytes; waitLock throws when the lock cannot be had.
import { createHash, randomUUID } from "node:crypto";
import type { CallLog } from "./calls.js";
import { counted } from "./calls.js";
import { FakeContentOutput } from "./content-output.js";

// Quotas for Google Services: "Properties value size 9 KB / val", "Properties total storage
// 500 KB / property store". Counted in UTF-8 bytes, keys included: stricter than characters.
export const VALUE_LIMIT = 9 * 1024;
export const STORE_LIMIT = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export class FakeProperties {
  readonly values = new Map<string, string>();

  /** The store as it would be after the change, refused whole when over a limit. */
  private commit(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > VALUE_LIMIT) throw new Error(`Argument too large: value of ${k}`);
      total += bytes(k) + bytes(v);
    }
    if (total > STORE_LIMIT) throw new Error("You have exceeded the property storage quota.");
    this.values.clear();
    for (const [k, v] of next) this.values.set(k, v);
  }

  /** What the store holds, in bytes, as the quota counts it. */
  size(): number {
    let total = 0;
    for (const [k, v] of this.values) total += bytes(k) + bytes(v);
    return total;
  }

  getProperty(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
  getKeys(): string[] {
    return [...this.values.keys()];
  }
  setProperty(key: string, value: string): this {
    this.commit(new Map(this.values).set(key, String(value)));
    return this;
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.values);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.commit(next);
    return this;
  }
  deleteProperty(key: string): this {
    this.values.delete(key);
    return this;
  }
}

export class FakePropertiesService {
  readonly script = new FakeProperties();
  constructor(private readonly calls: CallLog) {}
  getScriptProperties() {
    return counted(this.script, "Properties", this.calls);
  }
}

export class FakeLock {
  held = false;
  /** When true, another execution holds the lock past any wait. */
  busy = false;
  acquired = 0;
  released = 0;
  /** The timeout each waitLock or tryLock asked for, in milliseconds. */
  readonly waits: number[] = [];

  waitLock(timeoutInMillis: number): void {
    this.waits.push(timeoutInMillis);
    if (this.busy)
      throw new Error("Lock timeout: another process was holding the lock for too long.");
    this.held = true;
    this.acquired++;
  }
  tryLock(timeoutInMillis: number): boolean {
    this.waits.push(timeoutInMillis);
    if (this.busy) return false;
    this.held = true;
    this.acquired++;
    return true;
  }
  hasLock(): boolean {
    return this.held;
  }
  releaseLock(): void {
    if (this.held) this.released++;
    this.held = false;
  }
}

export class FakeLockService {
  readonly script = new FakeLock();
  constructor(private readonly calls: CallLog) {}
  getScriptLock() {
    return counted(this.script, "Lock", this.calls);
  }
}

export const MimeType = {
  JSON: "JSON",
  TEXT: "TEXT",
  CSV: "CSV",
  JAVASCRIPT: "JAVASCRIPT",
} as const;

export class FakeTextOutput extends FakeContentOutput {
  mimeType: string = MimeType.TEXT;
  setMimeType(mimeType: string): this {
    this.mimeType = mimeType;
    return this;
  }
  getMimeType() {
    return this.mimeType;
  }
}

export class FakeContentService {
  readonly MimeType = MimeType;
  constructor(private readonly calls: CallLog) {}
  createTextOutput(content = "") {
    return counted(new FakeTextOutput(String(content)), "TextOutput", this.calls);
  }
}

const digestNames = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
} as const;

export class FakeUtilities {
  readonly DigestAlgorithm = {
    MD5: "MD5",
    SHA_1: "SHA_1",
    SHA_256: "SHA_256",
    SHA_384: "SHA_384",
    SHA_512: "SHA_512",
  };
  readonly Charset = { US_ASCII: "US_ASCII", UTF_8: "UTF_8" };
  uuids = 0;

  getUuid(): string {
    this.uuids++;
    return randomUUID();
  }

  /** Apps Script answers Java's signed bytes (-128…127), not 0…255. */
  computeDigest(algorithm: string, value: string | number[], charset = "UTF_8"): number[] {
    const name = digestNames[algorithm as keyof typeof digestNames];
    if (!name) throw new Error(`Invalid argument: algorithm ${algorithm}`);
    const bytes =
      typeof value === "string"
        ? Buffer.from(value, charset === "US_ASCII" ? "latin1" : "utf8")
        : Buffer.from(value.map((b) => b & 255));
    return [...createHash(name).update(bytes).digest()].map((b) => (b > 127 ? b - 256 : b));
  }
}

export class FakeSession {
  constructor(private readonly timeZone = "Asia/Ho_Chi_Minh") {}
  getScriptTimeZone() {
    return this.timeZone;
  }
}
