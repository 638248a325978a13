// A wide table on a phone scrolls sideways inside this box, never the page; while it scrolls the
// box is a named region a keyboard can reach (the shared ScrollRegion).
import { ScrollRegion } from '@campus/web/table/scroll-region.tsx';
import type { ReactNode } from 'react';

export function ScrollBox(props: { label: string; children: ReactNode }) {
  return (
    <ScrollRegion className="admin-scroll" label={props.label}>
      {props.children}
    </ScrollRegion>
  );
}
