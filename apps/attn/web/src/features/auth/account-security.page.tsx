// /account (teachers and admins): their own two-factor. Off: set it up (QR code and key, a first
// code turns it on, the recovery codes shown once). On: how many recovery codes are left, and
// turning it off with a current code or the password (refused while it is required). An admin
// also finds here the switch that requires two-factor of every teacher and admin. The page
// itself is shared with A-Cube (@campus/web/two-factor); ATTN passes its cookie client.
import { api } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { Status } from '@campus/web/layout/app-shell.tsx';
import { TwoFactorAccountPage } from '@campus/web/two-factor/account-two-factor.tsx';
import { codeErrorText } from '@campus/web/two-factor/two-factor-parts.tsx';
import { useMe } from './auth.api.ts';
import { twoFactorErrorWords } from './two-factor-words.ts';

const statusKey = ['two-factor'];

export default function AccountSecurityPage() {
  const { t } = useI18n();
  const role = useMe().data?.role;
  return (
    <TwoFactorAccountPage
      request={api}
      base="/api/auth/two-factor"
      queryKey={statusKey}
      appName="ATTN"
      canRequire={role === 'admin'}
      loading={<Status>{t('common.loading')}</Status>}
      errorText={(err, tr) => codeErrorText(err, tr, twoFactorErrorWords)}
      errorWords={twoFactorErrorWords}
    />
  );
}
