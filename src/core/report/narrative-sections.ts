// The units' own words in the report: their assessments (in I), difficulties (V) and proposals
// (VI), each under the unit's name, taken from the report of theirs that counts.
import type { Consolidation, ReceivedSubmission } from "../tracker/consolidation-types.js";
import type { NarrativeSection } from "../check/submission-schema.js";
import type { ReportBlock } from "./report-document.js";

export interface UnitNarrative {
  unit: string;
  name: string;
  text: string;
}

/** One section of every unit's narrative, in the unit list's order; blank texts are left out. */
export function narrativesOf(
  c: Consolidation,
  submissions: readonly ReceivedSubmission[],
  section: NarrativeSection,
): UnitNarrative[] {
  // The consolidation already chose each unit's current report; its id finds the words.
  const byId = new Map(submissions.map((r) => [r.submission.submissionId, r.submission]));
  return c.units.flatMap((u) => {
    const text = u.submissionId ? byId.get(u.submissionId)?.narrative?.[section]?.trim() : "";
    return text ? [{ unit: u.code, name: u.name, text }] : [];
  });
}

const attributed = (n: UnitNarrative): ReportBlock => ({
  kind: "item",
  text: `- ${n.name}: ${n.text}`,
});

/** The assessments close section I: what each unit says of its own year. */
export function assessmentBlocks(narratives: readonly UnitNarrative[]): ReportBlock[] {
  if (narratives.length === 0) return [];
  return [{ kind: "heading", text: "Đánh giá của các đơn vị" }, ...narratives.map(attributed)];
}

export function difficultiesSection(narratives: readonly UnitNarrative[]): ReportBlock[] {
  return [
    { kind: "section", text: "V. KHÓ KHĂN, VƯỚNG MẮC" },
    ...(narratives.length
      ? narratives.map(attributed)
      : [{ kind: "paragraph" as const, text: "Các đơn vị không nêu khó khăn, vướng mắc." }]),
  ];
}

export function proposalsSection(narratives: readonly UnitNarrative[]): ReportBlock[] {
  return [
    { kind: "section", text: "VI. ĐỀ XUẤT, KIẾN NGHỊ" },
    ...(narratives.length
      ? narratives.map(attributed)
      : [{ kind: "paragraph" as const, text: "Các đơn vị không có đề xuất, kiến nghị." }]),
  ];
}
