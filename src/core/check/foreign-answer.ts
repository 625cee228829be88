// What a tracker's address answered when it did not answer chitieu/1, and what the officer should
// check. Google serves an Apps Script web app's failures as HTML pages with status 200: its sign-in
// page when the deployment is not open to "Anyone", its error page when the script hit a quota or
// the time limit, or when the deployment runs no doPost. None of these is a receipt.
import type { Words } from "./messages.js";

type Kind = "sign-in" | "limit" | "no-script" | "other";

const texts: Record<Kind, (found: string) => Words> = {
  "sign-in": () => ({
    vi: "Google trả về trang đăng nhập: web app của tracker chưa mở cho mọi người. Đơn vị tổng hợp cần triển khai lại với Người có quyền truy cập: Bất kỳ ai (Triển khai › Quản lý việc triển khai › Chỉnh sửa).",
    en: "Google answered with its sign-in page: the tracker's web app is not open to everyone. The consolidator must deploy it with Who has access: Anyone (Deploy › Manage deployments › Edit).",
  }),
  limit: (found) => ({
    vi: `Apps Script của tracker đã chạm giới hạn hoặc hạn mức của Google ("${found}"). Thử gửi lại sau; nếu lặp lại, báo đơn vị tổng hợp.`,
    en: `The tracker's Apps Script hit a Google limit or quota ("${found}"). Send again later; if it happens again, tell the consolidator.`,
  }),
  "no-script": (found) => ({
    vi: `Web app tại địa chỉ này không chạy chitieu ("${found}"): đơn vị tổng hợp cần dán Code.js mới rồi triển khai phiên bản mới (Quản lý việc triển khai › Chỉnh sửa › Phiên bản: Phiên bản mới).`,
    en: `The web app at this address does not run chitieu ("${found}"): the consolidator must install the current Code.js and deploy a new version (Manage deployments › Edit › Version: New version).`,
  }),
  other: (found) => ({
    vi: `Địa chỉ trong mã truy cập không trả lời theo chitieu/1 (nhận được: "${found}"). Kiểm tra: mã truy cập đúng địa chỉ …/exec của lần triển khai hiện tại; web app mở cho Bất kỳ ai; hạn mức Apps Script của đơn vị tổng hợp.`,
    en: `The access code's address does not answer chitieu/1 (got: "${found}"). Check: the code holds the current deployment's …/exec address; the web app is open to Anyone; the consolidator's Apps Script quotas.`,
  }),
};

const LIMIT =
  /Exceeded maximum execution time|Service invoked too many times|quota|too many simultaneous|Service Spreadsheets timed out|limit exceeded/iu;
const NO_SCRIPT = /Script function not found|Sorry, unable to open the file|Không tìm thấy hàm/iu;
const SIGN_IN =
  /accounts\.google\.com|ServiceLogin|<title>\s*(Sign in|Google Accounts|Đăng nhập)/iu;

/** The page's words without markup, cut short: enough to recognise it, nothing to render. */
function wordsOf(text: string): string {
  const body = text
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/giu, " ")
    .replace(/<[^>]*>/gu, " ")
    .replace(/&[#\w]+;/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return body.length > 160 ? `${body.slice(0, 157)}…` : body || "(trống / empty)";
}

export function foreignAnswer(status: number, text: string): Words {
  const words = wordsOf(text);
  const found = `HTTP ${status}: ${words}`;
  if (SIGN_IN.test(text)) return texts["sign-in"](found);
  const limit = LIMIT.exec(words);
  if (limit) return texts.limit(words);
  if (NO_SCRIPT.test(words)) return texts["no-script"](words);
  return texts.other(found);
}
