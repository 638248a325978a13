// Placeholder until the screen is built.
import { PageTitle } from '@campus/web/layout/app-shell.tsx';

export default function CoursePage(_props: Record<string, unknown>) {
  return <PageTitle title="course" appName="ATTN" />;
}
