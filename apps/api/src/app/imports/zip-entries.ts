import { inflateRawSync } from 'node:zlib';

/** One part of a zip as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** What it unpacks to; a zip64 size (4 GB or more) reads as Number.MAX_SAFE_INTEGER. */
  size: number;
  compressedSize: number;
  method: number;
  localHeader: number;
}

/**
 * The parts of a zip (an .xlsx) read from its central directory without unpacking anything — so
 * a sheet formatted down 200,000 rows, or a zip bomb, is refused by size before anything is
 * inflated. Null when the file is not a readable zip.
 */
export function zipEntries(zip: Buffer): ZipEntry[] | null {
  const end = endOfCentralDirectory(zip);
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      size: size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size,
      compressedSize: zip.readUInt32LE(at + 20),
      method: zip.readUInt16LE(at + 10),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  return entries;
}

/** The bytes of one part, inflated; null when the part is damaged or packed in a way an .xlsx never is. */
export function unpack(zip: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeader;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const packed = zip.subarray(start, start + entry.compressedSize);
  if (packed.length !== entry.compressedSize) return null;
  try {
    if (entry.method === 0) return packed;
    if (entry.method === 8) return inflateRawSync(packed, { maxOutputLength: Math.max(entry.size, 1) });
  } catch {
    return null;
  }
  return null;
}

function endOfCentralDirectory(zip: Buffer): number {
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}
