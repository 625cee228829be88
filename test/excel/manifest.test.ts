// The add-in manifest: valid against Microsoft's XSDs as written and as built for a real host,
// every resource defined, Vietnamese first with English beside, every icon the size it claims.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAddin } from "../../scripts/build-addin.mjs";
import { drawIcon, glyphs, iconFiles } from "../../scripts/make-icons.mjs";
import {
  schemaDir,
  schemaFiles,
  undefinedResourceIds,
  validateManifest,
} from "../../scripts/manifest-schema.mjs";
import { ADDIN_ID } from "../../src/node/addin-manifest.js";
import { fakeAddinSource } from "../fixtures/addin-src.js";

const repo = join(import.meta.dirname, "../..");
const sharedSchemas = join(repo, "../shared/schemas/office-addin-manifest");
const rootXml = readFileSync(join(repo, "manifest.xml"), "utf8");
const HOST = "https://chitieu.example.vn";

let builtDir: string;
let builtXml: string;
beforeAll(async () => {
  builtDir = mkdtempSync(join(tmpdir(), "chitieu-addin-out-"));
  await buildAddin({ host: HOST, srcdir: fakeAddinSource(), outdir: builtDir });
  builtXml = readFileSync(join(builtDir, "manifest.xml"), "utf8");
});

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
const lineOf = (xml: string, text: string) => xml.slice(0, xml.indexOf(text)).split("\n").length;

/** Resource id → its DefaultValue, for one kind of resource (Image, Url, String). */
function resources(xml: string, kind: string): Map<string, string> {
  const pattern = new RegExp(`<bt:${kind} id="([^"]+)" DefaultValue="([^"]+)"`, "gu");
  return new Map([...xml.matchAll(pattern)].map((m) => [m[1]!, m[2]!]));
}

function pngSize(file: string) {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The RGBA pixels of a PNG written by make-icons (8-bit RGBA, filter 0 on every row). */
function pngPixels(file: string): Uint8Array {
  const png = readFileSync(file);
  const { width, height } = pngSize(file);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString("ascii") === "IDAT") {
      idat.push(png.subarray(at + 8, at + 8 + length));
    }
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    pixels.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return pixels;
}

describe("manifest.xml against the XSDs (xmllint-wasm)", () => {
  it("validates as written", async () => {
    expect(await validateManifest(rootXml)).toMatchObject({ valid: true, errors: [] });
  });

  it("validates as built for another host, which it names everywhere instead of localhost", async () => {
    expect(await validateManifest(builtXml)).toMatchObject({ valid: true, errors: [] });
    expect(builtXml).not.toContain("localhost");
    const urls = [...builtXml.matchAll(/\b(?:Default)?Value="(https?:[^"]*)"/gu)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u!.startsWith(`${HOST}/`))).toEqual([]);
    expect(builtXml).toContain(`<AppDomain>${HOST}</AppDomain>`);
    // Nothing but the URLs and the <Id> (a served add-in's, not the development one) changed.
    expect(builtXml).toContain(`<Id>${ADDIN_ID}</Id>`);
    const devId = /<Id>([^<]+)<\/Id>/u.exec(rootXml)![1]!;
    expect(builtXml.replaceAll(HOST, "https://localhost:3000").replace(ADDIN_ID, devId)).toBe(
      rootXml,
    );
  });

  it("refuses a manifest out of order, and says on which line", async () => {
    const broken = rootXml.replace("<ProviderName>chitieu</ProviderName>", "");
    const result = await validateManifest(broken);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatchObject({
      line: lineOf(broken, "<DefaultLocale>"),
      message: expect.stringContaining("ProviderName"),
    });
  });

  it("refuses <Runtimes>, which this schema predates", async () => {
    const withRuntimes = rootXml.replace(
      "    <Hosts>\n      <Host xsi:type",
      '    <Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>\n    <Hosts>\n      <Host xsi:type',
    );
    expect(withRuntimes).not.toBe(rootXml);
    expect((await validateManifest(withRuntimes)).valid).toBe(false);
  });

  it("defines every resid it uses, and an undefined one is caught with its line", async () => {
    const defined = new Set(
      ["Image", "Url", "String"].flatMap((kind) => [...resources(rootXml, kind).keys()]),
    );
    const used = [...rootXml.matchAll(/resid="([^"]+)"/gu)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
    expect(undefinedResourceIds(rootXml)).toEqual([]);

    const typo = rootXml.replace('resid="Validate.Label"', 'resid="Validate.Lable"');
    expect(await validateManifest(typo)).toMatchObject({
      valid: false,
      errors: [
        {
          line: lineOf(typo, "Validate.Lable"),
          message: expect.stringContaining("Validate.Lable"),
        },
      ],
    });
  });
});

