// The in-memory Excel as the task pane sees it in a browser: stands in for Microsoft's office.js,
// which a test serves in its place, and exposes the workbook to the test as window.__excel. Excel on
// the web partitions storage, so Office.context.partitionKey is set; a member the fake does not
// model throws rather than reading as undefined.
import { createFakeExcel } from "./office-fake.js";
import { FunctionCommandRuntime, OfficeEnums, PARTITION_KEY } from "./office-host.js";

function only<T extends object>(path: string, members: T): T {
  return new Proxy(members, {
    get(target, key) {
      if (typeof key === "symbol" || key in target) return Reflect.get(target, key);
      throw new Error(`${path}.${String(key)} is not modelled by the fake office.js`);
    },
  });
}

const excel = createFakeExcel();
/** One press of a ribbon button at a time; the test presses with window.__commands.press(name). */
const runtime = new FunctionCommandRuntime(location.origin);
const actions = new Map<string, (event: unknown) => unknown>();
const office = only("Office", {
  ...OfficeEnums,
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return Promise.resolve(info).then((i) => {
      callback?.(i);
      return i;
    });
  },
  actions: only("Office.actions", {
    associate: (name: string, action: (event: unknown) => unknown) =>
      void actions.set(name, action),
  }),
  context: only("Office.context", {
    partitionKey: PARTITION_KEY,
    requirements: only("Office.context.requirements", excel.requirements),
    ui: only("Office.context.ui", runtime.ui),
  }),
});
// window, not globalThis: real office.js runs in webviews that have no globalThis.
Object.assign(window, {
  Excel: excel.namespace,
  Office: office,
  __excel: excel,
  __commands: { runtime, press: (name: string) => actions.get(name)?.(runtime.event) },
});
