// Finding a plan's template in a tracker's data: found, or refused with the ids there are.
import { describe, expect, it } from "vitest";
import { storedTemplate } from "../../src/node/lookup.js";
import { Refusal } from "../../src/node/refusal.js";
import { template } from "../fixtures/template.js";

const store = {
  template: (id: string) => (id === template.id ? template : undefined),
  templateList: () => [template],
};

describe("storedTemplate", () => {
  it("gives the template the data folder holds", () => {
    expect(storedTemplate(store, template.id)).toBe(template);
  });

  it("refuses an unknown plan with exit 2, naming the plans it does hold", () => {
    let refusal: unknown;
    try {
      storedTemplate(store, "khong-co");
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).exitCode).toBe(2);
    expect((refusal as Refusal).message).toBe(
      `Không có biểu mẫu "khong-co" / no template "khong-co": ${template.id}`,
    );
  });
});