describe("what the manifest declares", () => {
  it("is an Excel task pane add-in that may write the workbook and needs ExcelApi 1.8", () => {
    expect(rootXml).toContain('xsi:type="TaskPaneApp"');
    expect(rootXml).toContain('<Host Name="Workbook"/>');
    expect(rootXml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(rootXml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.8"\/>/u);
    expect(rootXml).toContain("<Version>1.0.0.0</Version>");
    expect(rootXml).not.toContain("<Runtimes>");
  });

  it("is Vietnamese by default with an English (en-US) override for every text", () => {
    expect(rootXml).toContain("<DefaultLocale>vi-VN</DefaultLocale>");
    const texts = [
      ...rootXml.matchAll(
        /<(DisplayName|Description|bt:String)\b[^>]*DefaultValue="([^"]+)"[^/]*?>([\s\S]*?)<\/\1>/gu,
      ),
    ];
    // DisplayName, Description, six short and three long strings.
    expect(texts).toHaveLength(11);
    for (const [, , vietnamese, body] of texts) {
      expect(vietnamese, vietnamese).toMatch(VIETNAMESE);
      const english = /<(?:bt:)?Override Locale="en-US" Value="([^"]+)"\/>/u.exec(body!)?.[1];
      expect(english, vietnamese).toBeDefined();
      expect(english, vietnamese).not.toMatch(VIETNAMESE);
    }
    expect(rootXml).toContain('<DisplayName DefaultValue="Chỉ tiêu chuyển đổi số">');
  });

  it("puts the group Chỉ tiêu on the Home tab: Kiểm tra runs validateReport, the other opens the pane", () => {
    const strings = resources(rootXml, "String");
    const urls = resources(rootXml, "Url");
    const label = (control: string) => {
      const resid = new RegExp(`id="${control}">\\s*<Label resid="([^"]+)"`, "u").exec(
        rootXml,
      )?.[1];
      return strings.get(resid!);
    };
    expect(rootXml).toContain('<OfficeTab id="TabHome">');
    expect(label("ChiTieu.Group")).toBe("Chỉ tiêu");
    expect(label("ChiTieu.Validate")).toBe("Kiểm tra");
    expect(label("ChiTieu.Taskpane")).toBe("Mở bảng chỉ tiêu");
    expect(rootXml).toMatch(
      /id="ChiTieu\.Validate">[\s\S]*?<Action xsi:type="ExecuteFunction">\s*<FunctionName>validateReport<\/FunctionName>/u,
    );
    expect(rootXml).toMatch(
      /id="ChiTieu\.Taskpane">[\s\S]*?<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/u,
    );
    expect(urls.get("Taskpane.Url")).toBe("https://localhost:3000/taskpane.html");
    expect(rootXml).toContain(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
    );
    expect(rootXml).toContain('<FunctionFile resid="Commands.Url"/>');
    expect(urls.get("Commands.Url")).toBe("https://localhost:3000/commands.html");
  });
});

