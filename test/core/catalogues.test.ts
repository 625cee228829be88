// Every user-facing sentence lives in a catalogue of {vi, en}: each entry says something in both
// languages, in NFC, and the files turned over to the catalogues keep no Vietnamese sentence of their own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { foreignAnswer } from "../../src/core/check/foreign-answer.js";
import type { Words } from "../../src/core/check/messages.js";
import { catalogue, fieldLabels, severityLabels } from "../../src/core/check/messages.js";
import { districtLevelWords, nfcWords } from "../../src/core/plan/plan-messages.js";
import { consolidationNotes } from "../../src/core/tracker/consolidation-notes.js";
import { accessCodeMessages } from "../../src/core/wire/access-code-messages.js";
import { answerMessages, protocolWords } from "../../src/core/wire/protocol-messages.js";
import { notices, summaryWords } from "../../src/excel/notices.js";

const root = join(import.meta.dirname, "../..");

/** Any parameter an entry asks for, as a figure, so every entry can be said. */
const anyParams = new Proxy({}, { get: () => 7 });

type Entry = Words | { vi: (p: never) => string; en: (p: never) => string };
const said = (entry: Entry): Words => {
  const say = (part: string | ((p: never) => string)) =>
    typeof part === "function" ? part(anyParams as never) : part;
  return { vi: say(entry.vi), en: say(entry.en) };
};

const catalogues: Record<string, Record<string, Entry>> = {
  "check/messages catalogue": catalogue,
  "check/messages fieldLabels": fieldLabels,
  "check/messages severityLabels": severityLabels,
  "check/foreign-answer": {
    "sign-in": foreignAnswer(200, "<title>Sign in</title>"),
    limit: foreignAnswer(200, "Exceeded maximum execution time"),
    "no-script": foreignAnswer(200, "Script function not found: doPost"),
    other: foreignAnswer(502, "Bad gateway"),
  },
  "plan/plan-messages districtLevelWords": districtLevelWords,
  "plan/plan-messages nfcWords": { nfc: nfcWords },
  "tracker/consolidation-notes": consolidationNotes,
  "wire/access-code-messages": accessCodeMessages,
  "wire/protocol-messages answerMessages": answerMessages,
  "wire/protocol-messages protocolWords": protocolWords,
  "excel/notices notices": notices,
  "excel/notices summaryWords": summaryWords,
};

const entries = Object.entries(catalogues).flatMap(([name, entries]) =>
  Object.entries(entries).map(([key, entry]) => [`${name} › ${key}`, entry] as const),
);

describe("the catalogues", () => {
  it.each(entries)("%s says it in Vietnamese and in English, in NFC", (_, entry) => {
    const { vi, en } = said(entry);
    for (const text of [vi, en]) {
      expect(text.trim()).not.toBe("");
      expect(text).toBe(text.normalize("NFC"));
    }
    expect(vi).not.toBe(en);
  });
});

// The files whose sentences moved into the catalogues above.
const converted = [
  "src/core/check/issues.ts",
  "src/core/plan/district-level.ts",
  "src/core/tracker/consolidate.ts",
  "src/core/wire/access-code.ts",
  "src/core/wire/protocol.ts",
  "src/core/wire/tracker-service.ts",
  "src/core/wire/submit-client.ts",
  "src/excel/operations.ts",
  "src/excel/taskpane/pane.ts",
  "src/web/nop-page.ts",
];

// A letter with a diacritic (NFC, so precomposed): English words have none, Vietnamese words most.
const VIETNAMESE = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]/u;

/** The text of every string and template literal in a file: comments are not literals. */
function literalsOf(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(root, file), "utf8"),
    ts.ScriptTarget.Latest,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("no sentence outside the catalogues", () => {
  it("finds a planted Vietnamese literal, and not one in a comment", () => {
    const source = ts.createSourceFile(
      "planted.ts",
      "// Báo cáo\nconst a = `${n} đơn vị chưa có số liệu`;\n",
      ts.ScriptTarget.Latest,
    );
    const texts: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) texts.push(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(texts.filter((t) => VIETNAMESE.test(t))).toEqual([" đơn vị chưa có số liệu"]);
  });

  it.each(converted)("%s keeps its words in a catalogue", (file) => {
    expect(literalsOf(file).filter((t) => VIETNAMESE.test(t))).toEqual([]);
  });
});
