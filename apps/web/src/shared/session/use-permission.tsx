// The hook every page uses to ask "may the signed-in user change this?", and the short reason shown beside a
// disabled control. One module, so the planner, the meetings and the imports word refusals the same way.
import { useCallback } from 'react';
import type { Capability, Target } from '@peta/domain';
import { useLang, useT, type MessageKey } from '../../i18n/i18n.tsx';
import { permission, roleLabel, type Permission } from './can.ts';
import { useSessionUser } from './session-api.ts';

export function usePermission(): (capability: Capability, target?: Target) => Permission {
  const user = useSessionUser();
  return useCallback((capability: Capability, target?: Target) => permission(user, capability, target), [user]);
}

const CAPABILITY_KEY: Record<Capability, MessageKey> = {
  impor: 'can.cap.impor',
  rencana: 'can.cap.rencana',
  kesiapan: 'can.cap.kesiapan',
  rapat: 'can.cap.rapat',
  pengguna: 'can.cap.pengguna',
};

/** The reason in the user's language: the domain's own sentence in Bahasa Indonesia (the same the server sends). */
export function usePermissionText() {
  const t = useT();
  const [lang] = useLang();
  const user = useSessionUser();
  return useCallback(
    (p: Permission, capability: Capability): string => {
      if (p.ok) return '';
      if (lang === 'id') return p.message;
      if (p.reason === 'signed-out' || !user) return t('can.signedOut');
      const what = t(CAPABILITY_KEY[capability]);
      return p.reason === 'role'
        ? t('can.role', { role: roleLabel(user.role, lang), what })
        : t('can.scope', { what, scope: user.scopeLabel });
    },
    [lang, t, user],
  );
}

/** A short note where a form would be, or beside a disabled button. Nothing when allowed. */
export function NotAllowed({
  permission: p,
  capability,
  testId = 'not-allowed',
}: {
  permission: Permission;
  capability: Capability;
  testId?: string;
}) {
  const text = usePermissionText();
  if (p.ok) return null;
  return (
    <p className="not-allowed" data-testid={testId} data-reason={p.reason}>
      {text(p, capability)}
    </p>
  );
}
