// The add-in's reads from the tracker: the right URL for each kind of tracker, offline from cache,
// and a bounded wait on a network that hangs.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NoticeError, notices } from "../../src/excel/notices.js";
import { resourceUrl } from "../../src/core/wire/read-api.js";
import { TrackerClient, trackerFetch } from "../../src/excel/tracker-client.js";
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

  it("refuses a malformed answer from the tracker with a message in both languages", async () => {
    // A tracker of another make: a list whose entries lack a version, and units without a kind.
    const fake = async (url: string) =>
      new URL(url).pathname.endsWith("/api/units")
        ? [{ code: "STTTT", name: "Sở Thông tin và Truyền thông", level: "province" }]
        : [{ id: "can-tho-2256", title: "Kế hoạch 2256" }];
    const client = new TrackerClient(memoryStore(), fake);
    const templates = await client.templates(serve).catch((e: unknown) => e);
    expect(templates).toBeInstanceOf(NoticeError);
    const notice = (templates as NoticeError).notice;
    expect(notice.vi).toContain("danh sách biểu mẫu không đúng định dạng chitieu/1");
    expect(notice.vi).toContain("$[0].version");
    expect(notice.en).toContain("template list is not a chitieu/1 answer");
    const unit = await client.unit(serve).catch((e: unknown) => e);
    expect((unit as NoticeError).notice.en).toContain("unit list is not a chitieu/1 answer");
    expect((unit as NoticeError).notice.en).toContain("$[0].kind");
  });

  it("keeps working from what it stored when a later answer is malformed", async () => {
    const tracker = seedTracker();
    const store = memoryStore();
    const good = await new TrackerClient(store, tracker.fetcher).templates(serve);
    const broken = new TrackerClient(store, async () => [{ id: 7 }]);
    expect(await broken.templates(serve)).toEqual(good);
  });
});

describe("the tracker's network", () => {
  let server: Server;
  let url = "";
  beforeAll(async () => {
    // A tracker that takes the connection and never answers: a hanging network.
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("gives up on a read that hangs, so the add-in falls back to what it stored", async () => {
    const client = new TrackerClient(memoryStore(), trackerFetch({ timeoutMs: 200 }).json);
    const code = { ...serve, url: `${url}/api/submit` };
    const error = await client.unit(code).catch((e: Error) => e);
    expect((error as Error).message).toBe("offline");
  }, 5_000);

  it("gives up on a submission that hangs and says the tracker did not answer", async () => {
    const post = trackerFetch({ timeoutMs: 200 }).transport.post(`${url}/api/submit`, "{}");
    await expect(post).rejects.toThrow(notices.trackerSilent.en);
  }, 5_000);
});
