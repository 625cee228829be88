// Reporting units (departments, districts, communes) are data of a tracker, never code:
// provinces merge and levels disappear (2025), and the list changes with them.
import { bilingual } from "../check/messages.js";
import { nfcWords } from "./plan-messages.js";
import { z } from "zod";
import { Id, Level } from "./template-schema.js";

export const UnitKind = z.enum(["department", "district", "commune", "agency"]);
export type UnitKind = z.infer<typeof UnitKind>;

export const Unit = z
  .object({
    code: Id,
    name: z
      .string()
      .min(1)
      .refine((s) => s === s.normalize("NFC"), bilingual(nfcWords)),
    kind: UnitKind,
    /** The level whose targets apply to this unit (cấp tỉnh / huyện / xã). */
    level: Level,
    /** First and last day (inclusive, ISO dates) the unit exists; open where absent (plan/unit-history.ts). */
    validFrom: z.iso.date().optional(),
    validTo: z.iso.date().optional(),
  })
  .strict();
export type Unit = z.infer<typeof Unit>;

export const UnitList = z
  .object({
    $schema: z.string().optional(),
    province: z.string().min(1),
    /** Where the list comes from, so an administrator knows what to check before using it. */
    note: z.string().optional(),
    units: z.array(Unit).min(1),
  })
  .strict()
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.units.forEach((u, i) => {
      if (seen.has(u.code)) {
        ctx.addIssue({
          code: "custom",
          path: ["units", i, "code"],
          message: `mã đơn vị trùng: ${u.code} / duplicate unit code: ${u.code}`,
        });
      }
      seen.add(u.code);
    });
  });
export type UnitList = z.infer<typeof UnitList>;
