export type Locale = 'zh' | 'en';

/** One text in both languages, for what is written before the reader's language is known (logs, reports). */
export type Bilingual = Record<Locale, string>;

/**
 * Simplified Chinese unless the browser ranks English above every Chinese variant.
 * Reads the q-values of Accept-Language, e.g. "en-US,en;q=0.9,zh;q=0.8" → en.
 */
export function preferredLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh';
}
