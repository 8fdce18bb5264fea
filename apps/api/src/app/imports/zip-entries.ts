/**
 * The sizes an .xlsx (a zip) says its parts unpack to, read from its central directory without
 * unpacking anything — so a sheet formatted down 200,000 rows, or a zip bomb, is refused before
 * the workbook is loaded. Null when the file is not a readable zip.
 */
export function unpackedSizes(zip: Buffer): { name: string; size: number }[] | null {
  const end = endOfCentralDirectory(zip);
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; size: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    // 0xFFFFFFFF: a zip64 size, 4 GB or more as far as we are concerned
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size: size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size });
    at += 46 + skip;
  }
  return entries;
}

function endOfCentralDirectory(zip: Buffer): number {
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}
