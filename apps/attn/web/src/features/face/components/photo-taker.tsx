// One photo of the student's face: the front camera in the page (getUserMedia) with a preview,
// take and retake; where the camera is blocked, missing or the page is not a secure context, a
// file input with capture="user" (a phone opens its front camera for it). The browser's own
// camera prompt comes only after a sentence saying why it will ask, and only when the student
// presses "Turn on the camera". The camera stops as soon as a photo is taken or the step ends.
// Every photo, from the camera or a file, is re-encoded as a JPEG of at most MAX_SIDE pixels:
// small on a weak network, the same format for the API whatever the phone made.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type ChangeEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { type Photo, photoFromFile, photoFromVideo } from './photo.ts';
import '../face.css';

type Fallback = 'denied' | 'missing' | 'insecure' | 'failed';
type Mode = 'explain' | 'starting' | 'live' | 'file' | 'preview';

/** Whether this page may ask for the camera at all; else why not. */
function cameraBlocker(): Fallback | null {
  if (!globalThis.isSecureContext) return 'insecure';
  if (!navigator.mediaDevices?.getUserMedia) return 'missing';
  return null;
}

/** Why getUserMedia failed, in the words the student reads. */
function fallbackOf(err: unknown): Fallback {
  const name = (err as { name?: string }).name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  return 'failed';
}

/** How long "Take photo" waits for a camera that has not shown a picture yet. */
const PICTURE_WAIT_MS = 10_000;

/** Once the student has allowed the camera on this page, the next photo needs no explainer. */
let cameraAllowed = false;

export function PhotoTaker(props: {
  /** Why the camera is wanted, said before the browser asks. */
  explain: string;
  /** The label of the button that uses the photo taken ("Add this photo", "Send and check in"). */
  useLabel: string;
  pending?: boolean;
  onUse(photo: Photo): void;
}) {
  const { t } = useI18n();
  const blocker = cameraBlocker();
  const [mode, setMode] = useState<Mode>(blocker ? 'file' : cameraAllowed ? 'starting' : 'explain');
  const [fallback, setFallback] = useState<Fallback | null>(blocker);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const [taking, setTaking] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** After the student's own action only: the first render leaves the focus where it is. */
  const moved = useRef(false);
  /** The student chose a file over the camera: a retake offers the file input again. */
  const fromFile = useRef(false);
  const fileId = useId();

  const stop = useCallback(() => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  // Starting the camera: asks the browser (its prompt, the first time), then shows the preview.
  useEffect(() => {
    if (mode !== 'starting') return;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 } }, audio: false })
      .then(
        (media) => {
          if (cancelled) {
            for (const track of media.getTracks()) track.stop();
            return;
          }
          cameraAllowed = true;
          stream.current = media;
          setMode('live');
        },
        (err: unknown) => {
          if (cancelled) return;
          setFallback(fallbackOf(err));
          setMode('file');
        },
      );
    return () => {
      cancelled = true;
    };
  }, [mode]);

  useEffect(() => {
    if (mode === 'live' && video.current && stream.current) video.current.srcObject = stream.current;
    if (!moved.current) return;
    if (mode === 'file') fileInput.current?.focus();
    else primary.current?.focus();
  }, [mode]);

  const act = (next: () => void | Promise<void>) => () => {
    moved.current = true;
    void next();
  };

  // Pressed before the camera's first picture (a slow phone camera, or its first black frames),
  // the photo waits for one; a camera that shows none offers the file input instead.
  const take = act(async () => {
    const v = video.current;
    if (!v) return;
    setTaking(true);
    const made = await photoFromVideo(v, PICTURE_WAIT_MS);
    setTaking(false);
    // The student went on without the camera meanwhile ("Take or choose a photo instead").
    if (!stream.current) return;
    stop();
    if (made) {
      setPhoto(made);
      setMode('preview');
    } else {
      setFallback('failed');
      setMode('file');
    }
  });

  const retake = act(() => {
    setPhoto(null);
    setMode(fallback || fromFile.current ? 'file' : 'starting');
  });

  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    moved.current = true;
    const made = await photoFromFile(file);
    setUnreadable(!made);
    if (made) {
      setPhoto(made);
      setMode('preview');
    }
  };

  const toFile = act(() => {
    fromFile.current = true;
    stop();
    setMode('file');
  });

  return (
    <div className="photo-taker">
      {mode === 'explain' && (
        <div className="photo-taker__explain">
          <h3>{t('camera.explainTitle')}</h3>
          <p>{props.explain}</p>
          <div className="photo-taker__actions">
            <button
              ref={primary}
              type="button"
              className="button button--big button--wide"
              onClick={act(() => setMode('starting'))}
            >
              {t('camera.start')}
            </button>
            <button type="button" className="button button--secondary button--wide" onClick={toFile}>
              {t('camera.useFile')}
            </button>
          </div>
        </div>
      )}
      {mode === 'starting' && (
        <p role="status" className="muted">
          {t('camera.starting')}
        </p>
      )}
      {mode === 'live' && (
        <div className="photo-taker__live">
          <video
            ref={video}
            className="photo-taker__video"
            autoPlay
            playsInline
            muted
            aria-label={t('camera.preview')}
          />
          <div className="photo-taker__actions">
            <button
              ref={primary}
              type="button"
              className="button button--big button--wide"
              onClick={taking ? undefined : take}
              aria-disabled={taking || undefined}
            >
              {t('camera.take')}
            </button>
            <button type="button" className="button button--secondary button--wide" onClick={toFile}>
              {t('camera.useFile')}
            </button>
          </div>
        </div>
      )}
      {mode === 'file' && (
        <div className="photo-taker__file">
          {fallback && (
            <p className="notice notice--warning" role="status">
              {t(`camera.${fallback}`)}
            </p>
          )}
          <div className={`field${unreadable ? ' field--error' : ''}`}>
            <label htmlFor={fileId} className="field__label">
              {t('camera.fileLabel')}
            </label>
            <div id={`${fileId}-hint`} className="field__hint">
              {t('camera.fileHint')}
            </div>
            {unreadable && (
              <p id={`${fileId}-error`} className="field__error" role="alert">
                {t('camera.unreadable')}
              </p>
            )}
            <input
              ref={fileInput}
              id={fileId}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              capture="user"
              className="input photo-taker__input"
              aria-describedby={`${fileId}-hint${unreadable ? ` ${fileId}-error` : ''}`}
              aria-invalid={unreadable || undefined}
              onChange={(e) => void chosen(e)}
            />
          </div>
        </div>
      )}
      {mode === 'preview' && photo && (
        <div className="photo-taker__preview">
          <img className="photo-taker__image" src={photo.url} alt={t('camera.photoAlt')} />
          <div className="photo-taker__actions">
            <button
              ref={primary}
              type="button"
              className="button button--big button--wide"
              disabled={props.pending}
              onClick={() => props.onUse(photo)}
            >
              {props.useLabel}
            </button>
            <button
              type="button"
              className="button button--secondary button--wide"
              disabled={props.pending}
              onClick={retake}
            >
              {t('camera.retake')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
