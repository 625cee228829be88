// Checks an add-in manifest offline: Microsoft's XSDs (in-repo copy) through xmllint-wasm, then
// the one rule the XSDs cannot state, that every resid names a defined resource.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

export const schemaDir = fileURLToPath(
  new URL("../schemas/office-addin-manifest/", import.meta.url),
);

/** The entry schema first; the rest are what it imports, directly or not. */
export const schemaFiles = [
  "OfficeAppManifestV1_1.xsd",
  "OfficeAppBasicTypesV1_0.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
  "ContentAppVersionOverridesV1_0.xsd",
];

const lineAt = (text, index) => text.slice(0, index).split("\n").length;

/** `resid` references without a matching `<bt:Image|Url|String id>`, each with its line. */
export function undefinedResourceIds(xml) {
  const defined = new Set(
    [...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/gu)].map((m) => m[1]),
  );
  return [...xml.matchAll(/\bresid="([^"]+)"/gu)]
    .filter((m) => !defined.has(m[1]))
    .map((m) => ({
      line: lineAt(xml, m.index),
      message: `resid "${m[1]}" không được định nghĩa / is not defined in <Resources>`,
    }));
}

/**
 * `{ valid, errors: [{ line, message }] }` for a manifest's text; `name` only labels the errors.
 * Schema errors come first, in xmllint's words; line is null where xmllint gives none.
 */
export async function validateManifest(xml, name = "manifest.xml") {
  const [main, ...imported] = schemaFiles.map((fileName) => ({
    fileName,
    contents: readFileSync(`${schemaDir}${fileName}`, "utf8"),
  }));
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [main],
    preload: imported,
  });
  const errors = [
    ...result.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: e.message })),
    ...(result.valid ? undefinedResourceIds(xml) : []),
  ];
  return { name, valid: errors.length === 0, errors };
}

/** xmllint's own shape, `file:line: message`, so editors and terminals can jump to the line. */
export function formatErrors({ name, errors }) {
  return errors
    .map((e) => (e.line === null ? `${name}: ${e.message}` : `${name}:${e.line}: ${e.message}`))
    .join("\n");
}
