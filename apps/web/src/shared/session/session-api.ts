// The session (GET /api/auth/sesi) through TanStack Query, and the calls that change it: sign in, sign out, change
// one's own password. Every answer is a whole Session: it replaces the cached one and its CSRF token is handed to
// the API client for the next writes.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, Session } from '@peta/domain/contract';
import { getJson, onSessionProblem, sendJson, setCsrfToken } from '../../api/client.ts';

export const sessionKey = ['sesi'] as const;

async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const session = await getJson<Session>('/api/auth/sesi', signal);
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 5 * 60_000 });
}

/** The signed-in user, null when nobody is (also while the session loads). */
export function useSessionUser() {
  return useSession().data?.user ?? null;
}

/**
 * Takes a new session as the current one. Cached answers of the previous user (the admin's user list…) are dropped
 * once nothing shows them any more; what is on screen refetches by itself when it needs to.
 */
function adopt(client: QueryClient, session: Session) {
  setCsrfToken(session.csrfToken);
  client.setQueryData(sessionKey, session);
  setTimeout(() => client.removeQueries({ type: 'inactive', predicate: (q) => q.queryKey[0] !== sessionKey[0] }), 0);
}

/** A 401 from any call (the session expired or was ended by an admin) or a stale CSRF token: ask for the session again. */
export function useSessionProblems() {
  const client = useQueryClient();
  useEffect(
    () =>
      onSessionProblem(() => {
        void client.invalidateQueries({ queryKey: sessionKey });
      }),
    [client],
  );
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => sendJson<Session>('POST', '/api/auth/masuk', body),
    onSuccess: (session) => adopt(client, session),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<Session>('POST', '/api/auth/keluar'),
    onSuccess: (session) => adopt(client, session),
    // Already signed out elsewhere (401): the session query tells what is true now.
    onError: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    // The server ends every other session and starts a new one for this browser: a new CSRF token comes back.
    mutationFn: (body: ChangePasswordBody) => sendJson<Session>('POST', '/api/auth/sandi', body),
    onSuccess: (session) => adopt(client, session),
  });
}
