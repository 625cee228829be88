// Only a regular file is opened, and only up to its limit: a symlink to a device, a FIFO or a folder
// is refused from its file type, before anything is read from it.
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  ftruncateSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRegularFile } from "../../src/node/regular-file.js";
import { WorkbookRefusal } from "../../src/node/xlsx-read/refusal.js";

const dir = mkdtempSync(join(tmpdir(), "chitieu-regular-"));

async function refusal(path: string, maxBytes = 1024) {
  const err = await readRegularFile(path, maxBytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookRefusal);
  return err as WorkbookRefusal;
}

describe("readRegularFile", () => {
  it("reads a regular file, also through a symlink", async () => {
    const file = join(dir, "bao-cao.xlsx");
    writeFileSync(file, "PK");
    const link = join(dir, "lien-ket.xlsx");
    symlinkSync(file, link);
    expect(Buffer.from(await readRegularFile(link, 1024)).toString()).toBe("PK");
  });

  it("refuses a symlink to /dev/urandom as a device", async () => {
    const link = join(dir, "urandom.xlsx");
    symlinkSync("/dev/urandom", link);
    const r = await refusal(link);
    expect(r.code).toBe("not-a-file");
    expect(r.message).toMatch(/thiết bị.* \/ .*a device/u);
  });

  it("refuses a FIFO at once, without waiting for a writer", async () => {
    const fifo = join(dir, "fifo.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await refusal(fifo);
    expect(r.code).toBe("not-a-file");
    expect(r.message).toContain("FIFO");
  });

  it("refuses a folder", async () => {
    const folder = join(dir, "thu-muc.xlsx");
    mkdirSync(folder);
    const r = await refusal(folder);
    expect(r.code).toBe("not-a-file");
    expect(r.message).toMatch(/thư mục.* \/ .*a folder/u);
  });

  it("refuses a file over the limit from its size, and a missing file clearly", async () => {
    const big = join(dir, "lon.xlsx");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 25 << 20);
    closeSync(fd);
    const r = await refusal(big, 20 << 20);
    expect(r.code).toBe("too-large");
    expect(r.message).toMatch(/25 MB.*20 MB/u);
    expect((await refusal(join(dir, "khong-co.xlsx"))).code).toBe("unreadable");
  });
});
