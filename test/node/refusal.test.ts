// A refusal: the words in both languages, the exit code it asks for, and what it still prints.
import { describe, expect, it } from "vitest";
import { Refusal } from "../../src/node/refusal.js";

describe("Refusal", () => {
  it("says a catalogue's words on one line, Vietnamese then English, and asks for exit 2", () => {
    const refusal = new Refusal({ vi: "cần tệp .xlsx", en: "expected an .xlsx file" });
    expect(refusal.message).toBe("cần tệp .xlsx / expected an .xlsx file");
    expect(refusal.exitCode).toBe(2);
    expect(refusal.at).toBe("");
    expect(refusal.output).toBeUndefined();
  });

  it("keeps a line that already says both, and the exit code, place and output it is given", () => {
    const refusal = new Refusal("Lỗi máy chủ / server error", {
      exitCode: 1,
      at: ":3:7",
      output: "{}",
    });
    expect(refusal).toBeInstanceOf(Error);
    expect([refusal.message, refusal.exitCode, refusal.at, refusal.output]).toEqual([
      "Lỗi máy chủ / server error",
      1,
      ":3:7",
      "{}",
    ]);
  });
});
