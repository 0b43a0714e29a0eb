import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Windowing for a list of fixed-height rows inside a scrolling element: only the rows in view
 * (plus `overscan` on each side) are rendered, so tens of thousands scroll smoothly.
 */
export function useVirtualRows(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 10) {
  const [range, setRange] = useState({ start: 0, end: 0 });
  const frame = useRef(0);
  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const first = Math.floor(el.scrollTop / rowHeight);
    const visible = Math.ceil(el.clientHeight / rowHeight) + 1;
    const start = Math.max(0, first - overscan);
    const end = Math.min(count, first + visible + overscan);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [scroller, count, rowHeight, overscan]);
  useEffect(() => {
    measure();
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(measure);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(onScroll);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [measure, scroller]);
  return range;
}
