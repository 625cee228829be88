// Types of build-addin.mjs for the TypeScript tests that call it.
export declare const DEV_HOST: string;
/** Each bundle's esbuild target, by output file name ("taskpane.js": "es2017"). */
export declare const BUNDLE_TARGETS: Readonly<Record<string, string>>;
export declare function checkHost(host: string): string;
export interface BuildAddinOptions {
  host?: string;
  outdir?: string;
  /** A folder laid out like src/excel: taskpane/, commands/, dialog/ and boot/ (see test/fixtures/addin-src.ts). */
  srcdir?: string;
  assetsdir?: string;
  manifest?: string;
  production?: boolean;
}
export declare function buildAddin(
  options?: BuildAddinOptions,
): Promise<{ outdir: string; host: string; files: string[] }>;
export type BuildResult = Awaited<ReturnType<typeof buildAddin>>;
export declare function watchAddin(
  options?: BuildAddinOptions,
  onBuild?: (error: unknown, result?: BuildResult) => void,
): Promise<() => Promise<void>>;
export declare function reportBuild(
  log?: (line: string) => void,
): (error: unknown, result?: BuildResult) => void;
