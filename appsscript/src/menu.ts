// The "Chỉ tiêu" menu: each item names the top-level function Apps Script calls for it.
export const MENU_TITLE = "Chỉ tiêu";

/** Caption and handler; null is a separator. Every handler is exported by main.ts. */
export const MENU_ITEMS: readonly ([caption: string, handler: string] | null)[] = [
  ["Thiết lập tracker…", "setupTracker"],
  ["Nhập đơn vị từ trang “Đơn vị (nhập)”", "importUnitsFromSheet"],
  ["Nhập đơn vị từ CSV…", "showImportUnitsCsvDialog"],
  ["Cấp mã truy cập…", "issueAccessCodes"],
  ["Địa chỉ web app…", "setWebAppUrl"],
  null,
  ["Tổng hợp ngay", "consolidateNow"],
  ["Kiểm tra tất cả báo cáo", "checkAllSubmissions"],
  ["Bảng điều khiển", "buildDashboard"],
  ["Đơn vị chưa nộp / nộp trễ", "showMissingAndLate"],
  ["Báo cáo UBND (Google Docs)", "writeReportDoc"],
];

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
