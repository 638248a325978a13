// /teacher/sessions/:sessionId/review — the session's check-ins whose selfie needs a look: the
// kept selfie, the engine's scores and why it could not decide, and Accept or Reject. Every
// control is a button in reading order; after a decision the focus moves to the next check-in
// (or to the heading once the queue is empty), so a keyboard alone works through the queue.
import './review.css';
import '../courses/courses.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { errorText } from '../sessions/components/error-text.ts';
import { useSession } from '../sessions/sessions.api.ts';
import { type Decision, type ReviewItem, useReview, useReviews } from './review.api.ts';

function Score(props: { label: string; value: number | null }) {
  const { t, number } = useI18n();
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>
        {props.value === null ? t('review.noScore') : number(props.value, { maximumFractionDigits: 2 })}
      </dd>
    </div>
  );
}

function ReviewCard(props: {
  item: ReviewItem;
  threshold: number;
  busy: boolean;
  onDecide(decision: Decision): void;
  headingRef?: (el: HTMLHeadingElement | null) => void;
}) {
  const { t, time, has, number } = useI18n();
  const { item } = props;
  const titleId = `review-${item.id}`;
  const reason = `review.reasons.${item.review_reason}`;
  return (
    <article className="review-card" aria-labelledby={titleId}>
      <div className="review-card__photo">
        {item.selfie_url ? (
          <img src={item.selfie_url} alt={t('review.selfieAlt', { name: item.student.full_name })} />
        ) : (
          <p className="review-card__nophoto">{t('review.noSelfie')}</p>
        )}
      </div>
      <div className="review-card__body">
        <h2 id={titleId} ref={props.headingRef} tabIndex={-1}>
          {item.student.full_name} <span className="muted">{item.student.school_number}</span>
        </h2>
        <p>
          <span className={`badge ${item.verification === 'rejected' ? 'badge--error' : 'badge--warning'}`}>
            {t(`review.verification.${item.verification}`)}
          </span>{' '}
          {t('review.checkedInAt', { at: time(item.checked_in_at) })}
        </p>
        <p>{has(reason) ? t(reason) : item.review_reason}</p>
        {item.review_reason === 'photo_quality' && item.quality_issues.length > 0 && (
          <ul className="review-card__issues">
            {item.quality_issues.map((issue) => (
              <li key={issue}>{t(`review.quality.${issue}`)}</li>
            ))}
          </ul>
        )}
        <dl className="review-scores">
          <Score
            label={t('review.similarity', {
              threshold: number(props.threshold, { maximumFractionDigits: 3 }),
            })}
            value={item.similarity}
          />
          <Score label={t('review.faces')} value={item.face_count} />
          <Score label={t('review.spoof')} value={item.spoof_score} />
          <Score label={t('review.liveness')} value={item.liveness_score} />
        </dl>
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={props.busy}
            onClick={() => props.onDecide('accept')}
          >
            {t('review.accept')}
            <span className="visually-hidden">: {item.student.full_name}</span>
          </button>
          {item.verification !== 'rejected' && (
            <button
              type="button"
              className="button button--danger"
              disabled={props.busy}
              onClick={() => props.onDecide('reject')}
            >
              {t('review.reject')}
              <span className="visually-hidden">: {item.student.full_name}</span>
            </button>
          )}
        </p>
      </div>
    </article>
  );
}

export default function ReviewQueuePage(props: { sessionId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession(props.sessionId);
  const reviews = useReviews(props.sessionId);
  const review = useReview(props.sessionId);
  const [said, setSaid] = useState('');
  const headings = useRef(new Map<string, HTMLHeadingElement>());
  const title = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null | undefined>(undefined);

  // A check-in the teacher has decided leaves the queue; the face check's own rejections stay
  // (they can be accepted), after those that need review.
  const items = (reviews.data?.items ?? [])
    .filter((i) => i.reviewed_at === null)
    .sort((a, b) => Number(a.verification === 'rejected') - Number(b.verification === 'rejected'));

  // After a decision, once the list is read again: the focus goes to the next card, or the title.
  useEffect(() => {
    if (focusNext.current === undefined || reviews.isFetching) return;
    const next = focusNext.current ? headings.current.get(focusNext.current) : null;
    focusNext.current = undefined;
    (next ?? title.current?.querySelector('h1'))?.focus();
  });

  const decide = (item: ReviewItem, decision: Decision) => {
    const index = items.indexOf(item);
    const next = items[index + 1] ?? items[index - 1];
    review.mutate(
      { checkinId: item.id, decision },
      {
        onSuccess: () => {
          focusNext.current = next?.id ?? null;
          setSaid(t(`review.done.${decision}`, { name: item.student.full_name }));
        },
      },
    );
  };

  const c = session.data?.course;
  return (
    <div className="review">
      <p className="breadcrumb">
        <Link href={`/teacher/sessions/${props.sessionId}`}>{t('review.backToSession')}</Link>
      </p>
      <div ref={title}>
        <PageTitle
          title={c ? t('review.title', { course: c.code }) : t('review.titleShort')}
          appName="ATTN"
        />
      </div>
      <p className="muted">{t('review.intro')}</p>
      <Status className="visually-hidden">{said}</Status>
      {review.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(review.error, i18n, 'review')}
        </p>
      )}
      {reviews.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {reviews.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(reviews.error, i18n, 'review')}
        </p>
      )}
      {reviews.isSuccess && items.length === 0 && <p className="empty">{t('review.empty')}</p>}
      {reviews.data && items.length > 0 && <p>{t('review.count', { count: items.length })}</p>}
      {reviews.data &&
        items.map((item) => (
          <ReviewCard
            key={item.id}
            item={item}
            threshold={reviews.data.thresholds.verified}
            busy={review.isPending}
            onDecide={(decision) => decide(item, decision)}
            headingRef={(el) => {
              if (el) headings.current.set(item.id, el);
              else headings.current.delete(item.id);
            }}
          />
        ))}
    </div>
  );
}
