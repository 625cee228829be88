// The JSON Schemas an editor checks a template or unit list with, as a person types the file.
import { describe, expect, it } from "vitest";
import {
  templateJsonSchema,
  unitListJsonSchema,
} from "../../../src/core/plan/template-json-schema.js";

type Schema = {
  title?: string;
  $schema?: string;
  required?: string[];
  properties: Record<string, { items: { required: string[] } }>;
};

describe("templateJsonSchema", () => {
  const schema = templateJsonSchema() as Schema;

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
  const schema = unitListJsonSchema() as Schema;

  it("is a titled JSON Schema of the unit list", () => {
    expect(schema.title).toBe("chitieu unit list");
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties.units!.items.required).toEqual(["code", "name", "kind", "level"]);
  });
});
