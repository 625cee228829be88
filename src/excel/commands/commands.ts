// Entry of the function file behind the ribbon's buttons: wires the real Office.js, the webview's
// storage and fetch to the commands.
import { browserDeps } from "../browser-deps.js";
import { validateReport } from "./check-command.js";

Office.onReady(() => {
  Office.actions.associate("validateReport", (event: Office.AddinCommands.Event) =>
    validateReport(event, browserDeps(), {
      ui: Office.context.ui,
      dialogUrl: new URL("dialog.html", location.href).href,
    }),
  );
});
