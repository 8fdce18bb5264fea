/**
 * 佐证资料 types accepted (SPEC §9): PDF, images, office documents (and OFD, the national e-document
 * format) — told by their content, never by the file name.
 */
export interface EvidenceType {
  contentType: string;
  label: string;
}

const starts = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** What a file is by its first bytes; null when it is none of the accepted types. */
export function evidenceTypeOf(bytes: Uint8Array): EvidenceType | null {
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: 'application/pdf', label: 'PDF' };
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', label: 'PNG 图片' };
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', label: 'JPEG 图片' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { contentType: 'image/gif', label: 'GIF 图片' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { contentType: 'image/webp', label: 'WebP 图片' };
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { contentType: 'application/x-ole-storage', label: 'Office 文档（旧版 doc / xls / ppt）' };
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // an Office Open XML or OFD package names its parts near the start
    const head = ascii(bytes, 0, 65536);
    if (head.includes('word/')) return { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档' };
    if (head.includes('xl/')) return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格' };
    if (head.includes('ppt/')) return { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint 演示文稿' };
    if (head.includes('OFD.xml')) return { contentType: 'application/ofd', label: 'OFD 版式文件' };
  }
  return null;
}

export const EVIDENCE_TYPES_TEXT = 'PDF、图片（JPG、PNG、GIF、WebP）、Word、Excel、PowerPoint 或 OFD 文件';
