/**
 * The admin page of a member. Each part of the userid is encoded: `@` and `.` stay safe,
 * and a linked-corp userid's `/` becomes a path separator the catch-all route joins again.
 */
export function memberPath(userid: string): string {
  return `/admin/members/${userid.split('/').map(encodeURIComponent).join('/')}`;
}

const USERID = /^[A-Za-z0-9_.@-]{1,64}$/;
const LINKED_CORP_ID = /^[A-Za-z0-9]{1,64}$/;

/** The userid from the route's segments, or null when it cannot be a WeCom userid. */
export function useridFromSegments(segments: string[]): string | null {
  let parts: string[];
  try {
    parts = segments.map((s) => decodeURIComponent(s)).flatMap((s) => s.split('/'));
  } catch {
    return null;
  }
  if (parts.length === 1 && USERID.test(parts[0])) return parts[0];
  if (parts.length === 2 && LINKED_CORP_ID.test(parts[0]) && USERID.test(parts[1])) return parts.join('/');
  return null;
}

/** A member's page, remembering the directory view it was opened from (`/admin?…`), so "back" returns to it. */
export function memberHrefFrom(userid: string, directoryHref: string): string {
  const query = directoryHref.split('?')[1];
  return query ? `${memberPath(userid)}?back=${encodeURIComponent(query)}` : memberPath(userid);
}

/** Only the directory view's own keys, with values of their shape, go back into the link: /admin reads them again anyway. */
const VIEW_KEYS: Record<string, RegExp> = { department: /^\d{1,10}$/, q: /^[^]{1,64}$/u, sub: /^0$/, page: /^\d{1,7}$/ };

/** "Back to the directory", to the view the member was opened from when `back` holds one. */
export function directoryBackHref(back: string | string[] | undefined): string {
  if (typeof back !== 'string' || back.length > 512) return '/admin';
  const kept = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(back)) {
    if (Object.hasOwn(VIEW_KEYS, key) && VIEW_KEYS[key]!.test(value) && !kept.has(key)) kept.set(key, value);
  }
  const query = kept.toString();
  return query ? `/admin?${query}` : '/admin';
}
