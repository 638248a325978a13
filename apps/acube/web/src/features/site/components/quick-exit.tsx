// "Exit this page", in the GOV.UK manner: a button on every page, and Shift pressed three times
// (within five seconds, nothing else pressed between) does the same. The page empties at once
// and is replaced, not left behind: location.replace takes the site's entry out of history,
// and navigation inside the site replaced its entries too, so Back does not return here.
import { useEffect } from 'react';

export function exitNow(url: string): void {
  document.documentElement.classList.add('exiting');
  document.title = '';
  location.replace(url);
}

const PRESSES = 3;
const WITHIN_MS = 5000;

export function QuickExit(props: { url: string; label: string; hint: string }) {
  const { url } = props;
  useEffect(() => {
    let presses = 0;
    let reset: ReturnType<typeof setTimeout> | undefined;
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== 'Shift') {
        presses = 0;
        return;
      }
      presses += 1;
      clearTimeout(reset);
      reset = setTimeout(() => {
        presses = 0;
      }, WITHIN_MS);
      if (presses >= PRESSES) exitNow(url);
    };
    document.addEventListener('keyup', onKeyUp, true);
    return () => {
      clearTimeout(reset);
      document.removeEventListener('keyup', onKeyUp, true);
    };
  }, [url]);
  return (
    <div className="quick-exit">
      <a
        href={url}
        className="button quick-exit__button"
        rel="nofollow noreferrer"
        onClick={(event) => {
          event.preventDefault();
          exitNow(url);
        }}
      >
        {props.label}
      </a>
      <span className="quick-exit__hint">{props.hint}</span>
    </div>
  );
}
