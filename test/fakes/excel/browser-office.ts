// The in-memory Excel as the task pane sees it in a browser: stands in for Microsoft's office.js,
// which a test serves in its place, and exposes the workbook to the test as window.__excel.
import { createFakeExcel } from "./office-fake.js";

const excel = createFakeExcel();
const office = {
  HostType: { Excel: "Excel" },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return Promise.resolve(info).then((i) => {
      callback?.(i);
      return i;
    });
  },
  actions: { associate: () => undefined },
  context: { requirements: excel.requirements, ui: { displayDialogAsync: () => undefined } },
};
Object.assign(globalThis, { Excel: excel.namespace, Office: office, __excel: excel });
