// The add-in served by the tracker (Fastify inject): files with their types, no way out of the
// add-in folder, and a manifest pointed at whoever asks.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADDIN_ID } from "../../../src/node/addin-manifest.js";
import { registerAddinRoutes } from "../../../src/node/tracker/addin-routes.js";
import { openStore } from "../../../src/node/tracker/open-store.js";
import { buildServer } from "../../../src/node/tracker/server.js";
import type { SqliteStore } from "../../../src/node/tracker/store.js";
import { validateManifest } from "../../../scripts/manifest-schema.mjs";

const repo = join(import.meta.dirname, "../../..");
const SECRET = '{"name":"secret"}';

let root: string;
let addin: string;
let store: SqliteStore;
let app: ReturnType<typeof buildServer>;

/** A checkout in miniature: package.json two levels above dist/addin, as in the repository. */
function fakeCheckout() {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-addin-"));
  writeFileSync(join(dir, "package.json"), SECRET);
  const out = join(dir, "dist", "addin");
  mkdirSync(join(out, "assets"), { recursive: true });
  writeFileSync(join(out, "taskpane.html"), "<!doctype html><title>Chỉ tiêu</title>");
  writeFileSync(join(out, "taskpane.js"), "(() => {})();\n//# sourceMappingURL=taskpane.js.map");
  writeFileSync(join(out, "taskpane.js.map"), '{"version":3}');
  writeFileSync(join(out, "taskpane.css"), "body { margin: 0 }");
  copyFileSync(join(repo, "assets", "icon-32.png"), join(out, "assets", "icon-32.png"));
  copyFileSync(join(repo, "manifest.xml"), join(out, "manifest.xml"));
  return { dir, out };
}

function serve(
  options: Parameters<typeof registerAddinRoutes>[0],
  trustProxy?: Parameters<typeof buildServer>[0]["trustProxy"],
) {
  store = openStore(mkdtempSync(join(tmpdir(), "chitieu-addin-store-")));
  app = buildServer({ store, register: registerAddinRoutes(options), trustProxy });
  return app;
}

beforeEach(() => {
  ({ dir: root, out: addin } = fakeCheckout());
});
afterEach(async () => {
  await app.close();
  store.close();
});

