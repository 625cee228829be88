// Serves the built Excel add-in (dist/addin) from the tracker under /addin/, with its manifest
// pointed at this server, so one machine hosts both the tracker and the add-in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeBase, rebaseManifest } from "../addin-manifest.js";

/** `dist/addin/` is three levels above both `src/node/tracker/` (tests) and `dist/node/tracker/`. */
export const defaultAddinDir = fileURLToPath(new URL("../../../dist/addin/", import.meta.url));

export const ADDIN_PREFIX = "/addin";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/iu;

/** Office refuses an add-in whose pages are not https, so an http manifest would only mislead. */
const NEEDS_HTTPS =
  "Office chỉ nạp add-in qua https, nhưng tracker này đang được truy cập qua http. Hãy đặt tracker " +
  "sau một reverse proxy có TLS rồi chạy `chitieu serve --public-url https://<địa chỉ>` (hoặc thêm " +
  "`--trust-proxy <địa chỉ proxy>` để tracker tin tiêu đề X-Forwarded-Proto của proxy), rồi tải lại " +
  "manifest.\n" +
  "Office loads add-ins over https only, and this tracker was reached over http. Put it behind a TLS " +
  "reverse proxy and start it with `chitieu serve --public-url https://<address>` (or add " +
  "`--trust-proxy <proxy address>` so it trusts the proxy's X-Forwarded-Proto header), then download " +
  "the manifest again.\n";

const NOT_BUILT =
  "Add-in Excel chưa được build: chạy `npm run build:addin`. / " +
  "The Excel add-in is not built: run `npm run build:addin`.\n";

export interface AddinRouteOptions {
  /** The built add-in; `dist/addin/` of this checkout unless a test points elsewhere. */
  dir?: string;
  /**
   * Where clients reach this server (`--public-url`); without it, the origin each request names,
   * its protocol from X-Forwarded-Proto when the server trusts the proxy (`--trust-proxy`).
   */
  publicUrl?: string;
  /** Path the add-in is served under: `/addin` on the tracker, `` on the dev server. */
  prefix?: string;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** The add-in's routes, in the shape `buildServer`'s `register` option takes. */
export function registerAddinRoutes({
  dir = defaultAddinDir,
  publicUrl,
  prefix = ADDIN_PREFIX,
}: AddinRouteOptions = {}): (app: FastifyInstance) => void {
  const root = resolve(dir);
  const configuredBase = publicUrl === undefined ? undefined : normalizeBase(publicUrl) + prefix;

  const notBuilt = (reply: FastifyReply) =>
    reply.status(404).type("text/plain; charset=utf-8").send(NOT_BUILT);

  const baseFor = (req: FastifyRequest): string | undefined => {
    if (configuredBase) return configuredBase;
    // The Host header is the client's to choose: a name or an IP literal, and a port, nothing else.
    if (!HOST_HEADER.test(req.host)) return undefined;
    try {
      return normalizeBase(`${req.protocol}://${req.host}`) + prefix;
    } catch {
      return undefined; // a port past 65535, say
    }
  };

  return (app) => {
    app.get(`${prefix}/manifest.xml`, async (req, reply) => {
      reply.header("X-Content-Type-Options", "nosniff");
      const xml = await readFile(resolve(root, "manifest.xml"), "utf8").catch(() => undefined);
      if (xml === undefined) return notBuilt(reply);
      const base = baseFor(req);
      if (!base) return reply.status(400).type("text/plain; charset=utf-8").send("Bad Host\n");
      if (!base.startsWith("https://")) {
        return reply.status(409).type("text/plain; charset=utf-8").send(NEEDS_HTTPS);
      }
      reply
        .type(contentTypes[".xml"]!)
        // Office caches add-in files hard; without this an update can leave a stale task pane.
        .header("Cache-Control", "no-cache")
        // Officers save this file to upload it in Excel (Upload My Add-in), never open it in place.
        .header("Content-Disposition", 'attachment; filename="manifest.xml"')
        .send(rebaseManifest(xml, base));
    });

    app.get(`${prefix}/*`, async (req, reply) => {
      // A browser must never guess another type for a file of the add-in (a script, above all).
      reply.header("X-Content-Type-Options", "nosniff");
      if (!(await isDirectory(root))) return notBuilt(reply);
      const relative = (req.params as { "*": string })["*"];
      const file = resolve(root, relative);
      // The wildcard arrives percent-decoded, so "..%2f" is already "../" here: check the result.
      if (relative.includes("\0") || !file.startsWith(root + sep)) {
        return reply.status(404).type("text/plain; charset=utf-8").send("Not found\n");
      }
      const body = (await stat(file).catch(() => undefined))?.isFile()
        ? await readFile(file)
        : undefined;
      if (!body) return reply.status(404).type("text/plain; charset=utf-8").send("Not found\n");
      reply
        .type(contentTypes[extname(file).toLowerCase()] ?? "application/octet-stream")
        .header("Cache-Control", "no-cache")
        .send(body);
    });
  };
}
