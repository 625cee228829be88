// The JSON Schema that editors use to check a template or unit list while a person types it.
import { z } from "zod";
import { Template } from "./template-schema.js";
import { UnitList } from "./unit-schema.js";

function toJsonSchema(schema: z.ZodType, title: string): Record<string, unknown> {
  // "input": a file on disk may leave out fields that have defaults.
  return { title, ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) };
}

export function templateJsonSchema(): Record<string, unknown> {
  return toJsonSchema(Template, "chitieu plan template");
}

export function unitListJsonSchema(): Record<string, unknown> {
  return toJsonSchema(UnitList, "chitieu unit list");
}
