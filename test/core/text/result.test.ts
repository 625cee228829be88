// The one result shape: a value or an error, told apart by `ok` alone.
import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/core/text/result.js";
import { err, ok } from "../../../src/core/text/result.js";

describe("Result", () => {
  it("ok carries the value and nothing else", () => {
    expect(ok(0)).toStrictEqual({ ok: true, value: 0 });
  });

  it("err carries the error and nothing else", () => {
    expect(err({ code: "blank" })).toStrictEqual({ ok: false, error: { code: "blank" } });
  });

  it("narrows on ok, so a caller reads value or error, never both", () => {
    const read = (r: Result<number, string>) => (r.ok ? `value ${r.value}` : `error ${r.error}`);
    expect([read(ok(3)), read(err("x"))]).toEqual(["value 3", "error x"]);
  });
});
