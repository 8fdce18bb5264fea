// The figures of one bench run, printed at the end as one table: figure, ours, baseline, ratio, goal.
const figures = [];

/**
 * One figure. `ratio` is ours ÷ baseline for times (lower is better) or ours ÷ baseline for
 * throughput (higher is better) — `goal` says which, and `met` is judged here from the numbers.
 */
export function figure({ name, ours, baseline = '', ratio = null, goal, met }) {
  figures.push({ name, ours, baseline, ratio: ratio === null ? '' : `${ratio.toFixed(2)}×`, goal, met });
  console.log(`  ${met ? '✔' : '✖'} ${name}: ${ours}${baseline ? ` — baseline ${baseline}` : ''}${ratio === null ? '' : ` — ${ratio.toFixed(2)}×`} (goal ${goal})`);
}

export function printTable() {
  const head = ['figure', 'ours', 'baseline', 'ratio', 'goal', 'met'];
  const rows = figures.map((f) => [f.name, f.ours, f.baseline, f.ratio, f.goal, f.met ? 'yes' : 'NO']);
  const width = (i) => Math.max(...[head, ...rows].map((r) => displayWidth(r[i])));
  const line = (r) => '| ' + r.map((c, i) => c + ' '.repeat(width(i) - displayWidth(c))).join(' | ') + ' |';
  console.log('\n' + line(head));
  console.log('|' + head.map((_, i) => '-'.repeat(width(i) + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  const missed = figures.filter((f) => !f.met).length;
  console.log(missed ? `\n${missed} of ${figures.length} goals not met` : `\nall ${figures.length} goals met`);
}

// CJK characters take two columns in a terminal
const displayWidth = (text) => [...String(text)].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
