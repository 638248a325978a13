// A modal in a native <dialog>: showModal() makes the rest of the page inert and moves the
// focus in; Escape closes it. On closing, the focus goes back to what opened it, or to
// `focusAfter` when the page has changed meanwhile (the row that held the button is gone).
import { type ReactNode, useEffect, useId, useRef } from 'react';

export function Modal(props: {
  open: boolean;
  title: string;
  onClose(): void;
  /** Where the focus goes after closing, instead of the opener. */
  focusAfter?: () => HTMLElement | null | undefined;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const { open } = props;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      // A dialog that asks to confirm something final starts on its safe choice.
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);

  const closed = () => {
    const target = props.focusAfter?.() ?? opener.current;
    if (target?.isConnected) target.focus();
    if (open) props.onClose();
  };

  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={closed} className="modal">
      <h2 id={titleId}>{props.title}</h2>
      {open && props.children}
    </dialog>
  );
}
