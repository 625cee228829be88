// HMAC-SHA256 signatures of a submission's exact bytes, checked in constant time.
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { fromHex, toHex, utf8Bytes } from "../text/bytes.js";

/** Unit keys are 32 random bytes, written as 64 hex digits. */
export const KEY_PATTERN = /^[0-9a-f]{64}$/u;

export function sign(payload: string, keyHex: string): string {
  const key = fromHex(keyHex);
  if (!key || key.length === 0) throw new Error("khóa không hợp lệ / invalid key");
  return toHex(hmac(sha256, key, utf8Bytes(payload)));
}

/** Every character is compared whatever the first difference, so timing says nothing of the key. */
export function constantTimeEqual(expected: string, given: string): boolean {
  let diff = expected.length ^ given.length;
  for (let i = 0; i < expected.length; i++)
    diff |= expected.charCodeAt(i) ^ (given.charCodeAt(i) || 0);
  return diff === 0;
}

export function verify(payload: string, signature: string, keyHex: string): boolean {
  return constantTimeEqual(sign(payload, keyHex), signature.toLowerCase());
}

/** What idempotency compares: the same submissionId must come with the same bytes. */
export function payloadHash(payload: string): string {
  return toHex(sha256(utf8Bytes(payload)));
}
