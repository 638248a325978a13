// An event's image: the current one, a new one previewed before it is saved, and its removal.
// The accepted types and the size limit come from the API (GET /api/admin/events/image-rules),
// are stated in the hint and checked as soon as a file is chosen; the server checks the bytes
// again on upload, and its refusal (415 for a type, 413 for a size) is shown the same way.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import {
  type AdminEvent,
  dataUrlOf,
  eventChanged,
  imageQuery,
  imageRulesQuery,
  removeEventImage,
  setEventImage,
} from './events.api.ts';
import { imageProblem, sizeText, typeNames } from './image-file.ts';

const LOCALES: Record<string, string> = { en: 'en-GB', tr: 'tr-TR' };

export function EventImage(props: { event: AdminEvent; editable: boolean }) {
  const { t, lang } = useI18n();
  const locale = LOCALES[lang] ?? lang;
  const id = useId();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const rules = useQuery(imageRulesQuery);
  const fileId = props.event.image_file_id;
  const current = useQuery({ ...imageQuery(fileId ?? ''), enabled: fileId !== null });
  const [chosen, setChosen] = useState<{ file: File; preview: string } | null>(null);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');

  const types = rules.data ? typeNames(rules.data.types, locale) : '';
  const limit = rules.data ? sizeText(rules.data.max_bytes, locale) : '';
  const refusal = (file: File, err: unknown): string => {
    if (err instanceof ApiError && err.status === 415)
      return t('event.image.refusedType', { name: file.name, types });
    if (err instanceof ApiError && err.status === 413)
      return t('event.image.refusedSize', { name: file.name, limit });
    if (err instanceof ApiError && err.status === 0) return t('errors.network');
    if (err instanceof ApiError && err.status === 403) return t('errors.forbidden');
    return t('errors.unexpected');
  };

  const clearChoice = () => {
    setChosen(null);
    if (input.current) input.current.value = '';
  };
  const save = useMutation({
    mutationFn: (file: File) => setEventImage(props.event.id, file),
    onSuccess: (event) => {
      clearChoice();
      setDone(t('event.image.saved'));
      eventChanged(client, event);
    },
    onError: (err, file) => setProblem(refusal(file, err)),
  });
  const remove = useMutation({
    mutationFn: () => removeEventImage(props.event.id),
    onSuccess: (event) => {
      setDone(t('event.image.removed'));
      eventChanged(client, event);
    },
    onError: (err) => setProblem(refusal(new File([], ''), err)),
  });
  const busy = save.isPending || remove.isPending;

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    setProblem('');
    setDone('');
    setChosen(null);
    if (!file || !rules.data) return;
    const wrong = imageProblem(file, rules.data);
    if (wrong) {
      if (input.current) input.current.value = '';
      setProblem(
        wrong === 'type'
          ? t('event.image.wrongType', { name: file.name, types })
          : t('event.image.tooLarge', { name: file.name, size: sizeText(file.size, locale), limit }),
      );
      return;
    }
    try {
      setChosen({ file, preview: await dataUrlOf(file) });
    } catch {
      setProblem(t('errors.unexpected'));
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <section className="event-section event-image" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('event.image.title')}</h2>
      {fileId === null ? (
        <p>{t('event.image.none')}</p>
      ) : current.data ? (
        <figure className="event-image__figure">
          <img src={current.data} alt={t('event.image.current')} />
        </figure>
      ) : current.isError ? (
        <p className="notice notice--warning">{t('event.image.unavailable')}</p>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      {props.editable && (
        <>
          <div className={`field${problem ? ' field--error' : ''}`}>
            <label htmlFor={`${id}-file`} className="field__label">
              {t('event.image.choose')}
            </label>
            <div id={hintId} className="field__hint">
              {rules.data ? t('event.image.hint', { types, size: limit }) : t('common.loading')}
            </div>
            <div aria-live="assertive">
              {problem && (
                <p id={errorId} className="field__error">
                  {problem}
                </p>
              )}
            </div>
            <input
              ref={input}
              id={`${id}-file`}
              type="file"
              className="input event-image__input"
              accept={rules.data?.types.join(',')}
              aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
              aria-invalid={problem ? true : undefined}
              disabled={!rules.data || busy}
              onChange={(e) => void choose(e)}
            />
          </div>
          {chosen && (
            <div className="event-image__chosen">
              <figure className="event-image__figure">
                <img src={chosen.preview} alt={t('event.image.preview')} />
                <figcaption className="muted">{t('event.image.notSaved')}</figcaption>
              </figure>
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  aria-disabled={busy || undefined}
                  onClick={() => {
                    if (!busy) save.mutate(chosen.file);
                  }}
                >
                  {save.isPending ? t('event.image.saving') : t('event.image.save')}
                </button>
                <button type="button" className="button button--secondary" onClick={clearChoice}>
                  {t('event.image.discard')}
                </button>
              </div>
            </div>
          )}
          {fileId !== null && !chosen && (
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={busy || undefined}
              onClick={() => {
                setProblem('');
                setDone('');
                if (!busy) remove.mutate();
              }}
            >
              {t('event.image.remove')}
            </button>
          )}
        </>
      )}
      <div aria-live="polite">{done && <p className="notice notice--success">{done}</p>}</div>
    </section>
  );
}
