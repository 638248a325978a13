// Placeholder until the screen is built.
import { PageTitle } from '@campus/web/layout/app-shell.tsx';

export default function StudentHomePage(_props: Record<string, unknown>) {
  return <PageTitle title="student-home" appName="ATTN" />;
}
