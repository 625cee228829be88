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

type RootSchema = {
  title?: string;
  $schema?: string;
  required?: string[];
  properties: Record<string, { items: { required: string[] } }>;
};

describe("templateJsonSchema", () => {
  const schema = templateJsonSchema() as RootSchema;

  it("is a titled JSON Schema (draft 2020-12)", () => {
    expect(schema.title).toBe("chitieu plan template");
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("describes the file as written: fields with defaults may be left out", () => {
    const required = schema.properties.indicators!.items.required;
    expect(required).toEqual(expect.arrayContaining(["id", "group", "name", "source"]));
    for (const defaulted of ["reporters", "lead", "evidenceRequired"])
      expect(required).not.toContain(defaulted);
  });
});

describe("unitListJsonSchema", () => {
  const schema = unitListJsonSchema() as RootSchema;

  it("is a titled JSON Schema of the unit list", () => {
    expect(schema.title).toBe("chitieu unit list");
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties.units!.items.required).toEqual(["code", "name", "kind", "level"]);
  });
});
