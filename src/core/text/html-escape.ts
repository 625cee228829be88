// HTML escaping for every page chitieu renders (the tracker page, the Apps Script dashboard).
const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/gu, (ch) => entities[ch]!);
}
