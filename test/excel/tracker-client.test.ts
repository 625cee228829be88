// The add-in's reads from the tracker: the right URL for each kind of tracker, and offline from cache.
import { describe, expect, it } from "vitest";
import { resourceUrl, TrackerClient } from "../../src/excel/tracker-client.js";
import { memoryStore, seedTracker } from "./addin-harness.js";

const serve = { url: "http://127.0.0.1:8787/api/submit", unit: "STTTT", key: "1".repeat(64) };
const appsScript = { ...serve, url: "https://script.google.com/macros/s/abc/exec" };

describe("TrackerClient", () => {
  it("asks chitieu serve on its API paths, and an Apps Script web app with ?resource=", () => {
    expect(resourceUrl(serve, "units")).toBe("http://127.0.0.1:8787/api/units");
    expect(resourceUrl(serve, { template: "can-tho-2256" })).toBe(
      "http://127.0.0.1:8787/api/templates/can-tho-2256",
    );
    expect(resourceUrl(appsScript, "templates")).toBe(
      "https://script.google.com/macros/s/abc/exec?resource=templates",
    );
    expect(resourceUrl(appsScript, { template: "a b" })).toBe(
      "https://script.google.com/macros/s/abc/exec?resource=template&id=a%20b",
    );
  });

  it("works offline from what it fetched before, and says offline when it has nothing", async () => {
    const tracker = seedTracker();
    const client = new TrackerClient(memoryStore(), tracker.fetcher);
    const online = await client.template(serve, "can-tho-2256");
    tracker.state.online = false;
    expect(await client.template(serve, "can-tho-2256")).toEqual(online);
    expect(await client.unit(serve).catch((e: Error) => e.message)).toBe("offline");
  });
});
