// "Pengguna" (/pengguna, admins): who has an account, with which role and wilayah; create one (the server makes a
// temporary password, shown here once), change role or wilayah, reset a password, deactivate. Below, the audit log.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ROLES, type Role } from '@peta/domain';
import type { AuditEntryDto, User } from '@peta/domain/contract';
import { useWilayah } from '../../api/queries.ts';
import { useLang, useT, type MessageKey } from '../../i18n/i18n.tsx';
import { withTingkat } from '../../shared/wilayah/wilayah-text.ts';
import { roleLabel } from '../../shared/session/can.ts';
import { useSessionUser } from '../../shared/session/session-api.ts';
import { ErrorMessage, Loaded } from '../../shared/status/StatusMessage.tsx';
import { ScopeInput } from './ScopeInput.tsx';
import { checkCreate, checkUpdate, formatWib, scopeInputOf, type FormProblems, type UserForm } from './user-model.ts';
import {
  AUDIT_LIMIT,
  useAudit,
  useCreateUser,
  usePuskesmasName,
  useResetPassword,
  useUpdateUser,
  useUsers,
  type UserWithPassword,
} from './users-api.ts';
import './users.css';

interface OneTime {
  username: string;
  password: string;
  kind: 'created' | 'reset';
}

export default function UsersPage() {
  const t = useT();
  const [oneTime, setOneTime] = useState<OneTime | null>(null);
  const show = (answer: UserWithPassword, kind: OneTime['kind']) => {
    if (answer.password) setOneTime({ username: answer.user.username, password: answer.password, kind });
  };
  return (
    <main className="page users" data-testid="page-pengguna">
      <header className="users__head">
        <h2>{t('users.title')}</h2>
        <p className="users-hint">{t('users.lead')}</p>
      </header>
      {oneTime && <OneTimePassword value={oneTime} onClose={() => setOneTime(null)} />}
      <CreateUser onCreated={(answer) => show(answer, 'created')} />
      <UserTable onReset={(answer) => show(answer, 'reset')} />
      <AuditLog />
    </main>
  );
}

/** The temporary password, once: nobody can read it again, not even the admin (the server keeps only a hash). */
function OneTimePassword({ value, onClose }: { value: OneTime; onClose: () => void }) {
  const t = useT();
  const box = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    box.current?.focus();
    box.current?.scrollIntoView({ block: 'nearest' });
    setCopied(false);
  }, [value]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value.password);
      setCopied(true);
    } catch {
      // No clipboard (http, old browser): select the text so the admin copies it by hand.
      const range = document.createRange();
      const code = box.current?.querySelector('code');
      if (code) {
        range.selectNodeContents(code);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
    }
  };
  return (
    <section
      ref={box}
      tabIndex={-1}
      className="card users-card users-onetime"
      role="status"
      aria-labelledby="users-onetime-title"
      data-testid="one-time-password"
      data-username={value.username}
    >
      <h3 id="users-onetime-title">
        {t(value.kind === 'created' ? 'users.onetime.created' : 'users.onetime.reset', { username: value.username })}
      </h3>
      <p className="users-onetime__row">
        <span>{t('users.onetime.label')}</span>
        <code className="users-onetime__password" data-testid="one-time-password-value">
          {value.password}
        </code>
        <button type="button" className="button" onClick={() => void copy()} data-testid="one-time-password-copy">
          {copied ? t('users.onetime.copied') : t('users.onetime.copy')}
        </button>
      </p>
      <p className="users-hint">{t('users.onetime.note')}</p>
      <button type="button" className="button button--ghost" onClick={onClose} data-testid="one-time-password-close">
        {t('users.onetime.close')}
      </button>
    </section>
  );
}

