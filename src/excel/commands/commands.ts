// The ribbon's "Kiểm tra" button: checks the active report sheet without opening the pane. The
// result is written into the sheet (summary cell and coloured cells); event.completed() always runs.
import { browserDeps } from "../browser-deps.js";
import { checkReport } from "../operations.js";

export async function validateReport(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await checkReport(browserDeps());
    const first = outcome.issues.find((i) => i.location.cell);
    if (first?.location.cell) {
      await Excel.run(async (context) => {
        context.workbook.worksheets
          .getItem(outcome.sheetName)
          .getRange(first.location.cell)
          .select();
        await context.sync();
      });
    }
  } catch (err) {
    // No pane to show it in: Office's own dialog is the one place a command can speak.
    const text = encodeURIComponent(err instanceof Error ? err.message : String(err));
    Office.context.ui.displayDialogAsync(
      `${location.origin}${location.pathname.replace(/commands\.html$/u, "")}taskpane.html?error=${text}`,
      { height: 30, width: 30 },
    );
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("validateReport", validateReport);
});
