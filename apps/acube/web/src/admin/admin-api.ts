// How the admin panel talks to the API. The access token lives in this module's memory only
// (never in localStorage, sessionStorage or a readable cookie); the refresh token is the httpOnly
// cookie the API sets on /api/admin/auth, so a reload asks for a new access token with it, and a
// request answered 401 does the same once and tries again. Concurrent calls share one refresh
// (the refresh token rotates: two refreshes with the same cookie would end the login). When the
// refresh is refused the admin is logged out here, and the panel's guard shows the login page.
import {
  ApiError,
  api,
  NETWORK_ERROR,
  type RequestOptions,
  send,
  toApiError,
} from '@campus/web/api/client.ts';
import { useEffect, useSyncExternalStore } from 'react';
import type {
  AdminView,
  EnrolledLogin,
  LoginAnswer,
  TokenResponse,
} from '../../../api/src/modules/admins/index.ts';

export type { AdminView };
export type AdminRole = AdminView['role'];

/** Where the login stands: not yet known (the page load's refresh is on its way), in or out. */
export type Session =
  | { state: 'unknown' }
  | { state: 'out'; loggedOut?: boolean }
  | { state: 'in'; admin: AdminView; token: string };

let session: Session = { state: 'unknown' };
const listeners = new Set<() => void>();

function setSession(next: Session) {
  session = next;
  for (const listener of listeners) listener();
}

function signedIn(answer: TokenResponse) {
  setSession({ state: 'in', admin: answer.admin, token: answer.access_token });
}

let refreshing: Promise<boolean> | null = null;

/**
 * A new access token through the refresh cookie; true when the admin is (still) logged in.
 * Every caller waiting at the same time shares the one request.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      signedIn(await api<TokenResponse>('/api/admin/auth/refresh', { method: 'POST' }));
      return true;
    } catch (err) {
      // No connection: the login is not known to be over; the page says so and a retry may work.
      if (err instanceof ApiError && err.code === NETWORK_ERROR && session.state === 'in') throw err;
      setSession({ state: 'out' });
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** What the password step asks next, when two-factor is on ('code') or required ('enrol'). */
export interface SecondStep {
  step: 'code' | 'enrol';
  pendingToken: string;
}

/**
 * Logs in with email and password; the API sets the refresh cookie. With two-factor, answers
 * the second step to take instead (logInWithCode, or beginLoginEnrolment then its confirm).
 */
export async function logIn(email: string, password: string): Promise<AdminView | SecondStep> {
  const answer = await api<LoginAnswer>('/api/admin/auth/login', {
    method: 'POST',
    body: { email, password },
  });
  if ('second_factor' in answer) return { step: answer.second_factor, pendingToken: answer.pending_token };
  signedIn(answer);
  return answer.admin;
}

/** The second step: a code from the authenticator app, or a recovery code. */
export async function logInWithCode(pendingToken: string, code: string): Promise<AdminView> {
  const answer = await api<TokenResponse>('/api/admin/auth/login/code', {
    method: 'POST',
    body: { pending_token: pendingToken, code },
  });
  signedIn(answer);
  return answer.admin;
}

/** A new two-factor secret (text, otpauth URL and QR code) for an admin who must enrol to log in. */
export function beginLoginEnrolment(pendingToken: string): Promise<TwoFactorEnrolment> {
  return api<TwoFactorEnrolment>('/api/admin/auth/login/enrol', {
    method: 'POST',
    body: { pending_token: pendingToken },
  });
}

/**
 * Turns two-factor on with a first code and logs in; answers the recovery codes, which the page
 * shows once. The session starts when the admin has seen them (`finish`).
 */
export async function confirmLoginEnrolment(
  pendingToken: string,
  code: string,
): Promise<{ recoveryCodes: string[]; finish: () => void }> {
  const answer = await api<EnrolledLogin>('/api/admin/auth/login/enrol/confirm', {
    method: 'POST',
    body: { pending_token: pendingToken, code },
  });
  return { recoveryCodes: answer.recovery_codes, finish: () => signedIn(answer) };
}

export interface TwoFactorEnrolment {
  secret: string;
  otpauth_url: string;
  qr_svg: string;
}

