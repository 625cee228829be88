// The submission's signature in the browser: HMAC-SHA256 of the payload's UTF-8 bytes with the
// unit's key, as hex, exactly as core's sign() makes it; Web Crypto does the hashing.
import { fromHex, toHex, utf8Bytes } from "../core/text/bytes.js";
import { KEY_PATTERN, sign } from "../core/wire/signature.js";

/**
 * Web Crypto exists only in a secure context (https, or localhost): a tracker reached over plain
 * http on an office network still signs, with core's own HMAC.
 */
export async function signPayload(
  payload: string,
  keyHex: string,
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
): Promise<string> {
  if (!KEY_PATTERN.test(keyHex)) throw new Error("khóa không hợp lệ / invalid key");
  if (!subtle) return sign(payload, keyHex);
  const key = await subtle.importKey(
    "raw",
    Uint8Array.from(fromHex(keyHex)!),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return toHex(new Uint8Array(await subtle.sign("HMAC", key, Uint8Array.from(utf8Bytes(payload)))));
}
