// "N of M checked in", large, in a polite live region. A hall checks in by the hundred within
// minutes: the words change at most every few seconds, so a screen reader hears the count
// settle rather than every student.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useEffect, useRef, useState } from 'react';

const EVERY_MS = 3000;

function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const timer = setTimeout(
      () => {
        last.current = Date.now();
        setShown(value);
      },
      Math.max(0, last.current + ms - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}

export function LiveCount(props: { checkedIn: number; enrolled: number | undefined; className?: string }) {
  const { t, number } = useI18n();
  const text =
    props.enrolled === undefined
      ? t('live.countOnly', { count: props.checkedIn, n: number(props.checkedIn) })
      : t('live.count', { count: props.enrolled, n: number(props.checkedIn), m: number(props.enrolled) });
  const shown = useThrottled(text, EVERY_MS);
  return (
    <p role="status" className={props.className ?? 'live-count'}>
      {shown}
    </p>
  );
}
