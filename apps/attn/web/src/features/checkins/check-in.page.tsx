// Placeholder until the screen is built.
import { PageTitle } from '@campus/web/layout/app-shell.tsx';

export default function CheckInPage(_props: Record<string, unknown>) {
  return <PageTitle title="check-in" appName="ATTN" />;
}
