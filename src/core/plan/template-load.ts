// Turns untrusted template JSON into a Template, or into problems located by file and JSON path.
import type { z } from "zod";
import { Template } from "./template-schema.js";
import { UnitList } from "./unit-schema.js";
import type { Result } from "../text/result.js";
import { err, ok } from "../text/result.js";

export interface LoadProblem {
  file: string;
  /** JSON path such as `$.indicators[3].target.op`. */
  path: string;
  message: string;
}

/** The loaded value, or every problem found (never empty). */
export type LoadResult<T> = Result<T, LoadProblem[]>;

export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    "$" +
    path
      .map((p) =>
        typeof p === "number"
          ? `[${p}]`
          : /^[A-Za-z_$][\w$]*$/.test(String(p))
            ? `.${String(p)}`
            : `[${JSON.stringify(String(p))}]`,
      )
      .join("")
  );
}

function parseWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
): LoadResult<z.output<S>> {
  const result = schema.safeParse(data);
  if (result.success) return ok(result.data);
  return err(
    result.error.issues.map((issue) => ({
      file,
      path: jsonPath(issue.path),
      message: issue.message,
    })),
  );
}

function parseJson(text: string, file: string): LoadResult<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return err([{ file, path: "$", message: `JSON không hợp lệ / invalid JSON: ${reason}` }]);
  }
}

export function parseTemplate(data: unknown, file: string): LoadResult<Template> {
  return parseWith(Template, data, file);
}

export function parseTemplateText(text: string, file: string): LoadResult<Template> {
  const json = parseJson(text, file);
  return json.ok ? parseTemplate(json.value, file) : json;
}

export function parseUnitListText(text: string, file: string): LoadResult<UnitList> {
  const json = parseJson(text, file);
  return json.ok ? parseWith(UnitList, json.value, file) : json;
}

export function formatProblem(p: LoadProblem): string {
  return `${p.file} ${p.path}: ${p.message}`;
}
