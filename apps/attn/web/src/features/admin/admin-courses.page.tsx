// /admin/courses: every term (where it came from, whether archived) and the courses, all or one
// term's (?term=<id>, so the view can be bookmarked), a page of 50 at a time. Terms and courses
// are made and changed by the SIS sync or a roster file: the page says so and links there.
import './admin.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import { useId } from 'react';
import { Link } from 'wouter';
import { useSearchParam } from '../courses/components/search-box.tsx';
import { errorText } from '../sessions/components/error-text.ts';
import { type AdminCourse, type AdminTerm, useAdminCourses, useTerms } from './admin.api.ts';
import { BackToAdmin } from './components/back-link.tsx';
import { ScrollBox } from './components/scroll-box.tsx';

function TermsTable(props: { terms: AdminTerm[] }) {
  const { t, date, dateTime } = useI18n();
  return (
    <ScrollBox label={t('admin.courses.termsCaption')}>
      <DataTable
        caption={t('admin.courses.termsCaption')}
        captionHidden
        columns={[
          {
            key: 'title',
            header: t('admin.courses.columns.term'),
            cell: (term) => (
              <Link href={`/admin/courses?term=${term.id}`}>
                {term.title}
                <span className="visually-hidden"> – {t('admin.courses.showCourses')}</span>
              </Link>
            ),
          },
          {
            key: 'dates',
            header: t('admin.courses.columns.dates'),
            cell: (term) => `${date(term.starts_on)} – ${date(term.ends_on)}`,
          },
          {
            key: 'source',
            header: t('admin.courses.columns.source'),
            cell: (term) => t(`admin.courses.source.${term.source}`),
          },
          {
            key: 'archived',
            header: t('admin.courses.columns.archived'),
            cell: (term) => (term.archived_at ? dateTime(term.archived_at) : t('admin.courses.notArchived')),
          },
        ]}
        rows={props.terms}
        rowKey={(term) => term.id}
        empty={t('admin.courses.noTerms')}
      />
    </ScrollBox>
  );
}

function CoursesTable(props: { courses: AdminCourse[]; caption: string; oneTerm: boolean }) {
  const { t, number } = useI18n();
  return (
    <ScrollBox label={props.caption}>
      <DataTable
        caption={props.caption}
        captionHidden
        columns={[
          { key: 'code', header: t('admin.courses.columns.code'), cell: (c) => c.code },
          { key: 'title', header: t('admin.courses.columns.title'), cell: (c) => c.title },
          // One term's courses need not repeat it on every row.
          ...(props.oneTerm
            ? []
            : [
                {
                  key: 'term',
                  header: t('admin.courses.columns.term'),
                  cell: (c: AdminCourse) => c.term.title,
                },
              ]),
          {
            key: 'students',
            header: t('admin.courses.columns.students'),
            cell: (c) => number(c.roster_size),
            numeric: true,
          },
          {
            key: 'teachers',
            header: t('admin.courses.columns.teachers'),
            cell: (c) => number(c.teacher_count),
            numeric: true,
          },
        ]}
        rows={props.courses}
        rowKey={(c) => c.id}
        empty={t('admin.courses.noCourses')}
      />
    </ScrollBox>
  );
}

export default function AdminCoursesPage() {
  const i18n = useI18n();
  const { t, number } = i18n;
  const termSelect = useId();
  const [termId, setTermId] = useSearchParam('term');
  const terms = useTerms();
  const courses = useAdminCourses(termId || undefined);
  const shown = courses.data?.pages.flatMap((p) => p.items) ?? [];
  const term = terms.data?.items.find((x) => x.id === termId);
  const coursesTitle = term ? t('admin.courses.ofTerm', { term: term.title }) : t('admin.courses.all');

  return (
    <>
      <BackToAdmin />
      <PageTitle title={t('admin.courses.title')} appName="ATTN" />
      <p>
        {t('admin.courses.intro')} <Link href="/admin/import">{t('admin.courses.toImport')}</Link>{' '}
        <Link href="/admin/sis">{t('admin.courses.toSis')}</Link>
      </p>

      <section className="admin-section" aria-labelledby="terms-title">
        <h2 id="terms-title">{t('admin.courses.terms')}</h2>
        {terms.isPending && <Status className="muted">{t('common.loading')}</Status>}
        {terms.isError && (
          <p className="notice notice--error" role="alert">
            {errorText(terms.error, i18n, 'admin')}
          </p>
        )}
        {terms.data && <TermsTable terms={terms.data.items} />}
      </section>

      <section className="admin-section" aria-labelledby="courses-title">
        <h2 id="courses-title">{coursesTitle}</h2>
        {terms.data && terms.data.items.length > 0 && (
          <div className="field">
            <label htmlFor={termSelect} className="field__label">
              {t('admin.courses.termFilter')}
            </label>
            <select
              id={termSelect}
              className="input admin-select"
              value={termId}
              onChange={(e) => setTermId(e.target.value)}
            >
              <option value="">{t('admin.courses.allTerms')}</option>
              {terms.data.items.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
          </div>
        )}
        {courses.isPending && <Status className="muted">{t('common.loading')}</Status>}
        {courses.isError && (
          <p className="notice notice--error" role="alert">
            {errorText(courses.error, i18n, 'admin')}
          </p>
        )}
        {courses.data && (
          <>
            <Status className="muted">
              {t('admin.courses.shown', { count: shown.length, n: number(shown.length) })}
            </Status>
            <CoursesTable courses={shown} caption={coursesTitle} oneTerm={Boolean(termId)} />
          </>
        )}
        {courses.hasNextPage && (
          <button
            type="button"
            className="button button--secondary"
            disabled={courses.isFetchingNextPage}
            onClick={() => void courses.fetchNextPage()}
          >
            {courses.isFetchingNextPage ? t('common.loading') : t('admin.courses.more')}
          </button>
        )}
      </section>
    </>
  );
}
