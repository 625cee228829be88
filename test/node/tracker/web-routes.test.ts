// The officer's page served by the tracker (Fastify inject): /nop and its files with their types and
// headers, the service worker allowed to control /nop, nothing else of the folder, no secret inside.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../../src/node/tracker/open-store.js";
import { buildServer } from "../../../src/node/tracker/server.js";
import type { SqliteStore } from "../../../src/node/tracker/store.js";
import { registerWebRoutes } from "../../../src/node/tracker/web-routes.js";
import { startTracker } from "../../fixtures/tracker-process.js";
import { builtPage } from "../../fixtures/web-build.js";

let dir: string;
let store: SqliteStore | undefined;
let app: ReturnType<typeof buildServer> | undefined;

beforeAll(async () => {
  dir = (await builtPage()).dir;
}, 120_000);

function serve(webDir = dir) {
  const opened = openStore(mkdtempSync(join(tmpdir(), "chitieu-web-store-")));
  opened.importUnits([{ code: "STTTT", name: "Sở", kind: "department", level: "province" }]);
  opened.setKey("STTTT", "7".repeat(64));
  const server = buildServer({ store: opened, register: registerWebRoutes({ dir: webDir }) });
  store = opened;
  app = server;
  return server;
}

afterEach(async () => {
  await app?.close();
  store?.close();
  app = undefined;
  store = undefined;
});

describe("/nop", () => {
  it("serves the page with a policy that lets scripts and workers come from this server only", async () => {
    const r = await serve().inject("/nop");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["referrer-policy"]).toBe("no-referrer");
    const csp = String(r.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.body).toContain('<script defer src="nop/nop.js"></script>');
    expect(r.body).toContain('{"host":"tracker"}');
  });

  it.each([
    ["nop.js", "text/javascript; charset=utf-8"],
    ["check-worker.js", "text/javascript; charset=utf-8"],
    ["nop.css", "text/css; charset=utf-8"],
    ["taskpane.css", "text/css; charset=utf-8"],
  ])("serves nop/%s as %s", async (file, type) => {
    const r = await serve().inject(`/nop/${file}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(type);
    expect(r.headers["cache-control"]).toBe("no-cache");
  });

  it("lets the service worker at nop/sw.js control /nop, one folder up", async () => {
    const r = await serve().inject("/nop/sw.js");
    expect(r.statusCode).toBe(200);
    expect(r.headers["service-worker-allowed"]).toBe("../nop");
  });

  it("serves nothing else of the folder, and no way out of it", async () => {
    writeFileSync(join(dir, "secret.txt"), "secret");
    const app = serve();
    for (const path of [
      "/nop/secret.txt",
      "/nop/nop-inline.html",
      "/nop/..%2f..%2fpackage.json",
      "/nop/nop.html",
    ])
      expect((await app.inject(path)).statusCode, path).toBe(404);
  });

  it("sends /nop/ to /nop, where the page's relative links resolve", async () => {
    const r = await serve().inject("/nop/");
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("../nop");
  });

  it("holds no unit key", async () => {
    const app = serve();
    for (const path of ["/nop", "/nop/nop.js", "/nop/check-worker.js", "/nop/sw.js"])
      expect((await app.inject(path)).body).not.toContain("7".repeat(64));
  });

  it("says how to build the page when it is not built", async () => {
    const r = await serve(mkdtempSync(join(tmpdir(), "chitieu-no-web-"))).inject("/nop");
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain("npm run build:web");
  });

  it("leaves the anonymous template reads the page needs as they are", async () => {
    const app = serve();
    const list = await app.inject("/api/templates");
    expect(list.statusCode).toBe(200);
    const one = await app.inject("/api/templates/can-tho-2256");
    expect(one.json()).toMatchObject({ id: "can-tho-2256" });
  });
});

describe("chitieu serve", () => {
  it("serves the officers' page from dist/web", async () => {
    const tracker = await startTracker(mkdtempSync(join(tmpdir(), "chitieu-web-serve-")));
    try {
      const page = await fetch(`${tracker.url}/nop`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('id="chitieu-config"');
      expect((await fetch(`${tracker.url}/nop/check-worker.js`)).status).toBe(200);
    } finally {
      await tracker.stop();
    }
  });
});
