/** The type floor of each sheet (shared/domain/wallchart.ts) and the one figure format of the charts. */
import { describe, expect, it } from 'vitest';
import { figure, typeFloor, TYPE_FLOOR } from '../../shared/domain/wallchart';

const paper = (size: 'A0' | 'A1' | 'A2' | 'A3' | 'A4' | 'custom', w: number | null = null, h: number | null = null) => ({ size, orientation: 'landscape' as const, widthMm: w, heightMm: h });

describe('type floor per sheet', () => {
  it('is 16 pt body and 14 pt secondary at A1, as the design asks for reading at 2 m', () => {
    expect(typeFloor(paper('A1'))).toEqual({ body: 16, secondary: 14, readingM: 2 });
  });
  it('grows with the reading distance: the bigger the sheet, the higher the floor', () => {
    const bodies = (['A0', 'A1', 'A2', 'A3', 'A4'] as const).map((s) => typeFloor(paper(s)).body);
    expect(bodies).toEqual([22, 16, 12, 10, 8]);
    for (const s of Object.keys(TYPE_FLOOR) as (keyof typeof TYPE_FLOOR)[]) expect(typeFloor(paper(s)).secondary).toBeCloseTo((TYPE_FLOOR[s].body * 14) / 16);
  });
  it('gives a custom sheet the floor of the largest standard sheet it reaches', () => {
    expect(typeFloor(paper('custom', 900, 600)).body).toBe(16);
    expect(typeFloor(paper('custom', 1500, 1000)).body).toBe(22);
    expect(typeFloor(paper('custom', 300, 200)).body).toBe(8);
  });
});

describe('figures on the charts', () => {
  it('print with thousands separators, so five-digit counts read at a glance', () => {
    expect(figure(29626)).toBe('29,626');
    expect(figure(6213)).toBe('6,213');
    expect(figure(40)).toBe('40');
  });
});
