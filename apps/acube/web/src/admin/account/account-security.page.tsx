// /admin/account (every admin): their own two-factor. Off: set it up (QR code and key, a first
// code turns it on, the recovery codes shown once). On: how many recovery codes are left, and
// turning it off with a current code or the password (refused while it is required). A
// superadmin also finds here the switch that requires two-factor of every admin. The page
// itself is shared with ATTN (@campus/web/two-factor); A-Cube passes its bearer client.
import { TwoFactorAccountPage } from '@campus/web/two-factor/account-two-factor.tsx';
import { requestErrorText } from '../../features/shell/form-errors.ts';
import { adminApi, useAdmin } from '../admin-api.ts';
import { ADMIN_APP_NAME, Loading } from '../admin-shell.tsx';
import { twoFactorErrorWords } from './two-factor-words.ts';

const statusKey = ['admin', 'two-factor'];

export default function AccountSecurityPage() {
  const { role } = useAdmin();
  return (
    <TwoFactorAccountPage
      request={adminApi}
      base="/api/admin/two-factor"
      queryKey={statusKey}
      appName={ADMIN_APP_NAME}
      canRequire={role === 'superadmin'}
      loading={<Loading />}
      errorText={requestErrorText}
      errorWords={twoFactorErrorWords}
    />
  );
}