/** Ends this login on the server (its refresh tokens stop working) and forgets the token. */
export async function logOut(): Promise<void> {
  try {
    await adminApi<void>('/api/admin/auth/logout', { method: 'POST' });
  } finally {
    setSession({ state: 'out', loggedOut: true });
  }
}

async function withToken(send: (token: string) => Promise<Response>): Promise<Response> {
  if (session.state === 'unknown') await refreshSession();
  const token = session.state === 'in' ? session.token : null;
  if (token === null) throw new ApiError(401, 'UNAUTHENTICATED', 'Not logged in');
  const res = await send(token);
  if (res.status !== 401) return res;
  // Another call may have refreshed meanwhile; else this one refreshes (shared with the others).
  const current = session.state === 'in' ? session.token : null;
  const fresh = current !== null && current !== token ? true : await refreshSession();
  if (!fresh || session.state !== 'in') throw await toApiError(res);
  return send(session.token);
}

function fetchWithToken(
  path: string,
  opts: RequestOptions,
  token: string,
  accept: string,
): Promise<Response> {
  return send(path, { ...opts, headers: { ...opts.headers, accept, authorization: `Bearer ${token}` } });
}

/**
 * A request of the panel: JSON in and out with the admin's bearer token, one refresh on a 401,
 * and every failure an ApiError in the API's error shape. A 401 after the refresh means the
 * login is over: the session is out and the panel shows the login page.
 */
export async function adminApi<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await withToken((token) => fetchWithToken(path, opts, token, 'application/json'));
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A file the panel shows rather than saves (a draft event's image): its bytes, with the admin's token. */
export async function adminBlob(path: string, opts: { signal?: AbortSignal } = {}): Promise<Blob> {
  const res = await withToken((token) => fetchWithToken(path, opts, token, '*/*'));
  if (!res.ok) throw await toApiError(res);
  return res.blob();
}

/** The file name of a download: Content-Disposition's, else the path's last part. */
export function fileNameOf(disposition: string | null, path: string): string {
  const star = disposition?.match(/filename\*\s*=\s*UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = disposition?.match(/filename\s*=\s*"?([^";]+)"?/i)?.[1];
  if (plain) return plain.trim();
  return path.split('?')[0]?.split('/').pop() || 'download';
}

/** The page's document, as much of it as a download needs (typed here: the repository's type
 * check, which runs this module's unit test, has no DOM). */
interface DownloadDocument {
  createElement(tag: 'a'): {
    href: string;
    download: string;
    hidden: boolean;
    click(): void;
    remove(): void;
  };
  body: { append(node: unknown): void };
}
const page = () => (globalThis as unknown as { document: DownloadDocument }).document;

/**
 * Fetches a file with the admin's token and hands it to the browser as a download (a mailed
 * link cannot carry the token: the panel's download page does this; a person's data is asked for
 * with a POST, the address in the body). Answers the file's name.
 */
export async function adminDownload(
  path: string,
  opts: Pick<RequestOptions, 'method' | 'body' | 'signal'> = {},
): Promise<string> {
  const res = await withToken((token) => fetchWithToken(path, opts, token, '*/*'));
  if (!res.ok) throw await toApiError(res);
  const name = fileNameOf(res.headers.get('content-disposition'), path);
  const url = URL.createObjectURL(await res.blob());
  try {
    const link = page().createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    page().body.append(link);
    link.click();
    link.remove();
  } finally {
    // (after the click has handed the blob over)
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The login as it stands; the first use after a page load asks the refresh cookie. */
export function useSession(): Session {
  const current = useSyncExternalStore(subscribe, () => session);
  useEffect(() => {
    if (session.state === 'unknown') void refreshSession().catch(() => {});
  }, []);
  return current;
}

/** Who is logged in: the admin and their role (null when nobody is), and whether that is known yet. */
export function useAdmin(): { admin: AdminView | null; role: AdminRole | null; loading: boolean } {
  const current = useSession();
  const admin = current.state === 'in' ? current.admin : null;
  return { admin, role: admin?.role ?? null, loading: current.state === 'unknown' };
}

/** Whether `role` may use what `needed` allows: a superadmin may do all a staff member may. */
export function allows(role: AdminRole | null, needed: AdminRole): boolean {
  if (role === null) return false;
  return needed === 'staff' || role === 'superadmin';
}
