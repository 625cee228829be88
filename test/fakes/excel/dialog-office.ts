// office.js as a page in an Office dialog sees it: Office.onReady, Office.context.ui.messageParent and
// Office.context.requirements.isSetSupported, and nothing else ("Use the Office dialog API"); any
// other use throws, and no Excel exists. Messages sent go to window.__dialog for the test to read.
const sent: string[] = [];
const forbidden = (path: string): never => {
  throw new Error(`${path} is not available in an Office dialog`);
};

/** An object whose listed members work and whose every other member throws when touched. */
function only<T extends object>(path: string, members: T): T {
  return new Proxy(members, {
    get(target, key) {
      if (typeof key === "symbol" || key in target) return Reflect.get(target, key);
      return forbidden(`${path}.${key}`);
    },
  });
}

const office = only("Office", {
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return Promise.resolve(info).then((i) => {
      callback?.(i);
      return i;
    });
  },
  context: only("Office.context", {
    ui: only("Office.context.ui", {
      messageParent: (message: string) => void sent.push(String(message)),
    }),
    requirements: only("Office.context.requirements", {
      isSetSupported: (name: string) => name === "DialogApi",
    }),
  }),
});
Object.assign(window, { Office: office, __dialog: { sent } });
