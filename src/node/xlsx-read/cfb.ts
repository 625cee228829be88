// The stream names of an OLE compound file ([MS-CFB] 2.2, 2.6): Excel writes a password-protected
// workbook as one (EncryptionInfo + EncryptedPackage, [MS-OFFCRYPTO] 2.3.4.x), and an .xls too.

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const isCompoundFile = (bytes: Uint8Array) =>
  bytes.length >= 512 && CFB_MAGIC.every((b, i) => bytes[i] === b);

const END_OF_CHAIN = 0xfffffffe;
const DIFAT_IN_HEADER = 109;
const ENTRY_SIZE = 128;

/** Every directory entry's name; empty when the file is too damaged to walk. */
export function compoundFileNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : END_OF_CHAIN);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) return [];
  const sectorAt = (n: number) => (n + 1) * sectorSize;
  // Sector n starts after the header's sector: (n + 1) × size.
  const sectors = Math.floor(bytes.length / sectorSize) - 1;

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < DIFAT_IN_HEADER; i++) fatSectors.push(u32(0x4c + i * 4));
  for (let d = u32(0x44), hops = 0; d < sectors && hops < sectors; hops++) {
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per; i++) fatSectors.push(u32(sectorAt(d) + i * 4));
    d = u32(sectorAt(d) + per * 4);
  }
  const fatNext = (n: number) => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(n / perSector)];
    if (fatSector === undefined || fatSector >= sectors) return END_OF_CHAIN;
    return u32(sectorAt(fatSector) + (n % perSector) * 4);
  };

  const names: string[] = [];
  // Every hop visits a new sector at most once; a loop in a damaged file stops at the sector count.
  for (let s = u32(0x30), hops = 0; s < sectors && hops < sectors; s = fatNext(s), hops++) {
    for (let at = sectorAt(s); at + ENTRY_SIZE <= sectorAt(s) + sectorSize; at += ENTRY_SIZE) {
      const length = view.getUint16(at + 64, true);
      if (length < 2 || length > 64) continue;
      let name = "";
      for (let i = 0; i < length - 2; i += 2)
        name += String.fromCharCode(view.getUint16(at + i, true));
      names.push(name);
    }
  }
  return names;
}
