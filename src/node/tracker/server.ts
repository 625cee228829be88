// The self-hosted tracker's HTTP side (Fastify): chitieu/1 submissions in, consolidation out as
// JSON and as a page for the consolidator. Every decision is core's; this file only moves bytes.
import Fastify, { type FastifyInstance } from "fastify";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { Period } from "../../core/plan/period.js";
import { periodEnd, trajectories } from "../../core/report/trajectory.js";
import { errorAnswer, httpStatus, MAX_BODY_BYTES, PROTOCOL } from "../../core/wire/protocol.js";
import type { StatusAnswer, TemplatesAnswer, UnitsAnswer } from "../../core/wire/read-api.js";
import { SERVE_PATHS, templateSummary } from "../../core/wire/read-api.js";
import { CommitBatcher } from "./commit-batcher.js";
import { consolidatorAccess } from "./consolidator-access.js";
import { ConsolidationCache, type CacheTiming } from "./consolidation-cache.js";
import { renderConsolidationPage, renderIndexPage } from "./pages.js";
import type { SqliteStore } from "./store.js";
import type { MeasureTable } from "../../core/tracker/plan-comparison.js";
import { planComparison } from "../../core/tracker/plan-comparison.js";
import { loadMeasureTables } from "../seeds.js";
import { carriedOver } from "../../core/tracker/carried-over.js";

export interface ServerOptions {
  store: SqliteStore;
  /** The moment a request is handled; tests pin it. */
  clock?: () => Date;
  /** Extra routes (the add-in's static files) hung on the same server. */
  register?: (app: FastifyInstance) => void;
  /** Which indicators of different plans measure the same thing; seeds/measures/ by default. */
  measures?: MeasureTable[];
  /** Proxies whose X-Forwarded-* headers count (`--trust-proxy`); none by default. */
  trustProxy?: boolean | string | string[];
  /** Mark the sign-in cookie Secure: the tracker is reached over https (behind a TLS proxy). */
  secureCookie?: boolean;
  /** How long a client may take; tests shorten them. */
  timeouts?: Partial<Timeouts>;
  /** How long consolidations are kept (consolidation-cache.ts); tests step its clock. */
  cacheTiming?: Partial<CacheTiming>;
}

export interface Timeouts {
  /** To send the request's headers. */
  headersMs: number;
  /** To send the whole request: a 1 MB report over a slow mobile link fits well within it. */
  requestMs: number;
  /** Of silence on a connection, in either direction. */
  idleMs: number;
  /** How often the two above are checked (Node checks every 30 s by default). */
  checkEveryMs: number;
}

/** Slow senders are let go: without these, a thousand of them held a thousand sockets for 80 s. */
export const DEFAULT_TIMEOUTS: Timeouts = {
  headersMs: 10_000,
  requestMs: 60_000,
  idleMs: 30_000,
  checkEveryMs: 1_000,
};

/** One value per filter: a repeated one (`?unit=A&unit=B`) is a client's mistake, answered 400. */
const HistoryQuery = z.object({
  plan: z.string().optional(),
  period: z.string().optional(),
  unit: z.string().optional(),
});

/**
 * What the Excel add-in reads and posts from another origin (a development server, or the add-in
 * hosted elsewhere): CORS there only. Everything that shows submissions stays same-origin.
 */
const CROSS_ORIGIN_ROUTES = new Set<string>([
  SERVE_PATHS.submit,
  SERVE_PATHS.templates,
  SERVE_PATHS.template,
  SERVE_PATHS.units,
]);

