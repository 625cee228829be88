// `npm run dev-server`: builds the add-in, then serves dist/addin at https://localhost:3000, the
// address the root manifest names, for sideloading while developing. The tracker runs separately.
import Fastify from "fastify";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { registerAddinRoutes } from "../dist/node/tracker/addin-routes.js";
import { buildAddin } from "./build-addin.mjs";

const PORT = 3000;
// Where `npx office-addin-dev-certs install` leaves a localhost certificate signed by the CA it
// makes the system trust.
const certDir = join(homedir(), ".office-addin-dev-certs");
const certFile = join(certDir, "localhost.crt");
const keyFile = join(certDir, "localhost.key");

const { outdir } = await buildAddin().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

const tls = existsSync(certFile) && existsSync(keyFile);
if (!tls) {
  console.warn(
    [
      `Không có chứng chỉ ở ${certDir}: phục vụ qua http, Excel sẽ không nạp add-in.`,
      `No certificate in ${certDir}: serving over http, which Excel will not load.`,
      "Cài chứng chỉ / install one (trusts a local CA; asks for confirmation):",
      "  npx --yes office-addin-dev-certs install",
    ].join("\n"),
  );
}

const app = Fastify({
  logger: false,
  ...(tls ? { https: { cert: readFileSync(certFile), key: readFileSync(keyFile) } } : {}),
});
registerAddinRoutes({ dir: outdir, prefix: "" })(app);
await app.listen({ port: PORT, host: "localhost" });

const origin = `${tls ? "https" : "http"}://localhost:${PORT}`;
console.log(
  `Add-in: ${origin}/taskpane.html   manifest: ${origin}/manifest.xml   (Ctrl+C để dừng / to stop)`,
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
