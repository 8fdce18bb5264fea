import { evidenceTypeOf } from './file-type';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('evidence files are told by their content', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['a PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['a Word document', bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an Excel workbook', bytes([0x50, 0x4b, 0x03, 0x04], '....xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['an old .doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/x-ole-storage'],
    ['an OFD', bytes([0x50, 0x4b, 0x03, 0x04], '..OFD.xml'), 'application/ofd'],
    ['a program named .pdf', bytes('MZ\x90\x00'), null],
    ['an HTML page', bytes('<html><script>'), null],
    ['any other zip', bytes([0x50, 0x4b, 0x03, 0x04], 'setup.exe'), null],
    ['an empty file', bytes(), null],
  ])('%s', (_, content, type) => {
    expect(evidenceTypeOf(content)?.contentType ?? null).toBe(type);
  });
});
