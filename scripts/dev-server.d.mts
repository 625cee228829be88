// Types of dev-server.mjs for the TypeScript tests that call it.
import type { BuildAddinOptions } from "./build-addin.mjs";
export declare function configuredPort(): number;
export declare function startDevServer(
  options?: BuildAddinOptions & {
    port?: number;
    watch?: boolean;
    certDir?: string;
    log?: (line: string) => void;
  },
): Promise<{ url: string; close(): Promise<void> }>;
