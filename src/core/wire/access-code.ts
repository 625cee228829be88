// A unit access code: tracker URL + unit + key in one pasteable string, so an officer pastes it once.
import { fromBase64Url, toBase64Url, utf8Bytes, utf8Text } from "../text/bytes.js";
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

export function formatAccessCode(code: AccessCode): string {
  return PREFIX + toBase64Url(utf8Bytes(JSON.stringify([code.url, code.unit, code.key])));
}

export function parseAccessCode(text: string): AccessCode | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PREFIX)) return undefined;
  const bytes = fromBase64Url(trimmed.slice(PREFIX.length));
  if (!bytes) return undefined;
  try {
    const parts: unknown = JSON.parse(utf8Text(bytes));
    if (!Array.isArray(parts) || parts.length !== 3) return undefined;
    const parsed = AccessCode.safeParse({ url: parts[0], unit: parts[1], key: parts[2] });
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
