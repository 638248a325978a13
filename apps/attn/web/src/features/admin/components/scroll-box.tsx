// A wide table on a phone scrolls sideways inside this box, never the page. The box is a named
// region that takes the focus, so a keyboard can scroll it too (axe: scrollable-region-focusable).
import type { ReactNode } from 'react';

export function ScrollBox(props: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="admin-scroll" aria-label={props.label} tabIndex={0}>
      {props.children}
    </section>
  );
}
