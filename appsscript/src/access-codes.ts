// "Cấp mã truy cập…": a new key per unit, kept only in the script properties, and the access code
// (web app URL + unit + key) shown once in a dialog for the consolidator to hand over — shown
// first, saved after, so no unit is left with a key nobody saw.
import { formatAccessCode } from "../../src/core/wire/access-code.js";
import { toHex, utf8Bytes } from "../../src/core/text/bytes.js";
import { KEY_PATTERN } from "../../src/core/wire/signature.js";
import type { Unit } from "../../src/core/plan/unit-schema.js";
import { isWebAppUrl, keyProperty, readWebAppUrl, saveWebAppUrl } from "./config.js";
import { paragraph, showDialog, table } from "./dialogs.js";
import { activeSpreadsheet } from "./sheets.js";
import { registryRows, unitFromRow } from "./sheet-store.js";

type Ui = GoogleAppsScript.Base.Ui;

/**
 * 32 bytes from two random UUIDs (Apps Script has no crypto.getRandomValues; getUuid is random,
 * 244 bits from the two) through SHA-256. Apps Script's bytes are signed Java bytes.
 */
export function newUnitKey(): string {
  const seed = Utilities.getUuid() + Utilities.getUuid();
  const digest = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    seed,
    Utilities.Charset.UTF_8,
  );
  const key = toHex(Uint8Array.from(digest, (b) => b & 255));
  if (!KEY_PATTERN.test(key))
    throw new Error("khóa sinh ra không hợp lệ / generated key is malformed");
  return key;
}

function askWebAppUrl(ui: Ui, current: string | undefined): string | undefined {
  const answer = ui.prompt(
    "Địa chỉ web app / Web app URL",
    "Dán địa chỉ web app đã triển khai (Deploy › Manage deployments), dạng https://script.google.com/macros/s/…/exec" +
      (current ? `\nHiện tại / now: ${current}` : ""),
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  const url = answer.getResponseText().trim();
  if (!isWebAppUrl(url)) {
    ui.alert(`"${url}" không phải địa chỉ web app (…/exec) / is not a web app URL (…/exec)`);
    return undefined;
  }
  saveWebAppUrl(url);
  return url;
}

export function setWebAppUrl(): void {
  const ui = SpreadsheetApp.getUi();
  const url = askWebAppUrl(ui, readWebAppUrl());
  if (url) ui.alert(`Đã lưu / saved: ${url}`);
}

export function issueAccessCodes(): void {
  const ui = SpreadsheetApp.getUi();
  const url = readWebAppUrl() ?? askWebAppUrl(ui, undefined);
  if (!url) return;
  const units = registryRows(activeSpreadsheet()).flatMap((row) => {
    const unit = unitFromRow(row);
    return unit ? [unit] : [];
  });
  if (units.length === 0) {
    ui.alert("Chưa có đơn vị: Chỉ tiêu › Nhập đơn vị… trước / No units yet: import them first");
    return;
  }
  const answer = ui.prompt(
    "Cấp mã truy cập / Issue access codes",
    "Mã đơn vị, cách nhau bởi dấu phẩy; để trống: mọi đơn vị chưa có mã. Đơn vị được cấp lại thì mã cũ thôi hiệu lực. / Unit codes, comma-separated; blank: every unit without a code. A reissued unit's old code stops working.",
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const props = PropertiesService.getScriptProperties();
  const asked = answer
    .getResponseText()
    .split(/[\s,;]+/u)
    .filter((c) => c !== "");
  const byCode = new Map(units.map((u) => [u.code, u]));
  const unknown = asked.filter((c) => !byCode.has(c));
  if (unknown.length > 0) {
    ui.alert(`Không có đơn vị / no such unit: ${unknown.join(", ")}`);
    return;
  }
  let chosen: Unit[];
  if (asked.length > 0) {
    chosen = [...new Set(asked)].map((c) => byCode.get(c)!);
  } else {
    const keyed = new Set(props.getKeys());
    chosen = units.filter((u) => !keyed.has(keyProperty(u.code)));
  }
  if (chosen.length === 0) {
    ui.alert("Mọi đơn vị đã có mã / every unit already has a code");
    return;
  }
  const keys = chosen.map((u) => ({ unit: u, key: newUnitKey() }));
  const properties = Object.fromEntries(keys.map(({ unit, key }) => [keyProperty(unit.code), key]));
  if (!fitsInStore(props.getProperties(), properties)) {
    ui.alert(STORE_FULL);
    return;
  }
  // Shown, then saved: a dialog that cannot open leaves every unit with the code it had, rather
  // than with a key nobody saw.
  try {
    showDialog(
      "Mã truy cập — chỉ hiện một lần / Access codes — shown once",
      [
        paragraph(
          "Gửi mỗi đơn vị mã của mình qua kênh an toàn. Mã không được lưu trong bảng tính; đóng hộp thoại này là không xem lại được (cấp lại nếu mất). / Give each unit its code over a safe channel; it is not stored in the sheet and cannot be shown again.",
        ),
        table(
          ["Mã đơn vị / Unit", "Tên đơn vị / Name", "Mã truy cập / Access code"],
          keys.map(({ unit, key }) => [
            unit.code,
            unit.name,
            formatAccessCode({ url, unit: unit.code, key }),
          ]),
          new Set([2]),
        ),
      ],
      Math.min(640, 200 + keys.length * 48),
    );
  } catch {
    ui.alert(NOT_SHOWN);
    return;
  }
  try {
    props.setProperties(properties, false);
  } catch {
    ui.alert(NOT_SAVED);
  }
}

// Quotas for Google Services: the script properties hold 500 KB in all, keys and values counted.
const STORE_BYTES = 500 * 1024;

function fitsInStore(
  current: Readonly<Record<string, string>>,
  added: Readonly<Record<string, string>>,
): boolean {
  const all = { ...current, ...added };
  const bytes = Object.entries(all).reduce(
    (n, [k, v]) => n + utf8Bytes(k).length + utf8Bytes(v).length,
    0,
  );
  return bytes <= STORE_BYTES;
}

const STORE_FULL =
  "Không cấp được: các thuộc tính của script (nơi giữ khóa) chỉ chứa 500 KB và sẽ vượt quá. Chưa cấp mã nào; hãy cấp cho ít đơn vị hơn mỗi lần, hoặc dùng chitieu serve cho danh sách lớn. / Cannot issue: the script properties that hold the keys take 500 KB and would overflow. No code was issued.";
const NOT_SHOWN =
  "Không hiện được hộp thoại mã truy cập, nên chưa cấp mã nào: mã cũ của các đơn vị vẫn dùng được. Hãy thử lại, hoặc cấp cho ít đơn vị hơn mỗi lần. / The access-code dialog could not open, so no code was issued: units' old codes still work. Try again, or issue fewer units at a time.";
const NOT_SAVED =
  "Không lưu được khóa: các mã vừa hiện KHÔNG dùng được, đừng gửi cho đơn vị. Hãy cấp lại. / The keys could not be saved: the codes just shown do NOT work; do not hand them out. Issue them again.";
