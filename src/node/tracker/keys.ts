// Unit keys: 32 random bytes from the operating system, hex-encoded.
import { randomBytes } from "node:crypto";

export function newUnitKey(): string {
  return randomBytes(32).toString("hex");
}
