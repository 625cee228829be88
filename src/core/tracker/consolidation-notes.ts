// What a consolidation notes beside an indicator's figure, in the catalogue's shape; the tracker's
// tabs and page show the Vietnamese.
import type { WordsOf } from "../check/messages.js";

interface Count {
  count: number;
}

export const consolidationNotes = {
  notAssigned: {
    vi: (p) => `${p.count} đơn vị không được giao cũng báo cáo: không tính vào tổng hợp`,
    en: (p) => `${p.count} unit(s) not asked to report did so: left out of the consolidation`,
  } satisfies WordsOf<Count>,
  outOfRange: {
    vi: (p) => `${p.count} đơn vị báo số liệu ngoài khoảng cho phép: không tính vào tổng hợp`,
    en: (p) =>
      `${p.count} unit(s) reported figures outside the allowed range: left out of the consolidation`,
  } satisfies WordsOf<Count>,
  rateOnly: {
    vi: (p) =>
      `${p.count} đơn vị chỉ báo tỷ lệ, không có tử số và mẫu số: không tính vào tỷ lệ chung`,
    en: (p) =>
      `${p.count} unit(s) reported only a rate, without numerator and denominator: left out of the overall rate`,
  } satisfies WordsOf<Count>,
  levelTargetsMet: {
    vi: (p) => `${p.met}/${p.judged} đơn vị đạt mục tiêu của cấp mình`,
    en: (p) => `${p.met}/${p.judged} units meet their own level's target`,
  } satisfies WordsOf<{ met: number; judged: number }>,
  noFigures: {
    vi: (p) => `${p.count} đơn vị chưa có số liệu`,
    en: (p) => `${p.count} unit(s) have no figures yet`,
  } satisfies WordsOf<Count>,
  figureTaken: {
    vi: (p) =>
      `${p.count} đơn vị báo cáo; lấy số của ${p.unit}${p.latest ? " (báo cáo nhận sau cùng)" : ""}`,
    en: (p) =>
      `${p.count} unit(s) reported; the figure of ${p.unit} is taken${p.latest ? " (the report received last)" : ""}`,
  } satisfies WordsOf<{ count: number; unit: string; latest: boolean }>,
  leadMissing: {
    vi: (p) => `Đơn vị chủ trì (${p.leads}) chưa báo cáo`,
    en: (p) => `The lead unit (${p.leads}) has not reported`,
  } satisfies WordsOf<{ leads: string }>,
  provinceWide: {
    vi: () => "Chỉ tiêu toàn tỉnh: một số liệu chung, không cộng số của các đơn vị",
    en: () => "Province-wide indicator: one shared figure, the units' figures are not added up",
  } satisfies WordsOf<Record<string, never>>,
};
