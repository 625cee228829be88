// `chitieu keys`: unit access codes and consolidator credentials, issued once, listed without their
// secrets, revoked for good.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CommandIO } from "../../src/node/io.js";
import { runCli } from "../../src/node/program.js";
import { isConsolidatorCredential } from "../../src/node/tracker/consolidator-credentials.js";
import { openStore, saveSubmitUrl } from "../../src/node/tracker/open-store.js";
import { reportingUnit } from "../fixtures/reports.js";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function dataFolder() {
  const data = mkdtempSync(join(tmpdir(), "chitieu-keys-"));
  const store = openStore(data);
  store.importUnits([reportingUnit]);
  saveSubmitUrl(store, "http://127.0.0.1:8787/api/submit");
  store.close();
  return data;
}

const CREDENTIAL = /chitieu-c1\.([0-9a-f]{16})\.[0-9a-f]{64}/u;

function withStore<T>(data: string, f: (store: ReturnType<typeof openStore>) => T): T {
  const store = openStore(data);
  try {
    return f(store);
  } finally {
    store.close();
  }
}

describe("chitieu keys, consolidator credentials", () => {
  it("issues a credential printed once, lists it without its secret, revokes it for good", async () => {
    const data = dataFolder();
    const issued = await run(
      "keys",
      "issue",
      "--consolidator",
      "--label",
      "Sở KH&CN",
      "--data",
      data,
    );
    expect(issued.code, issued.err).toBe(0);
    const match = CREDENTIAL.exec(issued.out);
    expect(match).not.toBeNull();
    const [credential, id] = match as unknown as [string, string];
    expect(withStore(data, (s) => isConsolidatorCredential(s, credential))).toBe(true);
    expect(readFileSync(join(data, "tracker.sqlite")).includes(credential.slice(-64))).toBe(false);

    const listed = await run("keys", "list", "--data", data);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(id);
    expect(listed.out).toContain("Sở KH&CN");
    expect(listed.out).not.toContain(credential.slice(-64));
    expect(listed.out).toMatch(/STTTT.*chưa có mã/u);

    const revoked = await run("keys", "revoke", "--consolidator", id, "--data", data);
    expect(revoked.code, revoked.err).toBe(0);
    expect(withStore(data, (s) => isConsolidatorCredential(s, credential))).toBe(false);
    expect((await run("keys", "list", "--data", data)).out).toMatch(/thu hồi \/ revoked/u);

    const again = await run("keys", "revoke", "--consolidator", id, "--data", data);
    expect(again.code).toBe(2);
    expect(again.err).toContain(id);
  });

  it("revokes a unit's access code: the unit can no longer submit", async () => {
    const data = dataFolder();
    expect((await run("keys", "issue", reportingUnit.code, "--data", data)).code).toBe(0);
    expect(withStore(data, (s) => s.unit(reportingUnit.code))).toBeDefined();
    const r = await run("keys", "revoke", reportingUnit.code, "--data", data);
    expect(r.code, r.err).toBe(0);
    expect(withStore(data, (s) => s.unit(reportingUnit.code))).toBeUndefined();
    expect((await run("keys", "list", "--data", data)).out).toMatch(/STTTT.*chưa có mã/u);
  });

  it("asks for a unit or --consolidator, not both and not neither", async () => {
    const data = dataFolder();
    for (const argv of [
      ["keys", "issue", "--data", data],
      ["keys", "issue", reportingUnit.code, "--consolidator", "--data", data],
      ["keys", "revoke", "--data", data],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toContain("--consolidator");
    }
  });
});
