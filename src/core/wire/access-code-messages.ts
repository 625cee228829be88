// Why a pasted access code does not read, in the catalogue's shape: each says what to do next, and
// none repeats the code or its key (a code holds the unit's key, which never goes into a message).
import type { Words } from "../check/messages.js";

export const accessCodeMessages = {
  empty: {
    vi: "Chưa có mã truy cập. Hãy dán mã mà đơn vị tổng hợp đã gửi (bắt đầu bằng chitieu1.).",
    en: "No access code was given. Paste the code the consolidator sent you (it starts with chitieu1.).",
  },
  address: {
    vi: "Đây là một địa chỉ web, không phải mã truy cập. Mã truy cập bắt đầu bằng chitieu1.: hãy sao chép mã trong thư của đơn vị tổng hợp.",
    en: "This is a web address, not an access code. An access code starts with chitieu1.: copy it from the consolidator's message.",
  },
  "bare-key": {
    vi: "Đây chỉ là khóa của đơn vị, chưa phải mã truy cập. Mã truy cập bắt đầu bằng chitieu1. và gồm cả địa chỉ hệ thống lẫn đơn vị: hãy sao chép toàn bộ mã trong thư của đơn vị tổng hợp.",
    en: "This is only a unit key, not an access code. An access code starts with chitieu1. and also holds the tracker's address and the unit: copy the whole code from the consolidator's message.",
  },
  "not-a-code": {
    vi: "Đây không phải mã truy cập: mã truy cập bắt đầu bằng chitieu1. Hãy sao chép mã trong thư của đơn vị tổng hợp.",
    en: "This is not an access code: an access code starts with chitieu1. Copy it from the consolidator's message.",
  },
  damaged: {
    vi: "Mã bị thiếu hoặc sai ký tự, thường do sao chép mất phần cuối. Hãy sao chép lại toàn bộ mã trong thư của đơn vị tổng hợp.",
    en: "The code is cut short or has a changed character, usually a copy that lost its end. Copy the whole code again from the consolidator's message.",
  },
  "bad-address": {
    vi: "Mã đầy đủ nhưng địa chỉ hệ thống theo dõi trong mã không phải địa chỉ http:// hoặc https://. Hãy đề nghị đơn vị tổng hợp cấp lại mã.",
    en: "The code is complete, but the tracker address inside it is not an http:// or https:// address. Ask the consolidator for a new code.",
  },
  "no-unit": {
    vi: "Mã đầy đủ nhưng không ghi đơn vị nào. Hãy đề nghị đơn vị tổng hợp cấp lại mã.",
    en: "The code is complete, but it names no unit. Ask the consolidator for a new code.",
  },
  "bad-key": {
    vi: "Mã đầy đủ nhưng khóa trong mã không đúng dạng (64 chữ số hệ mười sáu viết thường). Hãy đề nghị đơn vị tổng hợp cấp lại mã.",
    en: "The code is complete, but the key inside it is not of the expected form (64 lowercase hexadecimal digits). Ask the consolidator for a new code.",
  },
} satisfies Record<string, Words>;

export type AccessCodeProblemKind = keyof typeof accessCodeMessages;
