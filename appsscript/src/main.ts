// The bundle's entry: every function Apps Script may call by name (triggers, the web app, the menu,
// dialogs). The build gives each one a top-level stub, the only functions Apps Script can see.
export { onOpen } from "./menu.js";
export { doGet, doPost } from "./web-app.js";
export { setupTracker } from "./setup.js";
export { importUnitsCsv, importUnitsFromSheet, showImportUnitsCsvDialog } from "./units-import.js";
export { issueAccessCodes, setWebAppUrl } from "./access-codes.js";
export { consolidateNow } from "./consolidation.js";
export { checkAllSubmissions } from "./check.js";
export { buildDashboard } from "./dashboard.js";
export { showMissingAndLate } from "./missing.js";
export { writeReportDoc } from "./report-doc.js";
