import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedPage {
  width: number;
  height: number;
}

export interface Printed {
  /** `pdftotext -layout`, page by page (split on form feeds). */
  text: string;
  /** `pdftotext` in reading order: the text of a cell in one block, where the layout interleaves it line by line with its neighbours'. */
  blocks: string;
  pages: PrintedPage[];
  words: WordBox[];
  pdfPath: string;
  pngPath: string;
}

/**
 * An export as a unit prints it: LibreOffice Calc converts the xlsx to PDF (a profile of its own per
 * call, so parallel suites do not share one), poppler reads the text, the word boxes and the page
 * count back, and the PDF and a PNG of its first page stay in test/artifacts for a person to look at.
 */
export async function printXlsx(name: string, xlsx: Buffer, timeoutMs = 120_000): Promise<Printed> {
  const dir = await mkdtemp(join(tmpdir(), 'print-'));
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    const source = join(dir, `${name}.xlsx`);
    await writeFile(source, xlsx);
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, source], { timeout: timeoutMs });
    const pdf = join(dir, `${name}.pdf`);
    await mkdir(SCREENSHOTS, { recursive: true });
    const pdfPath = join(ARTIFACTS, `print-${name}.pdf`);
    await copyFile(pdf, pdfPath);
    const [text, blocks, boxes] = await Promise.all([
      run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 }).then((r) => r.stdout),
      run('pdftotext', [pdf, '-'], { maxBuffer: 256 * 1024 * 1024 }).then((r) => r.stdout),
      run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 512 * 1024 * 1024 }).then((r) => r.stdout),
    ]);
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENSHOTS, `print-${name}`)]);
    const { pages, words } = parseBoxes(boxes);
    const info = (await run('pdfinfo', [pdf])).stdout;
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    if (count !== pages.length) throw new Error(`pdfinfo counts ${count} pages, pdftotext ${pages.length}`);
    return { text, blocks, pages, words, pdfPath, pngPath: join(SCREENSHOTS, `print-${name}.png`) };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/** `pdftotext -bbox` output: one <page> per page, one <word> per word, in points. */
function parseBoxes(html: string): { pages: PrintedPage[]; words: WordBox[] } {
  const pages: PrintedPage[] = [];
  const words: WordBox[] = [];
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const part of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(part);
    pages.push({ width: Number(size?.[1]), height: Number(size?.[2]) });
    for (const m of part.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescape(m[5]) });
    }
  }
  return { pages, words };
}

/** Whitespace removed: wrapped text breaks lines and pads columns anywhere. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * Pairs of words on one page whose boxes overlap by more than `slack` points both ways: how text
 * spilling out of a (merged) cell over the next row shows on paper.
 */
export function wordsOverlap(words: WordBox[], slack = 1.5): [WordBox, WordBox][] {
  const found: [WordBox, WordBox][] = [];
  const byPage = new Map<number, WordBox[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const list of byPage.values()) {
    list.sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j].yMin < list[i].yMax - slack; j++) {
        const a = list[i];
        const b = list[j];
        const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (x > slack && y > slack) found.push([a, b]);
      }
    }
  }
  return found;
}

/** Words reaching into the outer `margin` points of their page (or beyond it): cut off when printed. */
export function cutAtEdge(words: WordBox[], pages: PrintedPage[], margin = 2): WordBox[] {
  return words.filter((w) => {
    const { width, height } = pages[w.page - 1];
    return w.xMin < margin || w.yMin < margin || w.xMax > width - margin || w.yMax > height - margin;
  });
}

/**
 * Whether `text` is printed whole: its characters, whitespace aside, are the run of consecutive
 * words of some cell, read row by row. A cell's wrapped lines are interleaved with its neighbours'
 * on the page, so other words in between are skipped; a word must match whole.
 */
export function printedWhole(print: Printed, text: string): boolean {
  const target = squash(text);
  const read = readOf(print);
  if (!target || read.layout.includes(target) || read.blocks.includes(target)) return true;
  const words = read.words;
  // depth first over (word, position in the text), each pair tried once: a short word of a
  // neighbouring cell (册 beside 印发册数) may match too early
  const tried = new Set<string>();
  const stack: [number, number][] = words.flatMap((w, i) => (target.startsWith(w) ? [[i + 1, w.length] as [number, number]] : []));
  while (stack.length) {
    const [from, at] = stack.pop() as [number, number];
    if (at >= target.length) return true;
    if (tried.has(`${from}:${at}`)) continue;
    tried.add(`${from}:${at}`);
    for (let i = from; i < Math.min(words.length, from + 400); i++) if (target.startsWith(words[i], at)) stack.push([i + 1, at + words[i].length]);
  }
  return false;
}

const reads = new WeakMap<Printed, { layout: string; blocks: string; words: string[] }>();

/** A print's texts squashed and its words row by row, worked out once for all the texts looked for. */
function readOf(print: Printed): { layout: string; blocks: string; words: string[] } {
  let read = reads.get(print);
  if (!read) {
    const words = [...print.words].sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin).map((w) => squash(w.text)).filter(Boolean);
    read = { layout: squash(print.text), blocks: squash(print.blocks), words };
    reads.set(print, read);
  }
  return read;
}
