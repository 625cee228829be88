// The district level (cấp huyện) ended on 1 July 2025 (Luật Tổ chức chính quyền địa phương 2025,
// NQ 202/2025/QH15). Where a plan quotes a target for it, the template records, per indicator and
// from the quote, what a later period does with it: the communes that took over report it, or no
// one does. The quote stays as the plan wrote it.
import { z } from "zod";
import type { Period } from "./period.js";
import { periodParts } from "./period.js";
import { bilingual } from "../check/messages.js";
import { districtLevelWords, nfcWords } from "./plan-messages.js";

export const DistrictLevelDecision = z
  .object({
    /** "commune": the communes report what the quote asks of cấp huyện; "none": no one does. */
    reportedBy: z.enum(["commune", "none"]),
    /** Why, from the quote, in Vietnamese with English alongside. */
    reason: z
      .string()
      .min(1)
      .refine((s) => s === s.normalize("NFC"), bilingual(nfcWords)),
  })
  .strict();
export type DistrictLevelDecision = z.infer<typeof DistrictLevelDecision>;

/**
 * Whether a period closes after the district level ended: its decisions then apply. (Worked out
 * from the period's parts: the template schema imports this module, so it reads no unit history.)
 */
export function afterDistrictLevel(period: Period): boolean {
  const p = periodParts(period);
  if (p.year !== 2025) return p.year > 2025;
  return p.kind === "year" || (p.kind === "half" ? p.index === 2 : p.index >= 3);
}

/** What the consolidator's page and tabs say of the indicator's district target in the period. */
export function districtLevelNote(
  decision: DistrictLevelDecision | undefined,
  period: Period,
): string | undefined {
  if (!decision || !afterDistrictLevel(period)) return undefined;
  const { heading, [decision.reportedBy]: what } = districtLevelWords;
  return `${bilingual(heading)}: ${bilingual(what)} — ${decision.reason}`;
}
