// A student's standing against the absence limit, in words (never a colour alone).
import { useI18n } from '@campus/web/i18n/i18n.tsx';

export function LimitBadge(props: { status: 'ok' | 'near' | 'over'; left: number }) {
  const { t } = useI18n();
  const tone = { ok: 'badge--success', near: 'badge--warning', over: 'badge--error' }[props.status];
  return (
    <span className="limit-standing">
      <span className={`badge ${tone}`}>{t(`report.limit.status.${props.status}`)}</span>{' '}
      <span className="cell-note">
        {props.left < 0
          ? t('report.limit.overBy', { count: -props.left })
          : t('report.limit.left', { count: props.left })}
      </span>
    </span>
  );
}