export function buildServer({
  store,
  clock = () => new Date(),
  register,
  trustProxy = false,
  secureCookie,
  timeouts,
  cacheTiming,
  measures = loadMeasureTables(store.templateList()),
}: ServerOptions): FastifyInstance {
  const t = { ...DEFAULT_TIMEOUTS, ...timeouts };
  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    logger: false,
    trustProxy,
    connectionTimeout: t.idleMs,
    requestTimeout: t.requestMs,
    keepAliveTimeout: 5_000,
    http: { headersTimeout: t.headersMs, connectionsCheckingInterval: t.checkEveryMs },
  });

  // Apps Script cannot answer a CORS preflight, so clients send text/plain; take JSON too, as text,
  // so the signature is checked over the bytes that arrived.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, body));

  app.addHook("onSend", async (req, reply) => {
    // These answers carry no secret: templates, the unit list without keys, receipts.
    if (CROSS_ORIGIN_ROUTES.has(req.routeOptions.url ?? ""))
      reply.header("Access-Control-Allow-Origin", "*");
  });

  const access = consolidatorAccess(store, { secureCookie });
  access.register(app);

  app.setErrorHandler((error, _req, reply) => {
    const tooLarge = (error as { code?: string }).code === "FST_ERR_CTP_BODY_TOO_LARGE";
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    // A request Fastify could not take (bad media type, aborted body …) is the client's, not ours.
    const code = tooLarge ? "payload-too-large" : status < 500 ? "bad-request" : "server-error";
    // Nothing of the request body is logged: it may hold a unit's figures, and its signature.
    reply.status(httpStatus[code]).send(errorAnswer(code));
  });

  const batcher = new CommitBatcher(store, clock);
  app.post(SERVE_PATHS.submit, async (req, reply) => {
    const body = typeof req.body === "string" ? req.body : "";
    const { status, answer } = await batcher.submit(body);
    reply.status(status).type("application/json; charset=utf-8").send(answer);
  });

  app.get(SERVE_PATHS.status, async (): Promise<StatusAnswer> => ({
    ok: true,
    protocol: PROTOCOL,
    units: store.units().length,
    submissions: store.submissionCount(),
    templates: store.templateList().map(templateSummary),
  }));

  app.get(SERVE_PATHS.templates, async (): Promise<TemplatesAnswer> =>
    store.templateList().map(templateSummary),
  );

  app.get<{ Params: { id: string } }>(SERVE_PATHS.template, async (req, reply) => {
    const template = store.template(req.params.id);
    if (!template)
      return reply.status(404).send(errorAnswer("unknown-template", { planId: req.params.id }));
    return template;
  });

  app.get(SERVE_PATHS.units, async (): Promise<UnitsAnswer> =>
    store.units().map(({ hasKey: _hasKey, ...unit }) => unit),
  );

  app.get("/api/submissions", { preHandler: access.require("json") }, async (req, reply) => {
    const query = HistoryQuery.safeParse(req.query);
    if (!query.success)
      return reply.status(httpStatus["bad-request"]).send(
        errorAnswer("bad-request", {
          issues: query.error.issues.map(
            (i) => `${i.path.join(".")}: một giá trị / one value (${i.message})`,
          ),
        }),
      );
    const { plan, period, unit } = query.data;
    return store.history({ planId: plan, period, unit });
  });

  const consolidations = new ConsolidationCache(store, clock, cacheTiming);
  const consolidationFor = (planId: string, period: string) => {
    const template = store.template(planId);
    if (!template || !Period.safeParse(period).success) return undefined;
    return consolidations.consolidation(template, period);
  };

  app.get<{ Params: { plan: string; period: string } }>(
    "/api/consolidated/:plan/:period",
    { preHandler: access.require("json") },
    async (req, reply) => {
      const result = await consolidationFor(req.params.plan, req.params.period);
      if (!result)
        return reply.status(404).send(errorAnswer("unknown-template", { planId: req.params.plan }));
      return result;
    },
  );

  // The plans' common measures side by side for a period: `?plans=a,b,c` (default: every plan the
  // measure tables name), each plan consolidated as its own page is.
  app.get<{ Params: { period: string }; Querystring: { plans?: string } }>(
    "/api/comparison/:period",
    { preHandler: access.require("json") },
    async (req, reply) => {
      const named = measures.flatMap((t) => t.measures.flatMap((m) => m.indicators));
      const plans = req.query.plans
        ? req.query.plans.split(",").filter((p) => p !== "")
        : [...new Set(named.map((i) => i.plan))];
      const unknown = plans.find((p) => !store.template(p));
      if (unknown !== undefined)
        return reply.status(404).send(errorAnswer("unknown-template", { planId: unknown }));
      const found = await Promise.all(plans.map((p) => consolidationFor(p, req.params.period)));
      if (found.some((c) => c === undefined))
        return reply
          .status(httpStatus["bad-request"])
          .send(errorAnswer("bad-request", { period: req.params.period }));
      return {
        period: req.params.period,
        plans,
        rows: planComparison(
          measures,
          found.map((c) => c!),
        ),
      };
    },
  );

  // What units that no longer exist reported in earlier periods, under the units that took over.
  app.get<{ Params: { plan: string; period: string } }>(
    "/api/carried-over/:plan/:period",
    { preHandler: access.require("json") },
    async (req, reply) => {
      const { plan, period } = req.params;
      const template = store.template(plan);
      const parsed = Period.safeParse(period);
      if (!template || !parsed.success)
        return reply.status(404).send(errorAnswer("unknown-template", { planId: plan }));
      const periods = new Set(store.history({ planId: plan }).map((r) => r.period));
      const received = [...periods].flatMap((p) => store.submissionsFor(plan, p));
      return carriedOver(template, parsed.data, received, store.unitHistory());
    },
  );

  app.get("/", async (_req, reply) => {
    reply
      .type("text/html; charset=utf-8")
      .send(renderIndexPage(store.templateList(), store.units().length));
  });

  app.get<{ Params: { plan: string; period: string } }>(
    "/plans/:plan/:period",
    { preHandler: access.require("page") },
    async (req, reply) => {
      const { plan, period } = req.params;
      const template = store.template(plan);
      if (!template || !Period.safeParse(period).success) {
        return reply
          .status(404)
          .type("text/html; charset=utf-8")
          .send(renderIndexPage(store.templateList(), store.units().length));
      }
      // Rendered and compressed once per consolidation: the page of a province runs to hundreds
      // of kilobytes, and a reload must not cost the tracker that much work again.
      // The earlier periods' consolidations, each cached as this one is, for the trajectory.
      const earlier = await Promise.all(
        store
          .periodsOf(template.id)
          .filter((p) => periodEnd(p) < periodEnd(period))
          .map((p) => consolidations.view(template, p, "self", (c) => c)),
      );
      // The plans that share a measure with this one, consolidated for the same period.
      const partners = new Set(
        measures
          .flatMap((t) => t.measures)
          .filter((m) => m.indicators.some((i) => i.plan === plan))
          .flatMap((m) => m.indicators.map((i) => i.plan))
          .filter((p) => p !== plan && store.template(p)),
      );
      const others = await Promise.all([...partners].map((p) => consolidationFor(p, period)));
      const view = await consolidations.view(template, period, "page", (c) => {
        const rows = planComparison(measures, [c, ...others.flatMap((o) => (o ? [o] : []))]);
        const html = renderConsolidationPage(template, c, trajectories([...earlier, c]), rows);
        return { html, gzip: gzipSync(html) };
      });
      reply.type("text/html; charset=utf-8").header("Vary", "Accept-Encoding");
      if (/\bgzip\b/u.test(req.headers["accept-encoding"] ?? ""))
        reply.header("Content-Encoding", "gzip").send(view.gzip);
      else reply.send(view.html);
    },
  );

  register?.(app);
  return app;
}
