// What a tracker's address answered when it did not answer chitieu/1: Google's sign-in page, a
// quota or time limit, a deployment without the script, or anything else, each with what to check.
import { describe, expect, it } from "vitest";
import { foreignAnswer } from "../../../src/core/check/foreign-answer.js";

describe("foreignAnswer", () => {
  it("Google's sign-in page: the web app is not open to Anyone", () => {
    const page =
      '<html><head><title>Sign in - Google Accounts</title></head><body><a href="https://accounts.google.com/ServiceLogin">Sign in</a></body></html>';
    const t = foreignAnswer(200, page);
    expect(t.vi).toContain("Bất kỳ ai");
    expect(t.en).toContain("Who has access: Anyone");
  });

  it("a quota or time limit: send again later, quoting the page's words without markup", () => {
    const t = foreignAnswer(
      200,
      "<html><body><div>Exceeded maximum execution time</div></body></html>",
    );
    expect(t.en).toBe(
      'The tracker\'s Apps Script hit a Google limit or quota ("Exceeded maximum execution time"). Send again later; if it happens again, tell the consolidator.',
    );
    expect(t.vi).toContain("Thử gửi lại sau");
  });

  it("a deployment that runs no doPost: install the current Code.js and deploy a new version", () => {
    const t = foreignAnswer(200, "<p>Script function not found: doPost</p>");
    expect(t.en).toContain('("Script function not found: doPost")');
    expect(t.en).toContain("deploy a new version");
  });

  it("anything else: the status and the page's words, scripts and styles left out", () => {
    const t = foreignAnswer(
      502,
      "<html><head><style>p{color:red}</style></head><body><script>var x=1</script><p>Bad&nbsp;gateway</p></body></html>",
    );
    expect(t.en).toContain('(got: "HTTP 502: Bad gateway")');
    expect(t.vi).toContain('(nhận được: "HTTP 502: Bad gateway")');
  });

  it("an empty body says so, and a long page is cut to 157 characters and an ellipsis", () => {
    expect(foreignAnswer(500, "").en).toContain('"HTTP 500: (trống / empty)"');
    const long = foreignAnswer(500, "x".repeat(400)).en;
    expect(long).toContain(`"HTTP 500: ${"x".repeat(157)}…"`);
    expect(long).not.toContain("x".repeat(158));
  });

  it("keeps words apart where markup or a run of spaces stood between them", () => {
    expect(foreignAnswer(500, "Bad<script>x()</script>gate<b>way</b>\n\t here").en).toContain(
      '(got: "HTTP 500: Bad gate way here")',
    );
  });

  it("keeps a page of exactly 160 characters whole", () => {
    expect(foreignAnswer(500, "y".repeat(160)).en).toContain(`"HTTP 500: ${"y".repeat(160)}"`);
  });
});
