// A short checksum of a sheet's fixed cells, to notice an edited or outdated sheet. Not a security
// measure: signatures protect submissions; this only catches accidents before they are sent.

/** FNV-1a, 32 bit, over UTF-16 code units: the same in every JavaScript runtime. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
