import { pinyin } from 'pinyin-pro';

/**
 * How people type Chinese names on a keyboard: the whole pinyin without tones (`wangfang`,
 * or its start `wangf`) and the initials (`wf`). Surnames read as surnames (曾 is zeng).
 * Computed once per distinct name and kept: a 20,000-member directory has far fewer names.
 */
export interface NamePinyin {
  full: string;
  initials: string;
}

const known = new Map<string, NamePinyin>();

export function namePinyin(name: string): NamePinyin {
  let keys = known.get(name);
  if (!keys) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' });
    keys = { full: syllables.join('').toLowerCase(), initials: syllables.map((s) => s[0] ?? '').join('').toLowerCase() };
    known.set(name, keys);
  }
  return keys;
}

/** A query typed in pinyin: Latin letters only (spaces between syllables allowed). */
export function pinyinQuery(query: string): string | null {
  const letters = query.toLowerCase().replace(/\s+/g, '');
  return /^[a-z]{1,32}$/.test(letters) ? letters : null;
}

const HAS_CHINESE = /[\u3400-\u9fff]/;

/** The name's pinyin, or null for a name without Chinese characters (nothing to type in pinyin). */
export function namePinyinIfChinese(name: string): NamePinyin | null {
  return HAS_CHINESE.test(name) ? namePinyin(name) : null;
}

/** Whether `name` matches what was typed as pinyin: a part of the full pinyin, or the start of the initials. */
export function matchesPinyin(name: string, typed: string): boolean {
  const keys = namePinyinIfChinese(name);
  return keys !== null && (keys.full.includes(typed) || keys.initials.startsWith(typed));
}