describe("/addin/ files", () => {
  it.each([
    ["taskpane.html", "text/html; charset=utf-8"],
    ["taskpane.js", "text/javascript; charset=utf-8"],
    ["taskpane.js.map", "application/json; charset=utf-8"],
    ["taskpane.css", "text/css; charset=utf-8"],
    ["assets/icon-32.png", "image/png"],
  ])("serves %s as %s, never to be sniffed", async (file, type) => {
    const r = await serve({ dir: addin }).inject(`/addin/${file}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(type);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.rawPayload.equals(readFileSync(join(addin, file)))).toBe(true);
  });

  it("keeps the tracker's own routes and headers", async () => {
    const server = serve({ dir: addin });
    expect((await server.inject("/api/status")).json()).toMatchObject({ ok: true });
    // Same-origin files: CORS only on the API routes the add-in calls (server.test.ts).
    const r = await server.inject("/addin/taskpane.html");
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("answers 404 for a file or folder that is not there", async () => {
    const server = serve({ dir: addin });
    for (const url of ["/addin/nope.js", "/addin/assets", "/addin/", "/addin/assets/"]) {
      expect((await server.inject(url)).statusCode, url).toBe(404);
    }
  });

  it.each([
    "/addin/../package.json",
    "/addin/../../package.json",
    "/addin/%2e%2e/%2e%2e/package.json",
    "/addin/..%2f..%2fpackage.json",
    "/addin/%2e%2e%2f%2e%2e%2fpackage.json",
    "/addin/assets/..%2f..%2f..%2fpackage.json",
    "/addin/%2E%2E%2F%2E%2E%2Fpackage.json",
    "/addin/..%5c..%5cpackage.json",
    "/addin/%252e%252e%252f%252e%252e%252fpackage.json",
    "/addin/..%2f..%2fpackage.json%00.png",
  ])("refuses %s", async (url) => {
    const r = await serve({ dir: addin }).inject(url);
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.body).not.toContain("secret");
  });

  it("refuses an absolute path smuggled in encoded", async () => {
    const url = `/addin/${encodeURIComponent(join(root, "package.json"))}`;
    const r = await serve({ dir: addin }).inject(url);
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain("secret");
  });

  it("says how to build the add-in when dist/addin is missing", async () => {
    const server = serve({ dir: join(root, "no-such-dir") });
    for (const url of ["/addin/taskpane.html", "/addin/manifest.xml"]) {
      const r = await server.inject(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.body, url).toContain("npm run build:addin");
    }
  });
});

describe("/addin/manifest.xml", () => {
  /** A request as a TLS reverse proxy on this machine forwards it. */
  const behindProxy = (host: string, from = "127.0.0.1") => ({
    url: "/addin/manifest.xml",
    remoteAddress: from,
    headers: { host, "x-forwarded-proto": "https" },
  });

  it("behind a TLS proxy it trusts, points every URL at the https host asked for", async () => {
    const r = await serve({ dir: addin }, "127.0.0.1").inject(
      behindProxy("tracker.so-khcn.vn:8443"),
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("application/xml; charset=utf-8");
    expect(r.headers["content-disposition"]).toBe('attachment; filename="manifest.xml"');
    expect(r.body).not.toContain("localhost");
    expect(r.body).toContain(
      '<SourceLocation DefaultValue="https://tracker.so-khcn.vn:8443/addin/taskpane.html"/>',
    );
    expect(r.body).toContain("<AppDomain>https://tracker.so-khcn.vn:8443</AppDomain>");
    // A tracker's add-in is not the development one: it has its own <Id>.
    expect(r.body).toContain(`<Id>${ADDIN_ID}</Id>`);
    const urls = [...r.body.matchAll(/\b(?:Default)?Value="(https?:[^"]*)"/gu)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u!.startsWith("https://tracker.so-khcn.vn:8443/addin/"))).toEqual(
      [],
    );
    expect(await validateManifest(r.body)).toMatchObject({ valid: true, errors: [] });
  });

  it("never answers a manifest Office would refuse: over plain http it says what to set up", async () => {
    const plain = await serve({ dir: addin }).inject({
      url: "/addin/manifest.xml",
      headers: { host: "tracker.so-khcn.vn:8787" },
    });
    expect(plain.statusCode).toBe(409);
    expect(plain.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(plain.body).not.toContain("<OfficeApp");
    expect(plain.body).toContain("https");
    expect(plain.body).toContain("--public-url https://");
    expect(plain.body).toContain("--trust-proxy");
    expect(plain.body).toMatch(/Office chỉ nạp add-in qua https/u);
  });

  it("takes X-Forwarded-Proto only from a proxy it trusts", async () => {
    const server = serve({ dir: addin }, "127.0.0.1");
    expect((await server.inject(behindProxy("tracker.so-khcn.vn", "203.0.113.9"))).statusCode).toBe(
      409,
    );
    expect((await server.inject(behindProxy("tracker.so-khcn.vn"))).statusCode).toBe(200);
    const untrusting = await serve({ dir: addin }).inject(behindProxy("tracker.so-khcn.vn"));
    expect(untrusting.statusCode).toBe(409);
  });

  it("says the same of an http --public-url", async () => {
    const r = await serve({ dir: addin, publicUrl: "http://chitieu.example.vn" }).inject(
      "/addin/manifest.xml",
    );
    expect(r.statusCode).toBe(409);
    expect(r.body).toContain("--public-url https://");
  });

  it("uses the configured public URL whatever Host the request names", async () => {
    const r = await serve({ dir: addin, publicUrl: "https://chitieu.example.vn/" }).inject({
      url: "/addin/manifest.xml",
      headers: { host: "127.0.0.1:8787" },
    });
    expect(r.body).toContain("https://chitieu.example.vn/addin/assets/icon-32.png");
    expect(r.body).toContain("<AppDomain>https://chitieu.example.vn</AppDomain>");
    expect(r.body).not.toContain("127.0.0.1");
  });

  it.each(['evil"/><x a="', "evil.example/x", "evil.example:99999"])(
    "refuses the Host header %s rather than echo it into the XML",
    async (host) => {
      const r = await serve({ dir: addin }).inject({
        url: "/addin/manifest.xml",
        headers: { host },
      });
      expect(r.statusCode).toBe(400);
      expect(r.body).not.toContain("evil");
    },
  );
});
