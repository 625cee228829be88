// `chitieu serve` as an administrator runs it: what the first start prints, one server per data
// folder, and clear refusals (exit 2, never a stack trace) for what cannot work.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CommandIO } from "../../src/node/io.js";
import { runCli } from "../../src/node/program.js";
import { openStore, submitUrl } from "../../src/node/tracker/open-store.js";
import { startTracker } from "../fixtures/tracker-process.js";

const CLI = join(import.meta.dirname, "../../dist/node/cli.js");

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The built CLI to its end (stopped after 15 s if it keeps running): exit code and output. */
function runBuilt(...argv: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [CLI, ...argv], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const stop = setTimeout(() => child.kill("SIGTERM"), 15_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(stop);
      resolve({ code, output });
    }),
  );
}

const UNIT_CODE = /chitieu1\.[A-Za-z0-9_-]+/u;
const CREDENTIAL = /chitieu-c1\.[0-9a-f]{16}\.[0-9a-f]{64}/u;
/** Each test starts real server processes, several seconds each on a busy machine. */
const PROCESSES = { timeout: 120_000 };
const emptyFolder = () => join(mkdtempSync(join(tmpdir(), "chitieu-serve-")), "data");

describe("chitieu serve, first start", PROCESSES, () => {
  it("prints one unit's access code and a consolidator credential, each once", async () => {
    const data = emptyFolder();
    const first = await startTracker(data);
    let credential: string;
    try {
      await first.printed(/chitieu-c1\./u);
      expect(first.output()).toMatch(UNIT_CODE);
      credential = CREDENTIAL.exec(first.output())![0];
      const submissions = await fetch(`${first.url}/api/submissions`, {
        headers: { authorization: `Bearer ${credential}` },
      });
      expect(submissions.status).toBe(200);
      expect((await fetch(`${first.url}/api/submissions`)).status).toBe(401);
    } finally {
      await first.stop();
    }
    // Revoked, a credential is not replaced by the next start: a server's output may go to a log.
    const id = /chitieu-c1\.([0-9a-f]{16})\./u.exec(credential)![1]!;
    expect((await run("keys", "revoke", "--consolidator", id, "--data", data)).code).toBe(0);
    const second = await startTracker(data);
    try {
      await second.printed(/stop: Ctrl\+C/u);
      expect(second.output()).not.toMatch(UNIT_CODE);
      expect(second.output()).not.toMatch(CREDENTIAL);
    } finally {
      await second.stop();
    }
  });

  it("refuses a --public-url it cannot use before importing anything; the next start prints the code", async () => {
    const data = emptyFolder();
    for (const url of ["https://chitieu.example.vn/?a=1", "http://exa mple.vn", "ftp://x.vn"]) {
      const r = await run("serve", "--public-url", url, "--port", "0", "--data", data);
      expect(r.code, url).toBe(2);
      expect(r.err).toContain("--public-url");
    }
    const tracker = await startTracker(data);
    try {
      await tracker.printed(/chitieu-c1\./u);
      expect(tracker.output()).toMatch(UNIT_CODE);
    } finally {
      await tracker.stop();
    }
  });
});

describe("chitieu serve, one per data folder", PROCESSES, () => {
  it("refuses a second server on the same folder, and the first keeps its address", async () => {
    const data = emptyFolder();
    const first = await startTracker(data);
    try {
      const second = await runBuilt(
        "serve",
        "--port",
        "0",
        "--data",
        data,
        "--public-url",
        "https://khac.example.vn",
      );
      expect(second.code).toBe(2);
      expect(second.output).toMatch(/another chitieu serve/u);
      expect(second.output).not.toMatch(/\n\s+at /u);
      expect((await fetch(`${first.url}/api/status`)).status).toBe(200);
      const store = openStore(data);
      try {
        expect(submitUrl(store)).toBe(`${first.url}/api/submit`);
      } finally {
        store.close();
      }
    } finally {
      await first.stop();
    }
    // Stopped, the folder is free again; killed, too (the lock goes with the process).
    const again = await startTracker(data);
    await again.stop("SIGKILL");
    const afterKill = await startTracker(data);
    await afterKill.stop();
  });

  it("answers a port in use with a message and exit 2, and leaves the folder free", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as AddressInfo).port;
    const data = emptyFolder();
    try {
      const r = await run("serve", "--port", String(port), "--data", data);
      expect(r.code).toBe(2);
      expect(r.err).toContain(String(port));
      const retry = await run("serve", "--port", String(port), "--data", data);
      expect(retry.err).not.toMatch(/another chitieu serve/u);
    } finally {
      busy.close();
    }
  });
});

describe("data folders that cannot be used", () => {
  it("a --data that is a file: a message naming it, exit 2, for every command that opens one", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "chitieu-notdir-")), "tracker-data");
    writeFileSync(file, "not a folder");
    for (const argv of [
      ["serve", "--port", "0"],
      ["units", "list"],
      ["keys", "list"],
      ["consolidate", "--period", "2025"],
    ]) {
      const r = await run(...argv, "--data", file);
      expect(r.code, argv[0]).toBe(2);
      expect(r.err, argv[0]).toContain(file);
    }
  });

  it("a damaged tracker.sqlite: a message naming it, exit 2, the file left as it was", async () => {
    const data = mkdtempSync(join(tmpdir(), "chitieu-damaged-"));
    writeFileSync(join(data, "tracker.sqlite"), "this is not a database ".repeat(200));
    for (const argv of [
      ["serve", "--port", "0"],
      ["units", "list"],
      ["keys", "list"],
    ]) {
      const r = await run(...argv, "--data", data);
      expect(r.code, argv[0]).toBe(2);
      expect(r.err, argv[0]).toContain(join(data, "tracker.sqlite"));
    }
    expect(readdirSync(data)).toEqual(["tracker.sqlite"]);
  });

  it("consolidate -o into a folder that does not exist: a message naming it, exit 2", async () => {
    const data = mkdtempSync(join(tmpdir(), "chitieu-out-"));
    mkdirSync(join(data, "d"));
    openStore(join(data, "d")).close();
    const target = join(data, "missing", "tracker.xlsx");
    const r = await run("consolidate", "--period", "2025", "--data", join(data, "d"), "-o", target);
    expect(r.code).toBe(2);
    expect(r.err).toContain(join(data, "missing"));
  });
});
