// `npm run dev-server`: builds the add-in, serves dist/addin at https://localhost:<port> (the
// address the root manifest names; the port is package.json's config.dev_server_port, which
// office-addin-debugging reads too) and rebuilds it whenever a source changes. The tracker runs
// separately.
import Fastify from "fastify";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { registerAddinRoutes } from "../dist/node/tracker/addin-routes.js";
import { buildAddin, reportBuild, watchAddin } from "./build-addin.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** npm sets npm_package_config_* for its scripts; run directly, package.json says the same. */
export function configuredPort() {
  const fromNpm = process.env.npm_package_config_dev_server_port;
  if (fromNpm) return Number(fromNpm);
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return Number(pkg.config?.dev_server_port ?? 3000);
}

/**
 * Starts the dev server; resolves to its address and a close function. `certDir` holds the
 * localhost certificate `npm run dev-certs` (office-addin-dev-certs) makes the system trust;
 * without one it serves http and says Excel will not load that.
 */
export async function startDevServer({
  port = configuredPort(),
  watch = true,
  certDir = join(homedir(), ".office-addin-dev-certs"),
  log = console.log,
  ...buildOptions
} = {}) {
  const certFile = join(certDir, "localhost.crt");
  const keyFile = join(certDir, "localhost.key");
  const tls = existsSync(certFile) && existsSync(keyFile);
  if (!tls) {
    log(
      [
        `Không có chứng chỉ ở ${certDir}: phục vụ qua http, Excel sẽ không nạp add-in.`,
        `No certificate in ${certDir}: serving over http, which Excel will not load.`,
        "Cài chứng chỉ / install one (trusts a local CA; asks for confirmation): npm run dev-certs",
      ].join("\n"),
    );
  }
  const app = Fastify({
    logger: false,
    ...(tls ? { https: { cert: readFileSync(certFile), key: readFileSync(keyFile) } } : {}),
  });
  // The manifest names https://localhost:<port>; the build rebases it when the port differs.
  const options = { ...buildOptions, host: `https://localhost:${port || 3000}` };
  const { outdir } = await buildAddin(options);
  registerAddinRoutes({ dir: outdir, prefix: "" })(app);
  await app.listen({ port, host: "localhost" });
  const address = app.server.address();
  const url = `${tls ? "https" : "http"}://localhost:${address.port}`;
  const stopWatching = watch
    ? await watchAddin({ ...options, outdir }, reportBuild(log))
    : undefined;
  return {
    url,
    async close() {
      await stopWatching?.();
      await app.close();
    },
  };
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { "no-watch": { type: "boolean", default: false } } });
  const server = await startDevServer({ watch: !values["no-watch"] }).catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
  console.log(
    `Add-in: ${server.url}/taskpane.html   manifest: ${server.url}/manifest.xml   (Ctrl+C để dừng / to stop)`,
  );
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}
