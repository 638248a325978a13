// /admin/admins (superadmins): the admin accounts; add one (they are mailed a link to choose their
// own password), change someone's role, disable an account (their logins end at once, after a
// second yes) or enable it again. Nobody edits their own account (the API refuses it too), so
// the panel cannot lose its last superadmin by a slip.
import { ApiError } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, SelectField, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { type Column, DataTable } from '@campus/web/table/data-table.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type {
  AdminItem,
  CreateAdminBody,
  UpdateAdminBody,
} from '../../../../api/src/modules/admins/index.ts';
import { apiFieldErrors, looksLikeEmail, requestErrorText } from '../../features/shell/form-errors.ts';
import { type AdminRole, adminApi, useAdmin } from '../admin-api.ts';
import { ADMIN_APP_NAME, Loading, Whose } from '../admin-shell.tsx';
import { adminsQueryKey } from '../audit/audit.api.ts';

const ROLES: AdminRole[] = ['staff', 'superadmin'];

export default function AdminsPage() {
  const { t, date } = useI18n();
  const { admin: me } = useAdmin();
  const client = useQueryClient();
  const [said, setSaid] = useState('');
  const [asking, setAsking] = useState<string | null>(null);
  const admins = useQuery({
    queryKey: adminsQueryKey,
    queryFn: ({ signal }) => adminApi<{ items: AdminItem[] }>('/api/admin/admins', { signal }),
  });
  const update = useMutation({
    mutationFn: (input: { admin: AdminItem; changes: UpdateAdminBody }) =>
      adminApi<AdminItem>(`/api/admin/admins/${encodeURIComponent(input.admin.id)}`, {
        method: 'PATCH',
        body: input.changes,
      }),
    onSuccess: (row, input) => {
      setAsking(null);
      client.setQueryData<{ items: AdminItem[] }>(adminsQueryKey, (old) =>
        old ? { items: old.items.map((a) => (a.id === row.id ? row : a)) } : old,
      );
      setSaid(
        input.changes.role
          ? t('admins.roleChanged', { name: row.name, role: t(`roles.${row.role}`) })
          : row.disabled
            ? t('admins.disabledNow', { name: row.name })
            : t('admins.enabledNow', { name: row.name }),
      );
    },
  });

  const state = (a: AdminItem) =>
    a.disabled ? (
      <span className="badge badge--error">{t('admins.state.disabled')}</span>
    ) : a.password_set ? (
      <span className="badge badge--success">{t('admins.state.active')}</span>
    ) : (
      <span className="badge badge--warning">{t('admins.state.invited')}</span>
    );

  const actions = (a: AdminItem) => {
    if (a.id === me?.id) return <span className="muted">{t('admins.you')}</span>;
    const busy = update.isPending && update.variables?.admin.id === a.id;
    const other = a.role === 'staff' ? 'superadmin' : 'staff';
    if (asking === a.id)
      return (
        <ConfirmDisable
          name={a.name}
          busy={busy}
          onYes={() => update.mutate({ admin: a, changes: { disabled: true } })}
          onNo={() => setAsking(null)}
        />
      );
    return (
      <div className="actions actions--tight">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || a.disabled}
          onClick={() => update.mutate({ admin: a, changes: { role: other } })}
        >
          {t('admins.make', { role: t(`roles.${other}`) })}
          <Whose name={a.name} />
        </button>
        {a.disabled ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => update.mutate({ admin: a, changes: { disabled: false } })}
          >
            {t('admins.enable')}
            <Whose name={a.name} />
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => setAsking(a.id)}
          >
            {t('admins.disable')}
            <Whose name={a.name} />
          </button>
        )}
      </div>
    );
  };

  const columns: Column<AdminItem>[] = [
    { key: 'name', header: t('admins.name'), cell: (a) => a.name },
    { key: 'email', header: t('admins.email'), cell: (a) => a.email },
    { key: 'role', header: t('admins.role'), cell: (a) => t(`roles.${a.role}`) },
    { key: 'state', header: t('admins.stateHeader'), cell: state },
    { key: 'created', header: t('admins.created'), cell: (a) => date(a.created_at) },
    { key: 'actions', header: t('admins.actions'), cell: actions },
  ];

  return (
    <>
      <PageTitle title={t('admins.title')} appName={ADMIN_APP_NAME} />
      {said && <Status className="notice notice--success">{said}</Status>}
      {update.isError && (
        <p className="notice notice--error" role="alert">
          {requestErrorText(update.error, t)}
        </p>
      )}
      {admins.isPending ? (
        <Loading />
      ) : admins.isError ? (
        <p className="notice notice--error">{requestErrorText(admins.error, t)}</p>
      ) : (
        <DataTable
          caption={t('admins.caption', { count: admins.data.items.length })}
          columns={columns}
          rows={admins.data.items}
          rowKey={(a) => a.id}
          empty={t('admins.empty')}
        />
      )}
      <AddAdmin onAdded={(row) => setSaid(t('admins.added', { name: row.name, email: row.email }))} />
    </>
  );
}

