/**
 * Where to send a visitor after sign-in: only a path on this site. Anything that a
 * browser could read as another origin (`//host`, `/\host`, a scheme, control
 * characters) becomes "/".
 */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || candidate.length > 2048) return '/';
  if (!candidate.startsWith('/')) return '/';
  // Browsers treat "\" like "/" and drop tabs and newlines, so "/\t/evil" or "/\evil" are protocol-relative.
  if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return '/';
  if (candidate.startsWith('//')) return '/';
  try {
    const base = 'http://wecom-portal.invalid';
    const url = new URL(candidate, base);
    if (url.origin !== base) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}
