// The same requests, in the same order, to both trackers: the answers are the same JSON, receipt
// times aside, and both stored the same number of submissions.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validReport } from "../fixtures/reports.js";
import { bodyOf, comparable, invalidReport, refusals } from "./chitieu1.suite.js";
import { appsScriptServer, serveServer, suitePlan } from "./servers.js";

const template = suitePlan();
const serve = serveServer();
const appsScript = appsScriptServer();
beforeAll(async () => {
  await serve.reset();
  await appsScript.reset();
});
afterAll(() => serve.close());

describe("chitieu serve and the Apps Script web app", () => {
  it("answer every request of a session alike", async () => {
    const first = validReport(template, randomUUID());
    const changed = {
      ...first,
      indicators: first.indicators.map((e, i) => (i === 0 ? { ...e, note: "khác" } : e)),
    };
    const bodies = [
      bodyOf(first),
      bodyOf(first),
      bodyOf(changed),
      bodyOf(validReport(template, randomUUID())),
      invalidReport(template).body,
      ...refusals(template).map(([, make]) => make()),
      bodyOf(validReport(template, randomUUID())),
    ];
    const answers: [unknown, unknown][] = [];
    for (const body of bodies) {
      answers.push([comparable(await serve.post(body)), comparable(await appsScript.post(body))]);
    }
    for (const [fromServe, fromAppsScript] of answers) expect(fromAppsScript).toEqual(fromServe);
    expect(answers.filter(([a]) => (a as { ok: boolean }).ok)).toHaveLength(4);
    expect(await appsScript.storedCount()).toBe(await serve.storedCount());
    expect(await serve.storedCount()).toBe(3);
  });
});
