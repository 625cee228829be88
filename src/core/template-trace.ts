// Traceability of a template to its source text: every quote occurs in the source, and every
// number a template states (targets, budget amounts) is written in the sentence it quotes.
import type { Indicator, Target, Template } from "./template-schema.js";

export interface TraceProblem {
  /** JSON path of the quote, e.g. `$.indicators[2].source`. */
  path: string;
  message: string;
}

/** Quotes are compared after NFC and whitespace folding: sources carry double spaces and NBSPs. */
export function foldForQuote(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/**
 * Every value a numeric token in the text could stand for. "657.187.600.000" and
 * "150,327,674,000" are thousands-grouped; "12,5" is a decimal comma; "4.0" a decimal point.
 */
export function numbersIn(text: string): Set<number> {
  const found = new Set<number>();
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*/gu)) {
    const token = match[0];
    found.add(Number(token.replace(/[.,]/gu, "")));
    const parts = token.split(/[.,]/u);
    if (parts.length === 2) found.add(Number(`${parts[0]}.${parts[1]}`));
  }
  return found;
}

function targetsOf(ind: Indicator): [string, Target][] {
  const levels = Object.entries(ind.levelTargets ?? {}).map(([level, t]): [string, Target] => [
    `levelTargets.${level}`,
    t,
  ]);
  return ind.target ? [["target", ind.target], ...levels] : levels;
}

export function traceTemplate(template: Template, sourceText: string): TraceProblem[] {
  const source = foldForQuote(sourceText);
  const problems: TraceProblem[] = [];
  const check = (path: string, quote: string, numbers: number[]) => {
    const folded = foldForQuote(quote);
    if (!source.includes(folded)) {
      problems.push({
        path,
        message: `trích dẫn không có trong văn bản nguồn / quote not found in the source: "${folded}"`,
      });
      return;
    }
    const inQuote = numbersIn(folded);
    for (const n of numbers) {
      if (!inQuote.has(n)) {
        problems.push({
          path,
          message: `số ${n} không có trong trích dẫn / number ${n} is not in the quote: "${folded}"`,
        });
      }
    }
  };

  template.indicators.forEach((ind, i) => {
    const numbers: number[] = [];
    // A yes/no milestone's "= 1" is the schema's encoding of "done", not a figure of the source.
    if (ind.target && ind.kind !== "yes-no") {
      numbers.push(ind.target.value);
      if (ind.target.max !== undefined) numbers.push(ind.target.max);
    }
    for (const t of Object.values(ind.levelTargets ?? {})) {
      numbers.push(t.value);
      if (t.max !== undefined) numbers.push(t.max);
    }
    check(`$.indicators[${i}].source`, ind.source, numbers);
    for (const [level, t] of targetsOf(ind)) {
      const path = `$.indicators[${i}].${level}`;
      if (t.yearSource !== undefined) check(`${path}.yearSource`, t.yearSource, [t.year]);
      if (t.yearly && !/h[àằ]ng năm/u.test(foldForQuote(ind.source)))
        problems.push({
          path: `${path}.yearly`,
          message: `chỉ tiêu hàng năm phải trích "hàng năm" / a yearly target's quote says "hàng năm": "${foldForQuote(ind.source)}"`,
        });
    }
  });
  template.tasks.forEach((task, i) => check(`$.tasks[${i}].source`, task.source, []));
  if (template.budget) {
    check("$.budget.total.source", template.budget.total.source, [template.budget.total.amount]);
    template.budget.parts.forEach((part, i) =>
      check(`$.budget.parts[${i}].source`, part.source, [part.amount]),
    );
  }
  template.reporting?.source.forEach((quote, i) => check(`$.reporting.source[${i}]`, quote, []));
  return problems;
}
