// The self-hosted tracker's HTTP side (Fastify): chitieu/1 submissions in, consolidation out as
// JSON and as a page for the consolidator. Every decision is core's; this file only moves bytes.
import Fastify, { type FastifyInstance } from "fastify";
import { consolidate } from "../../core/consolidate.js";
import { Period } from "../../core/period.js";
import { errorAnswer, httpStatus, MAX_BODY_BYTES, PROTOCOL } from "../../core/protocol.js";
import { CommitBatcher } from "./commit-batcher.js";
import { renderConsolidationPage, renderIndexPage } from "./pages.js";
import type { SqliteStore } from "./store.js";

export interface ServerOptions {
  store: SqliteStore;
  /** The moment a request is handled; tests pin it. */
  clock?: () => Date;
  /** Extra routes (the add-in's static files) hung on the same server. */
  register?: (app: FastifyInstance) => void;
  /** Proxies whose X-Forwarded-* headers count (`--trust-proxy`); none by default. */
  trustProxy?: boolean | string | string[];
}

export function buildServer({
  store,
  clock = () => new Date(),
  register,
  trustProxy = false,
}: ServerOptions): FastifyInstance {
  const app = Fastify({ bodyLimit: MAX_BODY_BYTES, logger: false, trustProxy });

  // Apps Script cannot answer a CORS preflight, so clients send text/plain; take JSON too, as text,
  // so the signature is checked over the bytes that arrived.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, body));

  app.addHook("onSend", async (_req, reply) => {
    // The add-in may be served from another origin during development; answers carry no secret.
    reply.header("Access-Control-Allow-Origin", "*");
  });

  app.setErrorHandler((error, _req, reply) => {
    const tooLarge = (error as { code?: string }).code === "FST_ERR_CTP_BODY_TOO_LARGE";
    const code = tooLarge ? "payload-too-large" : "server-error";
    // Nothing of the request body is logged: it may hold a unit's figures, and its signature.
    reply.status(httpStatus[code]).send(errorAnswer(code));
  });

  const batcher = new CommitBatcher(store, clock);
  app.post("/api/submit", async (req, reply) => {
    const body = typeof req.body === "string" ? req.body : "";
    const { status, answer } = await batcher.submit(body);
    reply.status(status).type("application/json; charset=utf-8").send(answer);
  });

  app.get("/api/status", async () => ({
    ok: true,
    protocol: PROTOCOL,
    units: store.units().length,
    submissions: store.submissionCount(),
    templates: store
      .templateList()
      .map((t) => ({ id: t.id, version: t.version, title: t.plan.title })),
  }));

  app.get("/api/templates", async () =>
    store.templateList().map((t) => ({ id: t.id, version: t.version, title: t.plan.title })),
  );

  app.get<{ Params: { id: string } }>("/api/templates/:id", async (req, reply) => {
    const template = store.template(req.params.id);
    if (!template)
      return reply.status(404).send(errorAnswer("unknown-template", { planId: req.params.id }));
    return template;
  });

  app.get("/api/units", async () => store.units().map(({ hasKey: _hasKey, ...unit }) => unit));

  app.get<{ Querystring: { plan?: string; period?: string; unit?: string } }>(
    "/api/submissions",
    async (req) =>
      store.history({ planId: req.query.plan, period: req.query.period, unit: req.query.unit }),
  );

  const consolidationFor = (planId: string, period: string) => {
    const template = store.template(planId);
    if (!template || !Period.safeParse(period).success) return undefined;
    return consolidate({
      template,
      units: store.units(),
      period,
      submissions: store.submissionsFor(planId, period),
      now: clock(),
    });
  };

  app.get<{ Params: { plan: string; period: string } }>(
    "/api/consolidated/:plan/:period",
    async (req, reply) => {
      const result = consolidationFor(req.params.plan, req.params.period);
      if (!result)
        return reply.status(404).send(errorAnswer("unknown-template", { planId: req.params.plan }));
      return result;
    },
  );

  app.get("/", async (_req, reply) => {
    reply
      .type("text/html; charset=utf-8")
      .send(renderIndexPage(store.templateList(), store.units().length));
  });

  app.get<{ Params: { plan: string; period: string } }>(
    "/plans/:plan/:period",
    async (req, reply) => {
      const template = store.template(req.params.plan);
      const result = consolidationFor(req.params.plan, req.params.period);
      if (!template || !result) {
        return reply
          .status(404)
          .type("text/html; charset=utf-8")
          .send(renderIndexPage(store.templateList(), store.units().length));
      }
      reply.type("text/html; charset=utf-8").send(renderConsolidationPage(template, result));
    },
  );

  register?.(app);
  return app;
}
