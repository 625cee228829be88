// Reading a report file from disk: only a regular file is opened, and only up to its limit, so a
// symlink to /dev/urandom, a FIFO or a folder is refused from its type before it is opened.
import type { Stats } from "node:fs";
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { refusals, WorkbookRefusal } from "./xlsx-read/refusal.js";

function whatItIs(s: Stats): { vi: string; en: string } {
  if (s.isDirectory()) return { vi: "thư mục", en: "a folder" };
  if (s.isFIFO()) return { vi: "ống FIFO", en: "a FIFO" };
  if (s.isSocket()) return { vi: "socket", en: "a socket" };
  return { vi: "thiết bị", en: "a device" };
}

function check(s: Stats, maxBytes: number) {
  if (!s.isFile()) throw new WorkbookRefusal("not-a-file", refusals["not-a-file"](whatItIs(s)));
  if (s.size > maxBytes)
    throw new WorkbookRefusal("too-large", refusals["too-large"](s.size, maxBytes));
}

const unreadable = (err: unknown) =>
  new WorkbookRefusal(
    "unreadable",
    refusals.unreadable((err as NodeJS.ErrnoException).code ?? String(err)),
  );

/** The file's bytes; a symlink is followed, and what it points at must be a regular file. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  check(await stat(path).catch((err: unknown) => Promise.reject(unreadable(err))), maxBytes);
  // Non-blocking, and checked again once open: the path may have changed since stat.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((err: unknown) =>
    Promise.reject(unreadable(err)),
  );
  try {
    const s = await handle.stat();
    check(s, maxBytes);
    const bytes = new Uint8Array(s.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}
