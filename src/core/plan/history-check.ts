// Checks a unit history before anything of it is imported: duplicate codes, intervals that do not
// read or overlap their successor's, successors that do not exist and succession cycles, each
// located by file and line.
import type { Unit } from "./unit-schema.js";
import type { HistoryProblem, Located, Succession } from "./unit-history.js";

const problem = (at: Located<unknown>, vi: string, en: string): HistoryProblem => ({
  file: at.file,
  line: at.line,
  message: { vi, en },
});

export function checkHistory(
  units: readonly Located<Unit>[],
  successions: readonly Located<Succession>[],
): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  const byCode = new Map<string, Located<Unit>>();
  for (const at of units) {
    const u = at.value;
    const first = byCode.get(u.code);
    if (first) {
      problems.push(
        problem(
          at,
          `mã đơn vị ${u.code} đã dùng cho "${first.value.name}" (${first.file} dòng ${first.line})`,
          `unit code ${u.code} is already used by "${first.value.name}" (${first.file} line ${first.line})`,
        ),
      );
      continue;
    }
    byCode.set(u.code, at);
    if (u.validFrom && u.validTo && u.validFrom > u.validTo)
      problems.push(
        problem(
          at,
          `${u.code}: ngày bắt đầu ${u.validFrom} sau ngày kết thúc ${u.validTo}`,
          `${u.code}: starts ${u.validFrom}, after it ends ${u.validTo}`,
        ),
      );
  }

  for (const at of successions) {
    const s = at.value;
    const from = byCode.get(s.from)?.value;
    const to = byCode.get(s.to)?.value;
    if (!from)
      problems.push(problem(at, `không có đơn vị ${s.from}`, `there is no unit ${s.from}`));
    if (!to)
      problems.push(
        problem(
          at,
          `đơn vị kế nhiệm ${s.to} không tồn tại`,
          `the successor ${s.to} does not exist`,
        ),
      );
    if (s.from === s.to)
      problems.push(problem(at, `${s.from} kế nhiệm chính nó`, `${s.from} succeeds itself`));
    if (!from || !to) continue;
    // Both holding the duty on one day would count their reports twice.
    if (from.validTo === undefined || from.validTo >= s.effective)
      problems.push(
        problem(
          at,
          `khoảng hiệu lực chồng lấn: ${s.from} còn hiệu lực ${from.validTo ? `đến ${from.validTo}` : "không thời hạn"} khi ${s.to} kế nhiệm từ ${s.effective}`,
          `overlapping validity: ${s.from} is valid ${from.validTo ? `until ${from.validTo}` : "without end"} when ${s.to} succeeds it on ${s.effective}`,
        ),
      );
    if (
      (to.validFrom ?? "") > s.effective ||
      (to.validTo !== undefined && to.validTo < s.effective)
    )
      problems.push(
        problem(
          at,
          `${s.to} không có hiệu lực vào ngày kế nhiệm ${s.effective}`,
          `${s.to} is not valid on the day it succeeds, ${s.effective}`,
        ),
      );
  }

  problems.push(...cycles(successions));
  return problems;
}

/** Every cycle of the from → to graph, reported once at the line of the edge that closes it. */
function cycles(successions: readonly Located<Succession>[]): HistoryProblem[] {
  const edges = new Map<string, Located<Succession>[]>();
  for (const at of successions) {
    const list = edges.get(at.value.from) ?? [];
    list.push(at);
    edges.set(at.value.from, list);
  }
  const state = new Map<string, "open" | "done">();
  const problems: HistoryProblem[] = [];
  const path: string[] = [];
  const visit = (code: string) => {
    state.set(code, "open");
    path.push(code);
    for (const edge of edges.get(code) ?? []) {
      const next = edge.value.to;
      const s = state.get(next);
      if (s === "open") {
        const loop = [...path.slice(path.indexOf(next)), next].join(" → ");
        problems.push(problem(edge, `vòng kế nhiệm: ${loop}`, `succession cycle: ${loop}`));
      } else if (s === undefined) visit(next);
    }
    path.pop();
    state.set(code, "done");
  };
  for (const code of edges.keys()) if (!state.has(code)) visit(code);
  return problems;
}
