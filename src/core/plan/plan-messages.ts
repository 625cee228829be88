// What the plan stage says of a plan to the consolidator, in the catalogue's shape.
import type { Words } from "../check/messages.js";

/** What becomes of an indicator's district-level target once the district level has ended. */
export const districtLevelWords = {
  heading: { vi: "Cấp huyện (từ 01/07/2025)", en: "district level (from 1 July 2025)" },
  commune: {
    vi: "cấp xã báo cáo phần của cấp huyện",
    en: "communes report the district level's part",
  },
  none: { vi: "không còn báo cáo", en: "no longer reported" },
} satisfies Record<string, Words>;

/** The schema's word on text that is not in NFC, which would not match the same words typed. */
export const nfcWords = {
  vi: "văn bản phải ở dạng NFC",
  en: "text must be NFC",
} satisfies Words;
