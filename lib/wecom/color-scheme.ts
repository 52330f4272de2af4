/**
 * The WeCom client says in its user agent which appearance it shows (`ColorScheme/Dark` or
 * `ColorScheme/Light`), and its web view does not always pass that on as
 * prefers-color-scheme. The class makes the page follow the client; without the token the
 * browser's preference decides (globals.css).
 */
export function weComColorScheme(userAgent: string | null): 'dark' | 'light' | undefined {
  const token = /\bColorScheme\/(Dark|Light)\b/i.exec(userAgent ?? '')?.[1]?.toLowerCase();
  return token === 'dark' || token === 'light' ? token : undefined;
}
