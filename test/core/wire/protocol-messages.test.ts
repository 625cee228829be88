// The words of chitieu/1's answers: one message per error code, and the receipt's notices.
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/core/wire/protocol.js";
import { answerMessages, protocolWords } from "../../../src/core/wire/protocol-messages.js";

describe("protocol messages", () => {
  it("give every error code of the protocol a message, and nothing else", () => {
    expect(Object.keys(answerMessages).sort()).toEqual([...ErrorCode.options].sort());
  });

  it("tell the officer what to do where there is something to do", () => {
    expect(answerMessages["bad-signature"]).toEqual({
      vi: "Chữ ký không hợp lệ: kiểm tra mã truy cập của đơn vị",
      en: "Invalid signature: check the unit access code",
    });
    expect(answerMessages["tracker-full"].vi).toContain("vẫn nằm trong hàng đợi");
    expect(answerMessages["tracker-full"].en).toContain("stays queued");
  });

  it("say that an older report was kept without replacing the newer one", () => {
    expect(protocolWords.olderThanCurrent.en).toBe(
      "This report is older than the report you already sent: it was stored but does not replace it",
    );
  });
});