describe("icons", () => {
  /** Every image the manifest names, with the size it declares for it. */
  function declaredImages(xml: string) {
    const images = resources(xml, "Image");
    const fromResources = [...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/gu)].map(
      (m) => ({ url: images.get(m[2]!)!, size: Number(m[1]) }),
    );
    const catalogue = [
      { url: /<IconUrl DefaultValue="([^"]+)"/u.exec(xml)![1]!, size: 32 },
      { url: /<HighResolutionIconUrl DefaultValue="([^"]+)"/u.exec(xml)![1]!, size: 64 },
    ];
    return [...fromResources, ...catalogue];
  }

  it("exist in assets/ and in the build, each the pixel size the manifest declares", () => {
    const declared = declaredImages(rootXml);
    expect(new Set(declared.map((d) => d.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { url, size } of declared) {
      const name = url.replace("https://localhost:3000/assets/", "");
      expect(name, url).toMatch(/^[\w-]+\.png$/u);
      expect(pngSize(join(repo, "assets", name)), name).toEqual({ width: size, height: size });
      expect(pngSize(join(builtDir, "assets", name)), name).toEqual({ width: size, height: size });
    }
  });

  it("are exactly what scripts/make-icons.mjs draws (npm run icons)", () => {
    for (const { name, glyph, size } of iconFiles) {
      const committed = pngPixels(join(repo, "assets", name));
      expect(Buffer.from(committed).equals(Buffer.from(drawIcon(glyphs[glyph], size))), name).toBe(
        true,
      );
    }
  });

  it("are white on Office blue with transparent rounded corners", () => {
    const pixels = pngPixels(join(repo, "assets", "check-32.png"));
    const at = (x: number, y: number) => [
      ...pixels.subarray((y * 32 + x) * 4, (y * 32 + x) * 4 + 4),
    ];
    expect(at(0, 0)[3]).toBe(0);
    expect(at(2, 16)).toEqual([0x0f, 0x6c, 0xbd, 255]);
    expect(at(13, 22)).toEqual([255, 255, 255, 255]);
  });
});

describe("the in-repo copy of the XSDs", () => {
  it("holds every schema the validator loads", () => {
    for (const file of schemaFiles) expect(existsSync(join(schemaDir, file)), file).toBe(true);
  });

  // The shared copy sits beside the repository in CI; elsewhere the hashes it had stand in for it.
  const pinned: Record<string, string> = {
    "ContentAppVersionOverridesV1_0.xsd":
      "3c0ae92c5114cdb90e6f30c9a6a70228fa616d6d8978e88f6f7a666f5c83268d",
    "MailAppVersionOverridesV1_0.xsd":
      "c7bf751520389a29960cc0a608a6ccbee9b4db3a9f4ace8b5223616006efb19a",
    "MailAppVersionOverridesV1_1.xsd":
      "24cca25a65e2a81b7311d11f4174a04a66d20298bb0995108d71cf50f6659831",
    "OfficeAppBasicTypesV1_0.xsd":
      "17c4181cac1aac064ea4ea92f769ced6d564a055044c8ddddd18a6b06cf2d48b",
    "OfficeAppManifestV1_1.xsd": "1473bf27a46327c5a3a2df3715d321eaaaf649e6bc426234f3f1512f0206f6a7",
    "TaskPaneAppVersionOverridesV1_0.xsd":
      "e51d547366c9edc0be3bfe3f8d31db566fc7507ec22a7059833542e696224ae1",
  };
  const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

  it("is byte-identical to ../shared/schemas (or, without it, to the hashes it had)", () => {
    const inRepo = readdirSync(schemaDir)
      .filter((f) => f.endsWith(".xsd"))
      .sort();
    expect(inRepo).toEqual(Object.keys(pinned).sort());
    for (const file of inRepo) {
      const reference = existsSync(sharedSchemas)
        ? sha256(join(sharedSchemas, file))
        : pinned[file];
      expect(sha256(join(schemaDir, file)), file).toBe(reference);
    }
  });
});
