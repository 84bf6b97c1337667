// The one field for a user's wilayah: a kode wilayah Kemendagri for wilayah roles, a puskesmas kode for a puskesmas
// account (with a finder: kabupaten → its puskesmas), nothing for the admin. The name of what was typed is shown
// back, so a typo is seen before saving.
import { useState } from 'react';
import { isKode, ROLE_INFO, tingkatOf, type Role } from '@peta/domain';
import { useWilayah } from '../../api/queries.ts';
import { useT, type MessageKey } from '../../i18n/i18n.tsx';
import { withTingkat } from '../../shared/wilayah/wilayah-text.ts';
import { scopeFieldOf } from './user-model.ts';
import { usePuskesmasName, usePuskesmasOf } from './users-api.ts';

const HELP: Record<string, MessageKey> = {
  provinsi: 'users.scope.help.provinsi',
  kabupaten: 'users.scope.help.kabupaten',
  kecamatan: 'users.scope.help.kecamatan',
  desa: 'users.scope.help.desa',
  bebas: 'users.scope.help.viewer',
  puskesmas: 'users.scope.help.puskesmas',
  indonesia: 'users.scope.help.admin',
};

export function ScopeInput({
  id,
  role,
  value,
  onChange,
  problem,
  testId,
}: {
  id: string;
  role: Role;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  testId: string;
}) {
  const t = useT();
  const field = scopeFieldOf(role);
  const help = (
    <p id={`${id}-help`} className="users-hint">
      {t(HELP[ROLE_INFO[role].scopeLevel]!)}
    </p>
  );
  if (field === 'none')
    return (
      <div className="users-field">
        <span className="users-label">{t('users.field.scope')}</span>
        {help}
      </div>
    );
  const label = field === 'puskesmas' ? t('users.field.puskesmas') : t('users.field.kode');
  return (
    <div className="users-field">
      <label htmlFor={id} className="users-label">
        {label}
      </label>
      <input
        id={id}
        className="users-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputMode={field === 'puskesmas' ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-help ${id}-echo${problem ? ` ${id}-problem` : ''}`}
        aria-invalid={problem ? true : undefined}
        data-testid={testId}
      />
      {help}
      {field === 'puskesmas' ? (
        <PuskesmasEcho id={`${id}-echo`} kode={value.trim()} />
      ) : (
        <WilayahEcho id={`${id}-echo`} kode={value.trim()} />
      )}
      {field === 'puskesmas' && <PuskesmasFinder onPick={onChange} />}
      {problem && (
        <p id={`${id}-problem`} className="users-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function WilayahEcho({ id, kode }: { id: string; kode: string }) {
  const t = useT();
  const valid = isKode(kode);
  const wilayah = useWilayah(valid ? kode : null);
  // Only a well-formed kode is looked up; a malformed one is explained by scopeProblem when saving.
  const text = !valid
    ? ''
    : wilayah.data
      ? `✓ ${withTingkat(wilayah.data.kode, wilayah.data.tingkat, wilayah.data.nama, t)}`
      : wilayah.isError
        ? `✗ ${t('users.scope.unknown', { kode })}`
        : '';
  return (
    <p id={id} className="users-echo" aria-live="polite" data-testid="scope-echo">
      {text}
    </p>
  );
}

function PuskesmasEcho({ id, kode }: { id: string; kode: string }) {
  const t = useT();
  const found = usePuskesmasName(kode);
  const text = !kode
    ? ''
    : found.data
      ? `✓ ${found.data.nama}`
      : found.isError
        ? `✗ ${t('users.scope.unknownPuskesmas', { kode })}`
        : '';
  return (
    <p id={id} className="users-echo" aria-live="polite" data-testid="scope-echo">
      {text}
    </p>
  );
}

/** Type a kabupaten kode, pick a puskesmas by name: its kode fills the field. */
function PuskesmasFinder({ onPick }: { onPick: (kode: string) => void }) {
  const t = useT();
  const [kabupaten, setKabupaten] = useState('');
  const kab = kabupaten.trim();
  const valid = isKode(kab) && tingkatOf(kab) === 'kabupaten';
  const list = usePuskesmasOf(valid ? kab : '');
  const names = [...(list.data?.puskesmas ?? [])].sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  return (
    <details className="users-finder">
      <summary>{t('users.finder.title')}</summary>
      <label className="users-label">
        {t('users.finder.kabupaten')}
        <input
          className="users-input"
          value={kabupaten}
          onChange={(e) => setKabupaten(e.target.value)}
          inputMode="decimal"
          placeholder="12.10"
          data-testid="finder-kabupaten"
        />
      </label>
      {valid && list.isError && <p className="users-problem">{t('users.scope.unknown', { kode: kab })}</p>}
      {names.length > 0 && (
        <label className="users-label">
          {t('users.finder.puskesmas', { n: names.length })}
          <select
            className="users-input"
            defaultValue=""
            onChange={(e) => e.target.value && onPick(e.target.value)}
            data-testid="finder-puskesmas"
          >
            <option value="">{t('users.finder.choose')}</option>
            {names.map((p) => (
              <option key={p.kode} value={p.kode}>
                {p.nama} ({p.kode})
              </option>
            ))}
          </select>
        </label>
      )}
    </details>
  );
}
