// The checks of a unit's narrative: each section within what a cell holds, and difficulties stated
// where a target was missed, since the lead department's report to the People's Committee gathers
// them (QĐ 2256, V.2).
import type { Issue, IssueLocation } from "./issues.js";
import { makeIssue } from "./issues.js";
import type { FieldName } from "./messages.js";
import { formatNumberVi } from "../text/parse-number.js";
import type { Narrative } from "./submission-schema.js";
import { NARRATIVE_SECTIONS } from "./submission-schema.js";
import { NARRATIVE_MAX_CHARS } from "../plan/value-limits.js";

/** How many missed ids the warning names before "…": a commune may miss dozens. */
const NAMED = 5;

/**
 * `narrative` is absent for a report from a form without the section (an older sheet or client):
 * it had no place for difficulties, so nothing is asked of it. `missed`: the indicators whose
 * reported figure misses the unit's target.
 */
export function narrativeIssues(
  narrative: Narrative | undefined,
  missed: readonly string[],
  locate: (field: FieldName) => IssueLocation,
): Issue[] {
  if (!narrative) return [];
  const issues: Issue[] = [];
  for (const section of NARRATIVE_SECTIONS) {
    const text = narrative[section];
    if (text !== undefined && text.length > NARRATIVE_MAX_CHARS)
      issues.push(
        makeIssue("text-too-long", locate(section), {
          length: formatNumberVi(text.length),
          max: formatNumberVi(NARRATIVE_MAX_CHARS),
        }),
      );
  }
  if (missed.length > 0 && (narrative.difficulties ?? "").trim() === "") {
    const ids = missed.slice(0, NAMED).join(", ") + (missed.length > NAMED ? ", …" : "");
    issues.push(
      makeIssue("difficulties-missing", locate("difficulties"), { count: missed.length, ids }),
    );
  }
  return issues;
}
