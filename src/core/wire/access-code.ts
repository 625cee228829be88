// A unit access code: tracker URL + unit + key in one pasteable string, so an officer pastes it once.
import { fromBase64Url, toBase64Url, utf8Bytes, utf8Text } from "../text/bytes.js";
import type { Words } from "../check/messages.js";
import type { Result } from "../text/result.js";
import { err, ok } from "../text/result.js";
import type { AccessCodeProblemKind } from "./access-code-messages.js";
import { accessCodeMessages } from "./access-code-messages.js";
import { KEY_PATTERN } from "./signature.js";
import { z } from "zod";

const PREFIX = "chitieu1.";

export const AccessCode = z
  .object({
    url: z.url({ protocol: /^https?$/u }),
    unit: z.string().min(1),
    key: z.string().regex(KEY_PATTERN),
  })
  .strict();
export type AccessCode = z.infer<typeof AccessCode>;

/** Why a text is no access code: its kind for callers, its words for the officer. */
export interface AccessCodeProblem {
  kind: AccessCodeProblemKind;
  message: Words;
}

export function formatAccessCode(code: AccessCode): string {
  return PREFIX + toBase64Url(utf8Bytes(JSON.stringify([code.url, code.unit, code.key])));
}

const problem = (kind: AccessCodeProblemKind): AccessCodeProblem => ({
  kind,
  message: accessCodeMessages[kind],
});

/** What the officer pasted instead, when it is not a code at all. */
function notACode(text: string): AccessCodeProblem {
  if (/^https?:\/\//iu.test(text)) return problem("address");
  if (/^[0-9a-f]{64}$/iu.test(text)) return problem("bare-key");
  return problem("not-a-code");
}

/** The bytes as UTF-8 text, or undefined when they are not UTF-8 (a cut or changed code). */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8Text(bytes);
    const back = utf8Bytes(text);
    return back.length === bytes.length && back.every((b, i) => b === bytes[i]) ? text : undefined;
  } catch {
    return undefined; // a code point past U+10FFFF
  }
}

/** The [url, unit, key] a complete code holds, or undefined when the code is damaged. */
function partsOf(body: string): unknown[] | undefined {
  const bytes = fromBase64Url(body);
  const json = bytes && strictUtf8(bytes);
  if (json === undefined) return undefined;
  try {
    const parts: unknown = JSON.parse(json);
    return Array.isArray(parts) && parts.length === 3 ? parts : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a pasted code; whitespace anywhere is dropped, since an e-mail may wrap a long code and the
 * code itself has none. A refusal says which part is wrong, never what the code or its key holds.
 */
export function readAccessCode(text: string): Result<AccessCode, AccessCodeProblem> {
  const pasted = text.replace(/\s+/gu, "");
  if (pasted === "") return err(problem("empty"));
  if (!pasted.startsWith(PREFIX)) return err(notACode(pasted));
  const parts = partsOf(pasted.slice(PREFIX.length));
  if (!parts) return err(problem("damaged"));
  const [url, unit, key] = parts;
  const parsed = AccessCode.safeParse({ url, unit, key });
  if (parsed.success) return ok(parsed.data);
  const wrong = new Set(parsed.error.issues.map((i) => i.path[0]));
  return err(problem(wrong.has("url") ? "bad-address" : wrong.has("unit") ? "no-unit" : "bad-key"));
}
