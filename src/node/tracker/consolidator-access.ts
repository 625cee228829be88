// Who may read submissions on `chitieu serve`: a consolidator credential, sent by tools as a bearer
// token, or by a browser as the cookie the sign-in form sets (HttpOnly, so no script reads it;
// SameSite=Strict, so no other site's page sends it).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { errorAnswer, httpStatus } from "../../core/wire/protocol.js";
import { isConsolidatorCredential } from "./consolidator-credentials.js";
import { renderLoginPage } from "./pages.js";
import type { SqliteStore } from "./store.js";

export const SESSION_COOKIE = "chitieu_session";
/** A working day: the browser forgets the credential by the next morning. */
const SESSION_SECONDS = 8 * 3600;

/** The credential a request carries, if any: the Authorization header first, then the cookie. */
function presented(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (auth !== undefined) return /^Bearer\s+(\S+)$/iu.exec(auth)?.[1];
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Only a path on this tracker, so the form cannot send a signed-in browser elsewhere. */
function localPath(next: string | null): string {
  return next && /^\/(?![/\\])/u.test(next) ? next : "/";
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .status(status)
    .type("text/html; charset=utf-8")
    .header("Cache-Control", "no-store")
    .send(body);

export interface ConsolidatorAccess {
  /** A preHandler: answers 401 (JSON, or the sign-in page) unless the request carries a credential. */
  require(kind: "json" | "page"): (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** GET/POST /login and POST /logout. */
  register(app: FastifyInstance): void;
}

export function consolidatorAccess(
  store: SqliteStore,
  options: { secureCookie?: boolean } = {},
): ConsolidatorAccess {
  const allowed = (req: FastifyRequest) => {
    const credential = presented(req);
    return credential !== undefined && isConsolidatorCredential(store, credential);
  };
  const cookie = (req: FastifyRequest, value: string, maxAge: number) =>
    [
      `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
      `Max-Age=${maxAge}`,
      "Path=/",
      "HttpOnly",
      "SameSite=Strict",
      ...(options.secureCookie || req.protocol === "https" ? ["Secure"] : []),
    ].join("; ");

  return {
    require(kind) {
      return async (req, reply) => {
        // Reads of figures vary by who asks: no shared cache may keep them, allowed or not.
        reply.header("Cache-Control", "private, no-store");
        if (allowed(req)) return;
        if (kind === "page") {
          await html(reply, 401, renderLoginPage({ next: req.url }));
          return;
        }
        await reply
          .status(httpStatus.unauthorized)
          .header("WWW-Authenticate", 'Bearer realm="chitieu"')
          .send(errorAnswer("unauthorized"));
      };
    },

    register(app) {
      app.get<{ Querystring: { next?: string } }>("/login", async (req, reply) =>
        html(reply, 200, renderLoginPage({ next: localPath(req.query.next ?? null) })),
      );
      app.post("/login", async (req, reply) => {
        const form = new URLSearchParams(typeof req.body === "string" ? req.body : "");
        const next = localPath(form.get("next"));
        const credential = (form.get("credential") ?? "").trim();
        if (!isConsolidatorCredential(store, credential))
          return html(reply, 401, renderLoginPage({ next, refused: true }));
        return reply
          .header("Set-Cookie", cookie(req, credential, SESSION_SECONDS))
          .header("Cache-Control", "no-store")
          .redirect(next, 303);
      });
      app.post("/logout", async (req, reply) =>
        reply.header("Set-Cookie", cookie(req, "", 0)).redirect("/", 303),
      );
    },
  };
}
