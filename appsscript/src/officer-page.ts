// The officers' page on the web app: `<web app>?page=nop` serves the page `chitieu serve` serves at
// `/nop`, from the project's HTML file nop.html (scripts inlined: HtmlService serves one document),
// with this tracker's plan template and period embedded so it checks without another request.
import { readConfig } from "./config.js";
import { templateById } from "./templates.js";

export const PAGE_FILE = "nop";
/** The page's configuration element as the build writes it; doGet fills it in. */
const CONFIG_TAG =
  '<script type="application/json" id="chitieu-config">{"host":"apps-script"}</script>';

export function officerPage(
  e: GoogleAppsScript.Events.DoGet | undefined,
): GoogleAppsScript.HTML.HtmlOutput | undefined {
  if (e?.parameter?.page !== PAGE_FILE) return undefined;
  const config = readConfig();
  const templates = (config?.plans ?? []).flatMap((id) => templateById(id) ?? []);
  // "<" escaped, so nothing in a template's text can close the script element early. A tracker of
  // several plans takes a file of any of them, so the page names a plan only when there is one.
  const json = JSON.stringify({
    host: "apps-script",
    templates,
    ...(config ? { period: config.period } : {}),
    ...(config?.plans.length === 1 ? { plan: config.plans[0] } : {}),
  }).replace(/</gu, "\\u003c");
  const html = HtmlService.createHtmlOutputFromFile(PAGE_FILE).getContent();
  if (!html.includes(CONFIG_TAG))
    throw new Error(
      "nop.html không phải trang của chitieu / is not chitieu's page: npm run gas:build",
    );
  const page = html.replace(
    CONFIG_TAG,
    () => `<script type="application/json" id="chitieu-config">${json}</script>`,
  );
  // Apps Script ignores the page's own <meta> and <title>: they are set here.
  return HtmlService.createHtmlOutput(page)
    .setTitle("Nộp báo cáo chỉ tiêu chuyển đổi số")
    .addMetaTag("viewport", "width=device-width, initial-scale=1");
}