function RoleSelect({
  id,
  value,
  onChange,
  testId,
}: {
  id: string;
  value: Role;
  onChange: (role: Role) => void;
  testId: string;
}) {
  const t = useT();
  const [lang] = useLang();
  return (
    <div className="users-field">
      <label htmlFor={id} className="users-label">
        {t('users.field.role')}
      </label>
      <select
        id={id}
        className="users-input"
        value={value}
        onChange={(e) => onChange(e.target.value as Role)}
        data-testid={testId}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

const EMPTY: UserForm = { username: '', nama: '', role: 'puskesmas', scope: '' };

function CreateUser({ onCreated }: { onCreated: (answer: UserWithPassword) => void }) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const create = useCreateUser();
  const [form, setForm] = useState<UserForm>(EMPTY);
  const [problems, setProblems] = useState<FormProblems>({});
  const set =
    <K extends keyof UserForm>(key: K) =>
    (value: UserForm[K]) => {
      setForm((f) => ({ ...f, [key]: value }));
      setProblems((p) => ({ ...p, [key]: undefined }));
    };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkCreate(form);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    create.mutate(checked.body, {
      onSuccess: (answer) => {
        setForm(EMPTY);
        onCreated(answer);
      },
    });
  };
  const text = (p?: string) => (p && lang === 'en' ? `${t('users.problemEn')} ${p}` : p);
  return (
    <section className="card users-card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('users.create.title')}</h3>
      <p className="users-hint">{t('users.create.lead')}</p>
      <form className="users-form" onSubmit={submit} noValidate data-testid="user-create-form">
        <div className="users-field">
          <label htmlFor={`${id}-u`} className="users-label">
            {t('users.field.username')}
          </label>
          <input
            id={`${id}-u`}
            className="users-input"
            value={form.username}
            onChange={(e) => set('username')(e.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="pkm.bilahhulu"
            aria-invalid={problems.username ? true : undefined}
            data-testid="user-username"
          />
          <p className="users-hint">{t('users.field.usernameHelp')}</p>
          {problems.username && (
            <p className="users-problem" role="alert">
              {text(problems.username)}
            </p>
          )}
        </div>
        <div className="users-field">
          <label htmlFor={`${id}-n`} className="users-label">
            {t('users.field.nama')}
          </label>
          <input
            id={`${id}-n`}
            className="users-input"
            value={form.nama}
            onChange={(e) => set('nama')(e.target.value)}
            autoComplete="off"
            placeholder={t('users.field.namaPlaceholder')}
            aria-invalid={problems.nama ? true : undefined}
            data-testid="user-nama"
          />
          {problems.nama && (
            <p className="users-problem" role="alert">
              {text(problems.nama)}
            </p>
          )}
        </div>
        <RoleSelect
          id={`${id}-r`}
          value={form.role}
          onChange={(r) => {
            set('role')(r);
            setProblems((p) => ({ ...p, scope: undefined }));
          }}
          testId="user-role"
        />
        <ScopeInput
          id={`${id}-s`}
          role={form.role}
          value={form.scope}
          onChange={set('scope')}
          problem={text(problems.scope)}
          testId="user-scope"
        />
        {create.isError && <ErrorMessage error={create.error} testId="user-create-error" />}
        <div className="users-buttons">
          <button type="submit" className="button" disabled={create.isPending} data-testid="user-create">
            {create.isPending ? t('users.create.busy') : t('users.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * A table of this page: its column heads (i18n keys, in order), scrolling sideways in its wrap; on a phone each row is
 * a card whose cells name their column (data-label, users.css). `actionsHead` heads a last column of row buttons: a
 * screen reader speaks it, the eye sees the buttons.
 */
function HeadedTable({
  columns,
  actionsHead,
  className,
  testId,
  children,
}: {
  columns: readonly MessageKey[];
  actionsHead?: MessageKey;
  className?: string;
  testId: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="users-table-wrap">
      <table className={className ? `users-table ${className}` : 'users-table'} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((key) => (
              <th key={key} scope="col">
                {t(key)}
              </th>
            ))}
            {actionsHead && (
              <th scope="col">
                <span className="sr-only">{t(actionsHead)}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

const USER_COLUMNS = [
  'users.col.username',
  'users.col.nama',
  'users.col.role',
  'users.col.scope',
  'users.col.status',
] as const satisfies readonly MessageKey[];

type RowAction = { id: number; what: 'edit' | 'reset' | 'aktif' } | null;

function UserTable({ onReset }: { onReset: (answer: UserWithPassword) => void }) {
  const t = useT();
  const id = useId();
  const users = useUsers();
  const me = useSessionUser();
  const [action, setAction] = useState<RowAction>(null);
  const reset = useResetPassword();
  const update = useUpdateUser();
  const [failed, setFailed] = useState<{ id: number; error: unknown } | null>(null);
  const open = (next: RowAction) => {
    setAction(next);
    setFailed(null);
  };
  const fail = (userId: number) => (error: unknown) => setFailed({ id: userId, error });
  const rows = [...(users.data ?? [])].sort(
    (a, b) => Number(b.aktif) - Number(a.aktif) || a.username.localeCompare(b.username),
  );
  return (
    <section className="card users-card" aria-labelledby={`${id}-h`}>
      <div className="users-card__head">
        <h3 id={`${id}-h`}>{t('users.list.title', { n: users.data?.length ?? 0 })}</h3>
      </div>
      <Loaded query={users}>
        {() => (
          <HeadedTable columns={USER_COLUMNS} actionsHead="users.col.action" testId="user-table">
            {rows.map((u) => {
              const mine = action?.id === u.id ? action.what : null;
              const self = me?.username === u.username;
              return [
                <UserRow
                  key={u.id}
                  user={u}
                  self={self}
                  busy={reset.isPending || update.isPending}
                  current={mine}
                  onAsk={(what) => open(mine === what ? null : { id: u.id, what })}
                  onReset={() =>
                    reset.mutate(u.id, {
                      onSuccess: (answer) => {
                        setAction(null);
                        onReset(answer);
                      },
                      onError: fail(u.id),
                    })
                  }
                  onAktif={() =>
                    update.mutate(
                      { id: u.id, aktif: !u.aktif },
                      { onSuccess: () => setAction(null), onError: fail(u.id) },
                    )
                  }
                  error={failed?.id === u.id ? failed.error : null}
                />,
                mine === 'edit' && (
                  <tr key={`${u.id}-edit`} className="users-edit-row">
                    <td colSpan={USER_COLUMNS.length + 1}>
                      <EditUser user={u} onDone={() => setAction(null)} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </HeadedTable>
        )}
      </Loaded>
    </section>
  );
}

function UserRow({
  user,
  self,
  busy,
  current,
  onAsk,
  onReset,
  onAktif,
  error,
}: {
  user: User;
  self: boolean;
  busy: boolean;
  current: 'edit' | 'reset' | 'aktif' | null;
  onAsk: (what: 'edit' | 'reset' | 'aktif') => void;
  onReset: () => void;
  onAktif: () => void;
  error: unknown;
}) {
  const t = useT();
  const [lang] = useLang();
  return (
    <tr data-testid="user-row" data-username={user.username} className={user.aktif ? undefined : 'is-inactive'}>
      <td data-label={t('users.col.username')}>
        <code>{user.username}</code>
      </td>
      <td data-label={t('users.col.nama')}>{user.nama}</td>
      <td data-label={t('users.col.role')} data-testid="user-row-role">
        {roleLabel(user.role, lang)}
      </td>
      <td data-label={t('users.col.scope')} data-testid="user-row-scope">
        <ScopeName user={user} />
      </td>
      <td data-label={t('users.col.status')}>
        <span className={`users-status users-status--${user.aktif ? 'on' : 'off'}`} data-testid="user-row-aktif">
          {user.aktif ? t('users.status.active') : t('users.status.inactive')}
        </span>
        {user.demo && <span className="tag tag--sim">{t('users.status.demo')}</span>}
        {user.mustChangePassword && <span className="tag">{t('users.status.mustChange')}</span>}
      </td>
      <td className="users-actions">
        <div className="users-buttons">
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={current === 'edit'}
            onClick={() => onAsk('edit')}
            data-testid="user-edit"
          >
            {t('users.action.edit')}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={current === 'reset'}
            onClick={() => onAsk('reset')}
            data-testid="user-reset"
          >
            {t('users.action.reset')}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={current === 'aktif'}
            onClick={() => onAsk('aktif')}
            disabled={self && user.aktif}
            title={self && user.aktif ? t('users.action.notSelf') : undefined}
            data-testid="user-aktif"
          >
            {user.aktif ? t('users.action.deactivate') : t('users.action.activate')}
          </button>
        </div>
        {(current === 'reset' || current === 'aktif') && (
          <div
            className="users-confirm"
            role="group"
            aria-label={t('users.confirm.label', { username: user.username })}
            data-testid="user-confirm"
          >
            <p>
              {current === 'reset'
                ? t('users.confirm.reset', { username: user.username })
                : user.aktif
                  ? t('users.confirm.deactivate', { username: user.username })
                  : t('users.confirm.activate', { username: user.username })}
            </p>
            <div className="users-buttons">
              <button
                type="button"
                className="button button--danger button--small"
                disabled={busy}
                // biome-ignore lint/a11y/noAutofocus: the question appears because the user asked for it; focus follows to its answer.
                autoFocus
                onClick={current === 'reset' ? onReset : onAktif}
                data-testid="user-confirm-yes"
              >
                {t('users.confirm.yes')}
              </button>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => onAsk(current)}
                disabled={busy}
                data-testid="user-confirm-no"
              >
                {t('users.confirm.no')}
              </button>
            </div>
          </div>
        )}
        {error !== null && <ErrorMessage error={error} testId="user-row-error" />}
      </td>
    </tr>
  );
}

/** "Kecamatan Bilah Hulu (12.10.09)", "Puskesmas Perbaungan (1010453)", "seluruh Indonesia". */
function ScopeName({ user }: { user: User }) {
  const t = useT();
  const kode = user.scopeKode ?? '';
  const wilayah = useWilayah(!user.scopePuskesmas && kode ? kode : null);
  const puskesmas = usePuskesmasName(user.scopePuskesmas ?? '');
  if (user.scopePuskesmas) {
    return (
      <>
        {puskesmas.data ? `${puskesmas.data.nama} ` : `${t('users.scope.puskesmas')} `}
        <span className="muted">({user.scopePuskesmas})</span>
      </>
    );
  }
  if (!kode) return <>{t('users.scope.indonesia')}</>;
  const w = wilayah.data;
  return (
    <>
      {w ? `${withTingkat(w.kode, w.tingkat, w.nama, t)} ` : ''}
      <span className="muted">({kode})</span>
    </>
  );
}

function EditUser({ user, onDone }: { user: User; onDone: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const update = useUpdateUser();
  const [form, setForm] = useState({ nama: user.nama, role: user.role, scope: scopeInputOf(user) });
  const [problems, setProblems] = useState<FormProblems>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkUpdate(user, form);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    if (!Object.keys(checked.body).length) {
      onDone();
      return;
    }
    update.mutate({ id: user.id, ...checked.body }, { onSuccess: onDone });
  };
  const text = (p?: string) => (p && lang === 'en' ? `${t('users.problemEn')} ${p}` : p);
  return (
    <form className="users-form users-form--edit" onSubmit={submit} noValidate data-testid="user-edit-form">
      <p className="users-hint">{t('users.edit.lead', { username: user.username })}</p>
      <div className="users-field">
        <label htmlFor={`${id}-n`} className="users-label">
          {t('users.field.nama')}
        </label>
        <input
          id={`${id}-n`}
          className="users-input"
          value={form.nama}
          onChange={(e) => setForm({ ...form, nama: e.target.value })}
        />
        {problems.nama && (
          <p className="users-problem" role="alert">
            {text(problems.nama)}
          </p>
        )}
      </div>
      <RoleSelect
        id={`${id}-r`}
        value={form.role}
        onChange={(role) => {
          setForm({ ...form, role });
          setProblems({});
        }}
        testId="user-edit-role"
      />
      <ScopeInput
        id={`${id}-s`}
        role={form.role}
        value={form.scope}
        onChange={(scope) => {
          setForm({ ...form, scope });
          setProblems({});
        }}
        problem={text(problems.scope)}
        testId="user-edit-scope"
      />
      {update.isError && <ErrorMessage error={update.error} testId="user-edit-error" />}
      <div className="users-buttons">
        <button type="submit" className="button" disabled={update.isPending} data-testid="user-edit-save">
          {t('users.edit.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('users.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

const AUDIT_COLUMNS = [
  'users.audit.col.when',
  'users.audit.col.who',
  'users.audit.col.action',
  'users.audit.col.request',
  'users.audit.col.status',
] as const satisfies readonly MessageKey[];

const ACTION_KEY: Record<string, MessageKey> = {
  masuk: 'users.audit.action.masuk',
  masuk_gagal: 'users.audit.action.masuk_gagal',
  keluar: 'users.audit.action.keluar',
  tulis: 'users.audit.action.tulis',
  pengguna: 'users.audit.action.pengguna',
  sandi: 'users.audit.action.sandi',
  retensi: 'users.audit.action.retensi',
};

function AuditLog() {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const users = useUsers();
  const [username, setUsername] = useState('');
  const audit = useAudit(username);
  return (
    <section className="card users-card" aria-labelledby={`${id}-h`} data-testid="audit-log">
      <div className="users-card__head">
        <h3 id={`${id}-h`}>{t('users.audit.title')}</h3>
        <label className="users-label users-label--inline">
          {t('users.audit.filter')}
          <select
            className="users-input"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="audit-filter"
          >
            <option value="">{t('users.audit.everyone')}</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.username}>
                {u.username}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => void audit.refetch()}
          disabled={audit.isFetching}
        >
          {t('users.audit.refresh')}
        </button>
      </div>
      <p className="users-hint">{t('users.audit.lead', { n: AUDIT_LIMIT })}</p>
      <Loaded query={audit}>
        {(entries) =>
          entries.length === 0 ? (
            <p className="users-hint">{t('users.audit.empty')}</p>
          ) : (
            <HeadedTable columns={AUDIT_COLUMNS} className="users-audit" testId="audit-table">
              {entries.map((e) => (
                <AuditRow key={e.id} entry={e} lang={lang} t={t} />
              ))}
            </HeadedTable>
          )
        }
      </Loaded>
    </section>
  );
}

function AuditRow({ entry, lang, t }: { entry: AuditEntryDto; lang: 'id' | 'en'; t: ReturnType<typeof useT> }) {
  const refused = entry.status !== null && entry.status >= 400;
  return (
    <tr data-testid="audit-row" data-action={entry.action} className={refused ? 'is-refused' : undefined}>
      <td data-label={t('users.audit.col.when')} className="users-nowrap">
        {formatWib(entry.at, lang)}
      </td>
      <td data-label={t('users.audit.col.who')}>
        {entry.username ? <code>{entry.username}</code> : <span className="muted">—</span>}
      </td>
      <td data-label={t('users.audit.col.action')}>
        {ACTION_KEY[entry.action] ? t(ACTION_KEY[entry.action]!) : entry.action}
      </td>
      <td data-label={t('users.audit.col.request')} className="users-path">
        {entry.method ? (
          <code>
            {entry.method} {entry.path}
          </code>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td data-label={t('users.audit.col.status')}>{entry.status ?? '—'}</td>
    </tr>
  );
}
