// The ribbon's "Kiểm tra": checks the active sheet without the pane and makes every outcome visible:
// in the sheet's summary cell when the sheet is a report, otherwise in a small static dialog. A
// function command's runtime ends at event.completed(), and a dialog it opened goes with it, so the
// command completes only once its dialog is closed (or could not open).
import type { Notice } from "../notices.js";
import { noticeOf, notices } from "../notices.js";
import type { AddinDeps } from "../operations.js";
import { checkReport } from "../operations.js";

export interface CommandHost {
  ui: Pick<Office.UI, "displayDialogAsync">;
  /** The notice dialog's page (dialog.html beside the function file), https on the same origin. */
  dialogUrl: string;
}

/** A URL stays well under the 2,048 characters Internet Explorer's webview takes. */
const MAX_NOTICE_CHARS = 300;

export function noticeUrl(dialogUrl: string, notice: Notice): string {
  const url = new URL(dialogUrl);
  url.searchParams.set("vi", notice.vi.slice(0, MAX_NOTICE_CHARS));
  url.searchParams.set("en", notice.en.slice(0, MAX_NOTICE_CHARS));
  return url.href;
}

/** Resolves once the dialog is closed, by its button or by the officer's ×, or failed to open. */
function showNotice(host: CommandHost, notice: Notice): Promise<void> {
  return new Promise((resolve) => {
    host.ui.displayDialogAsync(
      noticeUrl(host.dialogUrl, notice),
      { height: 35, width: 35, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          resolve();
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          resolve();
        });
        // 12006: the officer closed it; any other code: it is gone all the same.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      },
    );
  });
}

export async function validateReport(
  event: Office.AddinCommands.Event,
  deps: AddinDeps,
  host: CommandHost,
): Promise<void> {
  let notice: Notice | undefined;
  try {
    const outcome = await checkReport(deps, { selectFirst: true });
    if (!outcome.shownInSheet) notice = outcome.notice ?? notices.notAReport;
  } catch (err) {
    notice = noticeOf(err);
  }
  if (notice) await showNotice(host, notice);
  event.completed();
}
