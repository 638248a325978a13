// When and where an event is (in the organisation's time zone), and how many places are left.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useOrgTime } from '../../site/time.ts';
import type { PublicEvent } from '../events.api.ts';

export function EventFacts(props: { event: PublicEvent }) {
  const { t } = useI18n();
  const time = useOrgTime();
  const e = props.event;
  return (
    <dl className="facts">
      <div>
        <dt>{t('events.when')}</dt>
        <dd>
          {time.day(e.starts_at)}, {time.clock(e.starts_at)}
          {e.ends_at ? `–${time.clock(e.ends_at)}` : ''}
          <br />
          <span className="muted">{time.zoneText}</span>
        </dd>
      </div>
      {e.location && (
        <div>
          <dt>{t('events.where')}</dt>
          <dd>{e.location}</dd>
        </div>
      )}
      <div>
        <dt>{t('events.places')}</dt>
        <dd>
          <Places event={e} />
        </dd>
      </div>
    </dl>
  );
}

export function Places(props: { event: PublicEvent }) {
  const { t } = useI18n();
  const e = props.event;
  if (e.places_left > 0) return <>{t('events.placesLeft', { count: e.places_left })}</>;
  return (
    <span className="badge badge--warning">
      {e.waiting > 0 ? t('events.fullWaiting', { count: e.waiting }) : t('events.full')}
    </span>
  );
}
