// The in-memory Excel as the task pane sees it in a browser: stands in for Microsoft's office.js,
// which a test serves in its place, and exposes the workbook to the test as window.__excel. Excel on
// the web partitions storage, so Office.context.partitionKey is set; a member the fake does not
// model throws rather than reading as undefined.
import { createFakeExcel } from "./office-fake.js";
import { OfficeEnums } from "./office-host.js";

export const PARTITION_KEY = "cGFydGl0aW9uLWZha2U";

function only<T extends object>(path: string, members: T): T {
  return new Proxy(members, {
    get(target, key) {
      if (typeof key === "symbol" || key in target) return Reflect.get(target, key);
      throw new Error(`${path}.${String(key)} is not modelled by the fake office.js`);
    },
  });
}

const excel = createFakeExcel();
const office = only("Office", {
  ...OfficeEnums,
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return Promise.resolve(info).then((i) => {
      callback?.(i);
      return i;
    });
  },
  actions: only("Office.actions", { associate: () => undefined }),
  context: only("Office.context", {
    partitionKey: PARTITION_KEY,
    requirements: only("Office.context.requirements", excel.requirements),
  }),
});
Object.assign(globalThis, { Excel: excel.namespace, Office: office, __excel: excel });
