// The plan stage's words, as the consolidator reads them beside a district-level target.
import { describe, expect, it } from "vitest";
import { districtLevelWords, nfcWords } from "../../../src/core/plan/plan-messages.js";

describe("plan messages", () => {
  it("name the date the district level ended and what became of its part, in both languages", () => {
    expect(districtLevelWords.heading).toEqual({
      vi: "Cấp huyện (từ 01/07/2025)",
      en: "district level (from 1 July 2025)",
    });
    expect(districtLevelWords.commune.vi).toBe("cấp xã báo cáo phần của cấp huyện");
    expect(districtLevelWords.none.en).toBe("no longer reported");
  });

  it("say what NFC asks for", () => {
    expect(nfcWords).toEqual({ vi: "văn bản phải ở dạng NFC", en: "text must be NFC" });
  });
});
