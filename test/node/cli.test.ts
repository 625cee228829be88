// The CLI run in-process, and once as the built binary a fresh clone gets from `npm ci`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Template } from "../../src/core/plan/template-schema.js";
import type { CommandIO } from "../../src/node/io.js";
import { runCli } from "../../src/node/program.js";
import { seedsDir } from "../../src/node/seeds.js";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("chitieu templates", () => {
  it("list --json gives five plans with their counts", async () => {
    const { code, out } = await run("templates", "list", "--json");
    expect(code).toBe(0);
    const rows = JSON.parse(out) as {
      id: string;
      indicators: number;
      tasks: number;
      budgetLines: number;
    }[];
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.id === "can-tho-2256")).toMatchObject({ budgetLines: 3 });
    expect(rows.every((r) => r.indicators > 0)).toBe(true);
  });

  it("list prints one line per plan for people", async () => {
    const { code, out } = await run("templates", "list");
    expect(code).toBe(0);
    expect(out.split("\n")).toHaveLength(5);
    expect(out).toContain("2256/QĐ-UBND");
  });

  it("export returns JSON that the schema accepts, for every plan", async () => {
    const ids = (
      JSON.parse((await run("templates", "list", "--json")).out) as { id: string }[]
    ).map((r) => r.id);
    for (const id of ids) {
      const { code, out } = await run("templates", "export", id);
      expect(code).toBe(0);
      const parsed = Template.safeParse(JSON.parse(out));
      expect(parsed.success, id).toBe(true);
      expect(parsed.data?.id).toBe(id);
    }
  });

  it("export of an unknown id fails and names the ones there are", async () => {
    const { code, err } = await run("templates", "export", "no-such-plan");
    expect(code).toBe(2);
    expect(err).toContain("can-tho-2256");
  });

  it("check passes the shipped templates", async () => {
    const { code, out } = await run("templates", "check");
    expect(code).toBe(0);
    expect(out).toContain("5/5");
  });

  it("check fails with the file, JSON path and problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-check-"));
    const template = JSON.parse(readFileSync(join(seedsDir, "can-tho-2256.json"), "utf8"));
    template.indicators[1].target.op = "at least";
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify(template));
    const { code, err } = await run("templates", "check", file);
    expect(code).toBe(1);
    expect(err).toMatch(/broken\.json \$\.indicators\[1\]\.target\.op: /);
  });

  it("check fails when a number no longer matches its quote", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-check-"));
    const template = JSON.parse(readFileSync(join(seedsDir, "can-tho-kh-2025.json"), "utf8"));
    template.budget.total.amount += 1000;
    template.budget.parts[0].amount += 1000;
    const file = join(dir, "drifted.json");
    writeFileSync(file, JSON.stringify(template));
    const { code, err } = await run("templates", "check", file);
    expect(code).toBe(1);
    expect(err).toMatch(/\$\.budget\.total\.source/);
  });

  it("the built binary runs as `chitieu`", () => {
    const bin = join(import.meta.dirname, "../../dist/node/cli.js");
    const rows = JSON.parse(
      execFileSync(process.execPath, [bin, "templates", "list", "--json"], { encoding: "utf8" }),
    );
    expect(rows).toHaveLength(5);
  });
});

describe("chitieu serve arguments", () => {
  it("refuses a public URL that is not http(s) and a port that is not one, before starting", async () => {
    expect((await run("serve", "--public-url", "not-a-url")).code).toBe(2);
    const r = await run("serve", "--port", "99999");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--port");
  });
});
