// /teacher/courses/:courseId/students/:studentId — one student of the course, session by
// session, with their counts and distance to the absence limit; an absence can be excused here
// (a category and a note for the course's teachers) and an excuse removed.
import './reports.css';
import '../courses/courses.css';
import { SelectField, TextAreaField } from '@campus/web/forms/fields.tsx';
import { RadioGroupField } from '@campus/web/forms/radios.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useTeacherCourse } from '../courses/courses.api.ts';
import { errorText } from '../sessions/components/error-text.ts';
import { AttendanceStatus } from './components/course-attendance.tsx';
import { LimitBadge } from './components/limit-badge.tsx';
import {
  type NewExcuse,
  type TeacherStudentReport,
  useRecordExcuse,
  useRemoveExcuse,
  useTeacherStudentReport,
} from './teacher-reports.api.ts';

type Line = TeacherStudentReport['sessions'][number];
const CATEGORIES = ['medical_report', 'official_duty', 'other'] as const;

function ExcuseForm(props: { courseId: string; studentId: string; absences: Line[]; onDone(): void }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const record = useRecordExcuse(props.courseId);
  const [sessionId, setSessionId] = useState(props.absences[0]?.session_id ?? '');
  const [category, setCategory] = useState<NewExcuse['category']>('medical_report');
  const [note, setNote] = useState('');
  if (props.absences.length === 0) return <p className="empty">{t('report.excuse.none')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = sessionId || props.absences[0]?.session_id;
    if (!chosen) return;
    record.mutate(
      { student_id: props.studentId, session_id: chosen, category, ...(note.trim() ? { note } : {}) },
      {
        onSuccess: () => {
          setNote('');
          props.onDone();
        },
      },
    );
  };
  return (
    <form className="excuse-form" onSubmit={submit}>
      <SelectField
        id="excuse-session"
        label={t('report.excuse.session')}
        value={sessionId}
        onChange={(e) => setSessionId(e.target.value)}
      >
        {props.absences.map((s) => (
          <option key={s.session_id} value={s.session_id}>
            {date(s.opened_at, { weekday: 'short', day: 'numeric', month: 'short' })}
            {s.title ? ` · ${s.title}` : ''}
          </option>
        ))}
      </SelectField>
      <RadioGroupField
        id="excuse-category"
        name="excuse-category"
        legend={t('report.excuse.category')}
        choices={CATEGORIES.map((c) => ({ value: c, label: t(`report.excuse.categories.${c}`) }))}
        defaultValue={category}
        onChange={(c) => setCategory(c as NewExcuse['category'])}
      />
      <TextAreaField
        id="excuse-note"
        label={t('report.excuse.note')}
        hint={t('report.excuse.noteHint')}
        rows={3}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" disabled={record.isPending}>
        {t('report.excuse.submit')}
      </button>
      {record.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(record.error, i18n, 'report')}
        </p>
      )}
    </form>
  );
}

export default function StudentReportPage(props: { courseId: string; studentId: string }) {
  const i18n = useI18n();
  const { t, date, time, number, percent } = i18n;
  const course = useTeacherCourse(props.courseId);
  const report = useTeacherStudentReport(props.courseId, props.studentId);
  const remove = useRemoveExcuse(props.courseId);
  const [said, setSaid] = useState('');
  const countsRef = useRef<HTMLHeadingElement>(null);
  const c = course.data;
  const student = c?.roster.find((s) => s.id === props.studentId);
  const r = report.data;
  const base = `/teacher/courses/${encodeURIComponent(props.courseId)}`;
  const absences = r?.sessions.filter((s) => s.attendance === 'absent') ?? [];
  const name = student ? `${student.full_name} (${student.school_number})` : '';

  return (
    <div className="student-report">
      <p className="breadcrumb">
        <Link href={`${base}/report`}>
          {c ? t('report.backToReport', { course: c.code }) : t('courses.back')}
        </Link>
      </p>
      <PageTitle
        title={name ? t('report.student.title', { name }) : t('report.student.titleShort')}
        appName="ATTN"
      />
      {c && <p className="muted">{`${c.code} ${c.title}`}</p>}
      {report.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {report.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(report.error, i18n, 'report')}
        </p>
      )}
      <Status className="visually-hidden">{said}</Status>
      {r && (
        <>
          <h2 id="student-counts" ref={countsRef} tabIndex={-1}>
            {t('report.student.counts')}
          </h2>
          <dl className="rate">
            <div>
              <dt>{t('report.columns.limit')}</dt>
              <dd>
                <LimitBadge status={r.limit_status} left={r.absences_left} />
              </dd>
            </div>
            {(['present', 'late', 'excused', 'absent'] as const).map((k) => (
              <div key={k}>
                <dt>{t(`report.counts.${k}`)}</dt>
                <dd data-count={k}>{number(r[k])}</dd>
              </div>
            ))}
            <div>
              <dt>{t('report.columns.rate')}</dt>
              <dd>{r.rate === null ? '—' : percent(r.rate)}</dd>
            </div>
          </dl>
          <DataTable<Line>
            caption={t('report.student.caption')}
            rows={r.sessions}
            rowKey={(s) => s.session_id}
            empty={t('report.noSessions')}
            columns={[
              {
                key: 'date',
                header: t('history.columns.date'),
                cell: (s) => (
                  <>
                    {date(s.opened_at, { weekday: 'short', day: 'numeric', month: 'short' })}
                    {s.title && <span className="cell-note">{s.title}</span>}
                  </>
                ),
              },
              {
                key: 'status',
                header: t('history.columns.status'),
                cell: (s) => (
                  <>
                    <AttendanceStatus
                      attendance={s.attendance}
                      verification={s.verification}
                      source={s.source}
                    />
                    {s.excuse_category && (
                      <span className="cell-note">{t(`report.excuse.categories.${s.excuse_category}`)}</span>
                    )}
                    {s.excuse_note && <span className="cell-note">{s.excuse_note}</span>}
                    {s.reason && <span className="cell-note">{s.reason}</span>}
                  </>
                ),
              },
              {
                key: 'time',
                header: t('history.columns.checkedInAt'),
                cell: (s) => (s.checked_in_at ? time(s.checked_in_at) : '—'),
              },
              {
                key: 'actions',
                header: <span className="visually-hidden">{t('live.columns.actions')}</span>,
                cell: (s) =>
                  s.excuse_id ? (
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      disabled={remove.isPending}
                      onClick={() =>
                        s.excuse_id &&
                        remove.mutate(s.excuse_id, {
                          onSuccess: () => {
                            setSaid(t('report.excuse.removed'));
                            countsRef.current?.focus();
                          },
                        })
                      }
                    >
                      {t('report.excuse.remove')}
                      <span className="visually-hidden">
                        : {date(s.opened_at, { day: 'numeric', month: 'long' })}
                      </span>
                    </button>
                  ) : null,
              },
            ]}
          />
          <section aria-labelledby="excuse-title" className="section">
            <h2 id="excuse-title">{t('report.excuse.title')}</h2>
            <ExcuseForm
              key={absences.map((a) => a.session_id).join()}
              courseId={props.courseId}
              studentId={props.studentId}
              absences={absences}
              onDone={() => {
                setSaid(t('report.excuse.recorded'));
                countsRef.current?.focus();
              }}
            />
          </section>
        </>
      )}
    </div>
  );
}
