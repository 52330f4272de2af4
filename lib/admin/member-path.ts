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
