// Dialogs built from plain text only: every piece goes through core's escapeHtml, so a unit name
// or a note that holds markup shows as text.
import { escapeHtml } from "../../src/core/text/html-escape.js";

const STYLE = `<style>
body{font-family:Arial,sans-serif;font-size:13px;color:#202124}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #dadce0;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#dde6f3}code{font-family:monospace;word-break:break-all;user-select:all}
.note{color:#5f6368}</style>`;

export type Html = { readonly html: string };
const html = (s: string): Html => ({ html: s });

export function paragraph(text: string, className?: string): Html {
  return html(`<p${className ? ` class="${className}"` : ""}>${escapeHtml(text)}</p>`);
}

export function list(items: readonly string[]): Html {
  return html(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`);
}

/** A table of text; cells named in `codeColumns` are shown as selectable code. */
export function table(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  codeColumns: ReadonlySet<number> = new Set(),
): Html {
  const head = `<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>`;
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((c, i) =>
            codeColumns.has(i)
              ? `<td><code>${escapeHtml(c)}</code></td>`
              : `<td>${escapeHtml(c)}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("");
  return html(`<table>${head}${body}</table>`);
}

export function page(parts: readonly Html[], script = ""): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${STYLE}</head><body>${parts
    .map((p) => p.html)
    .join("")}${script}</body></html>`;
}

export function showDialog(title: string, parts: readonly Html[], height = 480): void {
  const output = HtmlService.createHtmlOutput(page(parts)).setWidth(760).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
