// Types of build-addin.mjs for the TypeScript tests that call it.
export declare const DEV_HOST: string;
export declare function checkHost(host: string): string;
export interface BuildAddinOptions {
  host?: string;
  outdir?: string;
  /** A folder laid out like src/excel: taskpane/taskpane.{ts,html,css}, commands/commands.{ts,html}. */
  srcdir?: string;
  assetsdir?: string;
  manifest?: string;
  production?: boolean;
}
export declare function buildAddin(
  options?: BuildAddinOptions,
): Promise<{ outdir: string; host: string; files: string[] }>;
