// `npm run validate [files…]`: checks add-in manifests offline (default manifest.xml); exit 0 when
// all are valid, 1 with each error located as file:line otherwise.
import { readFile } from "node:fs/promises";
import { formatErrors, validateManifest } from "./manifest-schema.mjs";

const files = process.argv.length > 2 ? process.argv.slice(2) : ["manifest.xml"];
let failed = false;
for (const file of files) {
  const xml = await readFile(file, "utf8").catch((err) => {
    console.error(`${file}: không đọc được / cannot read: ${err.message}`);
    return undefined;
  });
  if (xml === undefined) {
    failed = true;
    continue;
  }
  const result = await validateManifest(xml, file);
  if (result.valid) {
    console.log(`${file} validates`);
  } else {
    failed = true;
    console.error(formatErrors(result));
    console.error(`${file} fails to validate`);
  }
}
process.exitCode = failed ? 1 : 0;
