/**
 * The print palette of the design reference (design/README.md, "Palette"): one place for every
 * printout's colours. Wall charts and lists use the colour set; the A4 card uses the greys that
 * stay legible in black-and-white printing.
 */
export const RED = '#B71C1C'; // title, rules, panel markers, 未脱贫, ✗
export const GAP_FILL = '#FBE3E0'; // the cell behind a ✗
export const GREEN = '#2E7D32'; // 已脱贫
export const AMBER = '#F0A202'; // 监测 / 预脱贫
export const AMBER_TEXT = '#2B2B2B'; // text on amber
export const INK = '#262626';
export const GREY = '#5F5F5F';
export const HAIR = '#CFC6B8'; // hairlines
export const GROUP_RULE = '#8C8377'; // rules between 组
export const CREAM = '#F8F4EC'; // panels
export const HEAD_FILL = '#EFE7D9'; // table heads
export const BAR = '#5A5550'; // neutral chart bars

/** Black-and-white safe set for the A4 household card. */
export const BW: Readonly<Record<'INK' | 'GREY' | 'RULE' | 'HAIR' | 'FILL', string>> = { INK: '#1F1F1F', GREY: '#555555', RULE: '#9E9E9E', HAIR: '#C8C8C8', FILL: '#EBEBEB' };
