// The bot check every public form carries: a proof of work (ALTCHA's, served and verified by our
// own API; nothing is asked of a third party). The page fetches a challenge as soon as the form
// opens and solves it in the background, yielding to the page as it goes, so a person never
// waits or clicks; the status line says what is happening, in words, to everyone (a live region).
// A solution is good once: each send takes the one ready and starts the next.
import { api } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BotCheckChallenge } from '../../../../api/src/modules/abuse/index.ts';
import { encodeSolution, type Solvable, solveChallenge } from './bot-check-solver.ts';

export type BotCheckStatus = 'checking' | 'done' | 'failed' | 'off';

export interface BotCheck {
  status: BotCheckStatus;
  /** The headers the form's request carries: waits for the solution, then prepares the next. */
  headers(): Promise<Record<string, string>>;
}

/** null: the API has the bot check off (BOT_CHECK=off). */
async function fetchAndSolve(): Promise<string | null> {
  const c = await api<BotCheckChallenge>('/api/bot-check/challenge');
  if (!c.enabled) return null;
  if (!c.algorithm || !c.challenge || !c.salt || !c.signature || c.maxnumber === undefined)
    throw new Error('bot check: incomplete challenge');
  const solvable = { ...c, algorithm: c.algorithm, maxnumber: c.maxnumber } as Solvable;
  const number = await solveChallenge(solvable);
  if (number === null) throw new Error('bot check: no solution');
  return encodeSolution(solvable, number);
}

export function useBotCheck(): BotCheck {
  const [status, setStatus] = useState<BotCheckStatus>('checking');
  const next = useRef<Promise<string | null> | null>(null);

  const start = useCallback(() => {
    setStatus('checking');
    const solving = fetchAndSolve();
    next.current = solving;
    solving.then(
      (value) => next.current === solving && setStatus(value === null ? 'off' : 'done'),
      () => next.current === solving && setStatus('failed'),
    );
    return solving;
  }, []);

  useEffect(() => {
    start().catch(() => {});
  }, [start]);

  const headers = useCallback(async (): Promise<Record<string, string>> => {
    let value: string | null;
    try {
      value = await (next.current ?? start());
    } catch {
      // Offline a moment ago, or the server restarted: one more try, now that the person sends.
      value = await start();
    }
    if (value === null) return {};
    start().catch(() => {});
    return { 'x-bot-check': value };
  }, [start]);

  return { status, headers };
}

/** The check's state in words, where the person sends the form (nothing when it is off). */
export function BotCheckLine(props: { check: BotCheck }) {
  const { t } = useI18n();
  const { status } = props.check;
  if (status === 'off') return null;
  return (
    <p className="muted bot-check" role="status" data-state={status}>
      {t(`botCheck.${status}`)}
    </p>
  );
}
