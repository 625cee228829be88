// The JSON Schemas editors check a template or unit list against as a person types it.
import { describe, expect, it } from "vitest";
import {
  templateJsonSchema,
  unitListJsonSchema,
} from "../../../src/core/plan/template-json-schema.js";

type Schema = {
  title?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
};

describe("templateJsonSchema", () => {
  const schema = templateJsonSchema() as Schema;

  it("is titled, and describes an object with the template's parts", () => {
    expect(schema.title).toBe("chitieu plan template");
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(["id", "version", "plan", "pillars", "indicators", "tasks"]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(["id", "plan", "indicators"]));
  });

  it("lists the indicator kinds a template may use", () => {
    const kind = schema.properties?.indicators?.items?.properties?.kind;
    expect(kind?.enum).toEqual(
      expect.arrayContaining([
        "percent",
        "count",
        "money",
        "rank",
        "growth",
        "reduction",
        "yes-no",
      ]),
    );
  });
});

describe("unitListJsonSchema", () => {
  it("is titled for a unit list", () => {
    expect((unitListJsonSchema() as Schema).title).toBe("chitieu unit list");
  });
});
