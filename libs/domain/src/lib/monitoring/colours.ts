/** The four warning colours of SPEC §5, worst first. */
export const COLOURS = ['red', 'yellow', 'green', 'blue'] as const;
export type Colour = (typeof COLOURS)[number];

export const COLOUR_LABELS: Record<Colour, string> = { red: '红', yellow: '黄', green: '绿', blue: '蓝' };

/** 蓝 ahead, 绿 on track, 黄 lagging, 红 off track. */
export const COLOUR_MEANINGS: Record<Colour, string> = { blue: '超前', green: '正常', yellow: '滞后', red: '严重滞后' };

/** The worst of several colours (红 > 黄 > 绿 > 蓝); null when none is known yet. */
export function worstColour(colours: readonly (Colour | null | undefined)[]): Colour | null {
  let worst: Colour | null = null;
  for (const c of colours) if (c && (worst === null || COLOURS.indexOf(c) < COLOURS.indexOf(worst))) worst = c;
  return worst;
}

/** At least as bad as `floor`: 有可能 makes a green indicator yellow. */
export function atLeast(colour: Colour, floor: Colour): Colour {
  return COLOURS.indexOf(colour) < COLOURS.indexOf(floor) ? colour : floor;
}
