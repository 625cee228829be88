// The period a report compares with: the one just before, of the same kind (2024 before 2025,
// 2025-Q3 before 2025-Q4, 2024-H2 before 2025-H1).
import { periodParts, type Period } from "../plan/period.js";

export function previousPeriod(period: Period): Period {
  const p = periodParts(period);
  if (p.kind === "year") return String(p.year - 1);
  const letter = p.kind === "half" ? "H" : "Q";
  const last = p.kind === "half" ? 2 : 4;
  return p.index === 1 ? `${p.year - 1}-${letter}${last}` : `${p.year}-${letter}${p.index - 1}`;
}