/** The second yes before an account is disabled; the question takes the focus as it appears. */
function ConfirmDisable(props: { name: string; busy: boolean; onYes(): void; onNo(): void }) {
  const { t } = useI18n();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div className="confirm-inline">
      <p ref={question} tabIndex={-1}>
        {t('admins.disableConfirm', { name: props.name })}
      </p>
      <div className="actions actions--tight">
        <button type="button" className="button button--danger" disabled={props.busy} onClick={props.onYes}>
          {t('admins.disableYes')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onNo}>
          {t('admins.keep')}
        </button>
      </div>
    </div>
  );
}

function AddAdmin(props: { onAdded(row: AdminItem): void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const create = useMutation({
    mutationFn: (body: CreateAdminBody) => adminApi<AdminItem>('/api/admin/admins', { method: 'POST', body }),
    onSuccess: (row) => {
      form.current?.reset();
      client.setQueryData<{ items: AdminItem[] }>(adminsQueryKey, (old) =>
        old ? { items: [...old.items, row] } : old,
      );
      props.onAdded(row);
    },
    onError: (err) =>
      setErrors(
        err instanceof ApiError && err.status === 409
          ? [{ fieldId: 'new-admin-email', message: t('admins.emailTaken') }]
          : apiFieldErrors(
              err,
              {
                email: { id: 'new-admin-email', message: t('admins.emailInvalid') },
                name: { id: 'new-admin-name', message: t('admins.nameMissing') },
              },
              t,
            ),
      ),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    const role = data.get('role') === 'superadmin' ? 'superadmin' : 'staff';
    const found: FieldError[] = [];
    if (!name) found.push({ fieldId: 'new-admin-name', message: t('admins.nameMissing') });
    if (!looksLikeEmail(email)) found.push({ fieldId: 'new-admin-email', message: t('admins.emailInvalid') });
    setErrors(found);
    if (found.length === 0) create.mutate({ name, email, role });
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section aria-labelledby="add-admin-title">
      <h2 id="add-admin-title">{t('admins.addTitle')}</h2>
      <p>{t('admins.addIntro')}</p>
      <form ref={form} className="form" onSubmit={submit} noValidate aria-busy={create.isPending}>
        <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
        <TextField
          id="new-admin-name"
          name="name"
          label={t('admins.name')}
          autoComplete="off"
          maxLength={200}
          error={errorFor('new-admin-name')}
        />
        <TextField
          id="new-admin-email"
          name="email"
          type="email"
          label={t('admins.email')}
          autoComplete="off"
          spellCheck={false}
          maxLength={254}
          error={errorFor('new-admin-email')}
        />
        <SelectField id="new-admin-role" name="role" label={t('admins.role')} defaultValue="staff">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('admins.adding') : t('admins.add')}
        </button>
      </form>
    </section>
  );
}
