// Types of build-web.mjs for the TypeScript tests that call it.
export interface BuildWebOptions {
  outdir?: string;
  /** Where the Apps Script page (nop.html) goes; dist/appsscript/ by default. */
  appsScriptDir?: string;
  srcdir?: string;
  production?: boolean;
}
export declare function buildWeb(
  options?: BuildWebOptions,
): Promise<{ outdir: string; version: string; sizes: Record<string, number> }>;
