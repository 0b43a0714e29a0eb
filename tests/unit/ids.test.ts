import { describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../electron/core/context';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('record ids (UUID version 7)', () => {
  it('are well-formed, unique and in creation order, also past 4,096 in one millisecond', () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T08:00:00Z'), toFake: ['Date'] });
    try {
      const ids = Array.from({ length: 10_000 }, () => uuidv7()); // one frozen millisecond
      expect(ids.every((id) => V7.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1], `${i}`).toBe(true);
      // The time prefix is the clock's (moved on by a millisecond per 4,096 ids).
      const ms = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
      expect(ms(ids[0])).toBeGreaterThanOrEqual(Date.parse('2026-11-25T08:00:00Z'));
      expect(ms(ids.at(-1)!) - ms(ids[0])).toBeLessThanOrEqual(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
