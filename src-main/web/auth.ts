import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

// The web host's one secret: `Authorization: Bearer <token>` for scripts, or an HttpOnly
// cookie for the browser, handed out once when it opens `/?token=<token>`.

export const TOKEN_COOKIE = 'rigledger_token';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares in constant time; hashing first makes the lengths equal too. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined || candidate === '') return false;
  return timingSafeEqual(digest(candidate), digest(token));
}

function bearerToken(c: Context): string | undefined {
  const header = c.req.header('Authorization');
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function isAuthenticated(c: Context, token: string): boolean {
  return tokenMatches(bearerToken(c), token) || tokenMatches(getCookie(c, TOKEN_COOKIE), token);
}

export function setTokenCookie(c: Context, token: string): void {
  setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
}
