// A tracker whose script properties an earlier version wrote (one plan: `{planId, period}`, the
// spreadsheet of test/fixtures/appsscript/tracker-v1.json) opened by this version, which follows
// several plans: the configuration is migrated in place, the old text kept, nothing else changes.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/wire/protocol.js";
import { envelopeFor } from "../../src/core/wire/submit-client.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { AppsScriptWorld, builtBundle } from "../fakes/apps-script/runtime.js";
import { restore } from "../fakes/apps-script/snapshot.js";
import { trackerV1, V1_KEY, V1_UNITS } from "../fixtures/appsscript/tracker-v1.js";
import { validReport } from "../fixtures/reports.js";

const OLD_CONFIG = JSON.stringify({ planId: "can-tho-kh-2025", period: "2025" });
const templates = loadSeedTemplates().templates;
const templateOf = (id: string) => templates.find((t) => t.id === id)!;

let world: AppsScriptWorld;
beforeEach(async () => {
  world = new AppsScriptWorld(await builtBundle());
  restore(world, trackerV1());
});

function post(planId: string): Answer {
  const unit = V1_UNITS[0]!;
  const submission = validReport(templateOf(planId), randomUUID(), unit);
  const { body } = envelopeFor(submission, {
    url: "https://tracker.invalid/submit",
    unit: unit.code,
    key: V1_KEY,
  });
  return JSON.parse(world.post(body).text) as Answer;
}

const config = () => world.properties.script.getProperty("chitieu:config");

describe("a tracker configured by a one-plan version", () => {
  it("holds the old configuration", () => {
    expect(config()).toBe(OLD_CONFIG);
  });

  it("keeps taking its plan's reports, migrating the configuration with a backup", () => {
    expect(post("can-tho-kh-2025")).toMatchObject({ ok: true });
    expect(JSON.parse(config()!)).toEqual({ plans: ["can-tho-kh-2025"], period: "2025" });
    expect(world.properties.script.getProperty("chitieu:config.v1.backup")).toBe(OLD_CONFIG);
    expect(post("hau-giang-190")).toMatchObject({ ok: false, error: { code: "unknown-template" } });
  });

  it("takes another plan once set up for it, its first plan still first", () => {
    const index = (rows: unknown[][]) => rows.map((r) => r.slice(0, 9));
    const stored = index(world.spreadsheet.sheet("_submissions")!.dump());
    world.ui.answer("hau-giang-190, can-tho-kh-2025").answer("2025");
    world.run("setupTracker");
    expect(JSON.parse(config()!).plans).toEqual(["can-tho-kh-2025", "hau-giang-190"]);
    expect(world.properties.script.getProperty("chitieu:config.v1.backup")).toBe(OLD_CONFIG);
    // No stored report was rewritten by the migration or the setup.
    expect(index(world.spreadsheet.sheet("_submissions")!.dump())).toEqual(stored);
    expect(post("hau-giang-190")).toMatchObject({ ok: true });
  });

  it("refuses to drop the plan that holds its reports", () => {
    world.ui.answer("hau-giang-190").answer("2025");
    world.run("setupTracker");
    expect(world.ui.alerts.at(-1)).toContain("can-tho-kh-2025");
    expect(JSON.parse(config()!).plans).toEqual(["can-tho-kh-2025"]);
  });
});
