// The officers' page's templates from chitieu serve: warmed from the tracker's template list, which
// is parsed with core's read API, so a list of another shape warms nothing and breaks nothing.
import { describe, expect, it } from "vitest";
import { trackerTemplates } from "../../src/web/templates.js";
import { loadSeedTemplates } from "../../src/node/seeds.js";
import { templateSummary } from "../../src/core/wire/read-api.js";

const templates = loadSeedTemplates().templates.slice(0, 2);
const base = new URL("https://tracker.example/api/templates/");

function tracker(list: unknown) {
  const asked: string[] = [];
  const fetcher = (async (input: URL | RequestInfo) => {
    const url = new URL(String(input));
    asked.push(url.pathname);
    if (url.pathname === "/api/templates") return Response.json(list);
    const id = decodeURIComponent(url.pathname.split("/").at(-1) ?? "");
    const found = templates.find((t) => t.id === id);
    return found ? Response.json(found) : new Response("", { status: 404 });
  }) as typeof fetch;
  const kept = new Map<string, string>();
  const storage = {
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, v),
  };
  return { source: trackerTemplates(base, storage, fetcher), asked, kept };
}

describe("trackerTemplates.warm", () => {
  it("fetches and keeps every template the tracker lists", async () => {
    const t = tracker(templates.map(templateSummary));
    await t.source.warm();
    expect(t.asked).toEqual([
      "/api/templates",
      ...templates.map((x) => `/api/templates/${encodeURIComponent(x.id)}`),
    ]);
    expect(t.kept.size).toBe(templates.length);
  });

  it("warms nothing from a list that is not chitieu/1's, and does not throw", async () => {
    const t = tracker([{ id: templates[0]!.id, title: "no version" }]);
    await expect(t.source.warm()).resolves.toBeUndefined();
    expect(t.asked).toEqual(["/api/templates"]);
    expect(t.kept.size).toBe(0);
  });
});
