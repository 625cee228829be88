// The JSON Schemas editors check a template or unit list against as a person types it.
// Each test builds its schema itself: a schema built while the suite is collected runs before any
// test, so mutation testing would count it as covered by none.
import { describe, expect, it } from "vitest";
import {
  templateJsonSchema,
  unitListJsonSchema,
} from "../../../src/core/plan/template-json-schema.js";

type Schema = {
  title?: string;
  $schema?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
};

const template = () => templateJsonSchema() as Schema;
const unitList = () => unitListJsonSchema() as Schema;

describe("templateJsonSchema", () => {
  it("is a titled JSON Schema (draft 2020-12) of an object with the template's parts", () => {
    const schema = template();
    expect(schema.title).toBe("chitieu plan template");
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(["id", "version", "plan", "pillars", "indicators", "tasks"]),
    );
    expect(schema.required).toEqual(expect.arrayContaining(["id", "plan", "indicators"]));
  });

  it("lists the indicator kinds a template may use", () => {
    const kind = template().properties?.indicators?.items?.properties?.kind;
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

  it("describes the file as written: fields with defaults may be left out", () => {
    const required = template().properties?.indicators?.items?.required;
    expect(required).toEqual(expect.arrayContaining(["id", "group", "name", "source"]));
    for (const defaulted of ["reporters", "lead", "evidenceRequired"])
      expect(required).not.toContain(defaulted);
  });
});

describe("unitListJsonSchema", () => {
  it("is a titled JSON Schema of the unit list", () => {
    const schema = unitList();
    expect(schema.title).toBe("chitieu unit list");
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties?.units?.items?.required).toEqual(["code", "name", "kind", "level"]);
  });
});
