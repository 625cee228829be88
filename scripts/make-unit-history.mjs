// Writes seeds/units/<province>-2025.csv and -succession.csv from VietMap's 2025 commune data
// (seeds/units/admin-2025/) and the departments of NĐ 45/2025/NĐ-CP, so the seeds can be rebuilt.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const dir = join(root, "seeds/units");

/** A tiny CSV reader: VietMap's files quote nothing and hold no commas inside fields. */
function readCsv(file) {
  const [head, ...lines] = readFileSync(file, "utf8").replace(/^\uFEFF/u, "").trim().split(/\r?\n/u);
  const cols = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i], v.normalize("NFC")])));
}
const csvField = (v) => (/[",\n]/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const writeCsv = (file, header, rows) =>
  writeFileSync(file, [header, ...rows].map((r) => r.map((v) => csvField(String(v ?? ""))).join(",")).join("\n") + "\n");

const slug = (s) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/gu, "D").replace(/[^A-Za-z0-9]/gu, "").toUpperCase();

const DEPARTMENTS_FROM = "2025-03-01";
const PROVINCES_FROM = "2025-07-01";
const DISTRICTS_TO = "2025-06-30";
const ND45 = "NĐ 45/2025/NĐ-CP (28/02/2025), hiệu lực 01/03/2025";
const NQ202 = "NQ 202/2025/QH15 (12/06/2025), từ 01/07/2025";

// The twelve departments NĐ 45/2025/NĐ-CP sets in every province, plus the special ones a province keeps.
const commonDepartments = [
  ["VPUB", "Văn phòng UBND thành phố"],
  ["SNV", "Sở Nội vụ"],
  ["STP", "Sở Tư pháp"],
  ["STC", "Sở Tài chính"],
  ["SCT", "Sở Công Thương"],
  ["SNNMT", "Sở Nông nghiệp và Môi trường"],
  ["SXD", "Sở Xây dựng"],
  ["SKHCN", "Sở Khoa học và Công nghệ"],
  ["SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"],
  ["SGDDT", "Sở Giáo dục và Đào tạo"],
  ["SYT", "Sở Y tế"],
  ["TTRA", "Thanh tra thành phố"],
];
// Departments merged away on 1 March 2025, and who holds their duties (NĐ 45/2025/NĐ-CP).
const mergedDepartments = [
  ["STTTT", "Sở Thông tin và Truyền thông", [["SKHCN", ""], ["SVHTTDL", "báo chí, xuất bản, thông tin đối ngoại"]]],
  ["SKHDT", "Sở Kế hoạch và Đầu tư", [["STC", ""]]],
  ["SGTVT", "Sở Giao thông vận tải", [["SXD", ""]]],
  ["STNMT", "Sở Tài nguyên và Môi trường", [["SNNMT", ""]]],
  ["SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", [["SNNMT", ""]]],
  ["SLDTBXH", "Sở Lao động - Thương binh và Xã hội", [["SNV", ""], ["SYT", "bảo trợ xã hội, trẻ em, phòng chống tệ nạn xã hội"]]],
];
const newDepartments = new Set(["SNNMT"]);

const provinces = [
  {
    file: "can-tho-2025",
    name: "Thành phố Cần Thơ",
    cityWord: "thành phố",
    communeBasis: "NQ 1668/NQ-UBTVQH15 (16/06/2025) sắp xếp đơn vị hành chính cấp xã của thành phố Cần Thơ",
    // The old city's starter list (QĐ 2256) keeps its codes; its other agencies stay as they were.
    old: { "Thành Phố Cần Thơ": "", "Tỉnh Sóc Trăng": "ST-", "Tỉnh Hậu Giang": "HG-" },
    extra: [
      ["SDTTG", "Sở Dân tộc và Tôn giáo", "department"],
      ["CA", "Công an thành phố", "agency"],
      ["QDTPT", "Quỹ Đầu tư Phát triển thành phố", "agency"],
    ],
  },
  {
    file: "ca-mau-2025",
    name: "Tỉnh Cà Mau",
    cityWord: "tỉnh",
    communeBasis: "NQ 1655/NQ-UBTVQH15 (16/06/2025) sắp xếp các đơn vị hành chính cấp xã của tỉnh Cà Mau năm 2025",
    old: { "Tỉnh Cà Mau": "", "Tỉnh Bạc Liêu": "BL-" },
    extra: [["SDTTG", "Sở Dân tộc và Tôn giáo", "department"], ["CA", "Công an tỉnh", "agency"]],
  },
  {
    file: "ho-chi-minh-2025",
    name: "Thành phố Hồ Chí Minh",
    cityWord: "thành phố",
    communeBasis: "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị hành chính cấp xã của Thành phố Hồ Chí Minh năm 2025 (số hiệu chưa đối chiếu được, xem README)",
    old: { "Thành Phố Hồ Chí Minh": "", "Tỉnh Bình Dương": "BD-", "Tỉnh Bà Rịa-Vũng Tàu": "BRVT-" },
    extra: [
      ["SDTTG", "Sở Dân tộc và Tôn giáo", "department"],
      ["SNGV", "Sở Ngoại vụ", "department"],
      ["SDL", "Sở Du lịch", "department"],
      ["SQHKT", "Sở Quy hoạch - Kiến trúc", "department"],
      ["CA", "Công an thành phố", "agency"],
    ],
  },
];

const communes = readCsv(join(dir, "admin-2025/communes.csv"));
const oldToNew = readCsv(join(dir, "admin-2025/old-to-new.csv"));
const communeWord = { xa: "xã", phuong: "phường", "dac-khu": "đặc khu" };
const districtPrefix = [
  [/^Quận /u, "Q-", "quận"],
  [/^Huyện /u, "H-", "huyện"],
  [/^Thành Phố /u, "TP-", "thành phố"],
  [/^Thị Xã /u, "TX-", "thị xã"],
];
const oldProvinceName = (s) => s.replace(/^Thành Phố /u, "thành phố ").replace(/^Tỉnh /u, "tỉnh ");

for (const p of provinces) {
  const units = [];
  const successions = [];
  const vpub = p.cityWord === "tỉnh" ? "Văn phòng UBND tỉnh" : "Văn phòng UBND thành phố";
  for (const [code, name] of commonDepartments) {
    const shown = code === "VPUB" ? vpub : code === "TTRA" ? `Thanh tra ${p.cityWord}` : name;
    units.push([code, shown, "department", "province", newDepartments.has(code) ? DEPARTMENTS_FROM : "", ""]);
  }
  for (const [code, name, kind] of p.extra) units.push([code, name, kind, "province", "", ""]);
  for (const [code, name, heirs] of mergedDepartments) {
    units.push([code, name, "department", "province", "", "2025-02-28"]);
    for (const [to, duty] of heirs) successions.push([code, to, DEPARTMENTS_FROM, ND45, duty]);
  }
  const mine = communes.filter((c) => c.province === p.name);
  for (const c of mine)
    units.push([`X-${c.commune_code}`, `UBND ${c.commune.replace(/^(Xã|Phường|Đặc khu) /u, `${communeWord[c.type]} `)}`, "commune", "commune", PROVINCES_FROM, ""]);
  const districts = new Map();
  for (const r of oldToNew) {
    const prefix = p.old[r.city_name_old];
    if (prefix === undefined) continue;
    const kind = districtPrefix.find(([re]) => re.test(r.district_name_old));
    if (!kind) throw new Error(`unknown district kind: ${r.district_name_old}`);
    const bare = r.district_name_old.replace(kind[0], "");
    const code = `${prefix}${kind[1]}${slug(bare)}`;
    const where = prefix === "" ? "" : `, ${oldProvinceName(r.city_name_old)}`;
    const d = districts.get(code) ?? { name: `UBND ${kind[2]} ${bare}${where}`, heirs: new Set() };
    d.heirs.add(`X-${r.ward_id_new}`);
    districts.set(code, d);
  }
  for (const [code, d] of districts) {
    units.push([code, d.name, "district", "district", "", DISTRICTS_TO]);
    for (const heir of [...d.heirs].sort()) successions.push([code, heir, PROVINCES_FROM, `${p.communeBasis}; ${NQ202}`, ""]);
  }
  writeCsv(join(dir, `${p.file}.csv`), ["code", "name", "kind", "level", "validFrom", "validTo"], units);
  writeCsv(join(dir, `${p.file}-succession.csv`), ["from", "to", "effective", "basis", "duty"], successions);
  console.log(`${p.file}: ${units.length} units (${mine.length} communes, ${districts.size} districts), ${successions.length} successions`);
}
