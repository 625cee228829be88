// Serves the officer's page (dist/web) from the tracker: `/nop` and its files under `/nop/`. The
// page reads templates from the anonymous `/api/templates` and posts to `/api/submit` like any client.
import type { FastifyInstance, FastifyReply } from "fastify";
import { readFile } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** `dist/web/` is three levels above both `src/node/tracker/` (tests) and `dist/node/tracker/`. */
export const defaultWebDir = fileURLToPath(new URL("../../../dist/web/", import.meta.url));

export const PAGE_PATH = "/nop";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/**
 * Scripts and styles from this server only; the worker too. `connect-src *`: an access code may
 * name another tracker address (its public URL) than the one the page was opened at.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src *",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const NOT_BUILT =
  "Trang nộp báo cáo chưa được build: chạy `npm run build:web`. / " +
  "The report page is not built: run `npm run build:web`.\n";

export interface WebRouteOptions {
  /** The built page; `dist/web/` of this checkout unless a test points elsewhere. */
  dir?: string;
}

const notFound = (reply: FastifyReply) =>
  reply.status(404).type("text/plain; charset=utf-8").send("Not found\n");

/** What the page is made of; nothing else of the folder is served. */
const FILES = new Set(["nop.js", "check-worker.js", "sw.js", "nop.css", "taskpane.css"]);

const readIn = (root: string, name: string) => readFile(join(root, name)).catch(() => undefined);

/** The page's routes, in the shape `buildServer`'s `register` option takes. */
export function registerWebRoutes({ dir = defaultWebDir }: WebRouteOptions = {}): (
  app: FastifyInstance,
) => void {
  const root = resolve(dir);
  const send = (reply: FastifyReply, name: string, body: Buffer) => {
    reply
      .header("X-Content-Type-Options", "nosniff")
      .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
      .header("Referrer-Policy", "no-referrer")
      // The service worker keeps copies for offline use; the browser's own cache must not go stale.
      .header("Cache-Control", "no-cache")
      .type(contentTypes[extname(name)] ?? "application/octet-stream");
    // Registered from /nop with scope "nop": one level above the script's own folder.
    if (name === "sw.js") reply.header("Service-Worker-Allowed", `../${PAGE_PATH.slice(1)}`);
    return reply.send(body);
  };

  return (app) => {
    app.get(PAGE_PATH, async (_req, reply) => {
      const page = await readIn(root, "nop.html");
      if (!page) return reply.status(404).type("text/plain; charset=utf-8").send(NOT_BUILT);
      return send(reply, "nop.html", page);
    });
    // The page's relative links resolve against "/nop", never "/nop/".
    app.get(`${PAGE_PATH}/`, async (_req, reply) => reply.redirect(`../${PAGE_PATH.slice(1)}`));
    app.get(`${PAGE_PATH}/*`, async (req, reply) => {
      const name = (req.params as { "*": string })["*"];
      const body = FILES.has(name) ? await readIn(root, name) : undefined;
      return body ? send(reply, name, body) : notFound(reply);
    });
  };
}
