// Placeholder until the screen is built.
import { PageTitle } from '@campus/web/layout/app-shell.tsx';

export default function TeacherCoursesPage(_props: Record<string, unknown>) {
  return <PageTitle title="teacher-courses" appName="ATTN" />;
}
