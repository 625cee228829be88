// HTML escaping: the five characters that can open markup or end an attribute, and nothing else.
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../../src/core/text/html-escape.js";

describe("escapeHtml", () => {
  it.each([
    ["<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"],
    ['Xã "Mẫu" & Con', "Xã &quot;Mẫu&quot; &amp; Con"],
    ["&amp;", "&amp;amp;"],
    ["Sở Y tế", "Sở Y tế"],
    ["", ""],
  ])("%j → %j", (input, html) => {
    expect(escapeHtml(input)).toBe(html);
  });

  it("writes numbers as text, and nothing for null and undefined", () => {
    expect(escapeHtml(12.5)).toBe("12.5");
    expect(escapeHtml(0)).toBe("0");
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml(undefined)).toBe("");
  });
});
