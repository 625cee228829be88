// Points the Excel add-in's manifest at wherever the add-in is hosted; shared by the add-in build
// (scripts/build-addin.mjs imports the compiled file) and the tracker's /addin/ routes.
import { escapeHtml } from "../core/text/html-escape.js";

/**
 * Every URL in the manifest lives under the task pane's folder, so the task pane's address is the
 * one place that says where the manifest currently points.
 */
const TASKPANE_LOCATION = /<SourceLocation DefaultValue="([^"]+)\/taskpane\.html"\s*\/>/u;

/** The folder the manifest's URLs point into, without a trailing slash. */
export function manifestBase(xml: string): string {
  const match = TASKPANE_LOCATION.exec(xml);
  if (!match?.[1]) {
    throw new Error(
      'manifest không có <SourceLocation DefaultValue="…/taskpane.html"/> / manifest names no task pane URL',
    );
  }
  return match[1];
}

/**
 * A base URL's canonical form (`https://host[:port][/path]`, no trailing slash), or an error for
 * anything that cannot be a folder the add-in is served from.
 */
export function normalizeBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`không phải URL / not a URL: ${base}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`URL phải là http(s) / the URL must be http(s): ${base}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `URL không được có truy vấn, # hoặc mật khẩu / no query, fragment or credentials: ${base}`,
    );
  }
  return url.href.replace(/\/$/u, "");
}

/**
 * The add-in's <Id> wherever it is served from a real host (a tracker, a web server). The root
 * manifest.xml, which names localhost for development, carries another, so that an Office developer
 * can sideload both side by side; Office tells add-ins apart by this Id alone.
 */
export const ADDIN_ID = "ad215dde-3e0e-4995-b50b-3cc2bb74e5f1";

/**
 * The manifest with every URL moved from its current base to `base`. AppDomain entries name an
 * origin, never a path, so they take the new base's origin. Away from localhost it takes ADDIN_ID.
 */
export function rebaseManifest(xml: string, base: string): string {
  const from = manifestBase(xml);
  const to = normalizeBase(base);
  const fromOrigin = new URL(from).origin;
  const development = new URL(to).hostname === "localhost";
  // Attribute values: the path part of a URL may keep a literal "&", which XML must not.
  const moved = xml
    .replaceAll(`"${from}/`, `"${escapeHtml(to)}/`)
    .replaceAll(
      `<AppDomain>${fromOrigin}</AppDomain>`,
      `<AppDomain>${escapeHtml(new URL(to).origin)}</AppDomain>`,
    );
  return development ? moved : moved.replace(/<Id>[^<]*<\/Id>/u, `<Id>${ADDIN_ID}</Id>`);
}
