// Attendance per held session as stacked bars (present, late, excused, absent), drawn in SVG
// for the eye only: its twin, the data table right below, carries the same numbers for
// everyone. Each band has its own colour and a legend in words.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import type { SessionCount } from '../teacher-reports.api.ts';

const BANDS = ['present', 'late', 'excused', 'absent'] as const;
const BAR = 28;
const GAP = 12;
const HEIGHT = 160;

export function AttendanceChart(props: { sessions: SessionCount[]; courseCode: string }) {
  const { t, date, number } = useI18n();
  const { sessions } = props;
  const label = (s: SessionCount) =>
    `${date(s.opened_at, { day: 'numeric', month: 'short' })}${s.title ? ` · ${s.title}` : ''}`;
  const width = Math.max(sessions.length * (BAR + GAP) + GAP, 120);
  return (
    <figure className="attendance-chart">
      <figcaption>
        <h2 id="chart-title">{t('report.chart.title')}</h2>
      </figcaption>
      <ul className="chart-legend">
        {BANDS.map((band) => (
          <li key={band}>
            <span className={`swatch swatch--${band}`} aria-hidden="true" /> {t(`report.counts.${band}`)}
          </li>
        ))}
      </ul>
      <div className="attendance-chart__scroll">
        <svg
          aria-hidden="true"
          focusable="false"
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
        >
          {sessions.map((s, i) => {
            const total = s.present + s.late + s.excused + s.absent || 1;
            let y = HEIGHT;
            return (
              <g key={s.session_id} transform={`translate(${GAP + i * (BAR + GAP)},0)`}>
                {BANDS.map((band) => {
                  const h = (s[band] / total) * HEIGHT;
                  y -= h;
                  return h > 0 ? (
                    <rect key={band} className={`bar bar--${band}`} x={0} y={y} width={BAR} height={h} />
                  ) : null;
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <DataTable
        caption={t('report.chart.caption', { course: props.courseCode })}
        columns={[
          { key: 'session', header: t('report.columns.session'), cell: label },
          ...BANDS.map((band) => ({
            key: band,
            header: t(`report.counts.${band}`),
            numeric: true,
            cell: (s: SessionCount) => number(s[band]),
          })),
        ]}
        rows={sessions}
        rowKey={(s) => s.session_id}
        empty={t('report.noSessions')}
      />
    </figure>
  );
}
