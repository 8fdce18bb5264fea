/**
 * A cell's text as the reader compares it (SPEC §7): HTML a web page left in it stripped (`<p>…</p>`,
 * `&nbsp;`), placeholders that mean "nothing here" (`-` `—` `/` `无`) and the dashes of a separator
 * row (`--|----`) read as empty, line ends kept.
 */
const TAG = /<\/?[a-zA-Z][^<>]*>/g;
const LINE_TAG = /<br\s*\/?>|<\/(p|div|li|tr)>/gi;
const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };
const ENTITY = /&(nbsp|lt|gt|quot|#39|amp);/g;
const PLACEHOLDER = /^([-—–－/／\\]|[-—–]{2,}|无)$/;
const SEPARATOR = /^(?=.*[-—–])[-—–|｜:：=+\s]{2,}$/;

export function cellText(cell: string | number | null | undefined): string {
  let text = (cell ?? '').toString().replace(/\r/g, '');
  if (text.includes('<') || text.includes('&')) text = text.replace(LINE_TAG, '\n').replace(TAG, '').replace(ENTITY, (e) => ENTITIES[e]);
  text = text.trim();
  return PLACEHOLDER.test(text) || SEPARATOR.test(text) ? '' : text;
}
