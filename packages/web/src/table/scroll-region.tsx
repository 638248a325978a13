// A box that scrolls sideways when what it holds is wider than the screen (a table on a phone).
// While it scrolls it is a named region that takes the focus, so a keyboard can scroll it too
// (axe: scrollable-region-focusable); while everything fits it is a plain box, no extra tab stop.
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';

export function ScrollRegion(props: {
  className: string;
  /** The region's name: its own words, or the id of what names it (a table's caption). */
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  const measure = () => {
    const box = ref.current;
    if (box) setScrolls(box.scrollWidth > box.clientWidth);
  };
  // After every render (rows arrive, a language changes the words) and on every resize.
  useLayoutEffect(measure);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  });
  const region = scrolls
    ? { role: 'region', tabIndex: 0, 'aria-label': props.label, 'aria-labelledby': props.labelledBy }
    : {};
  return (
    <div ref={ref} className={props.className} {...region}>
      {props.children}
    </div>
  );
}
