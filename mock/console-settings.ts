// What a tenant's admin sets for the portal app in WeCom's console (应用管理 → 应用), and the one
// validator per setting that startMockWeCom options, POST /__mock/settings and the MOCK_* variables
// share. These are the settings a real tenant gets wrong, so the app's setup checks can be tested
// against each mistake.

import { canonicalIp } from './ip-address';
import type { FieldCheck } from './settings';

/** 可见范围: who the app sees. Ids as the admin saved them; an id nothing has matches nobody. */
export interface VisibleRange {
  users: string[];
  departments: number[];
  tags: number[];
}

/** Defaults of the console settings GET /__mock/settings shows only once set (the range's is the directory's). */
export const CONSOLE_DEFAULTS = { homeUrl: '', appDisabled: false, trustedIps: [] as string[] } as const;

const MAX_URL_LENGTH = 2048;
/** WeCom's userid rule: 1-64 characters. */
const MAX_USERID_LENGTH = 64;
const MAX_ID = 2 ** 32 - 1;

/** 应用主页: an http(s) URL, or empty for none. */
export function checkHomeUrl(value: unknown): FieldCheck<string> {
  const fail = { ok: false as const, message: 'homeUrl must be an http:// or https:// URL, or "" for none' };
  if (typeof value !== 'string') return fail;
  const text = value.trim();
  if (text === '') return { ok: true, value: '' };
  if (text.length > MAX_URL_LENGTH) return { ok: false, message: `homeUrl must be at most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? { ok: true, value: text } : fail;
}

/** 已停用: true when an admin disabled the app. */
export function checkAppDisabled(value: unknown): FieldCheck<boolean> {
  return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'appDisabled must be true or false' };
}

/** 企业可信IP: single IPv4 or IPv6 addresses, kept in one spelling each; empty means not enforced. */
export function checkTrustedIps(value: unknown): FieldCheck<string[]> {
  if (!Array.isArray(value)) return { ok: false, message: 'trustedIps must be a list of IP addresses like "203.0.113.7" or "2001:db8::1"' };
  const ips: string[] = [];
  for (const entry of value) {
    const ip = typeof entry === 'string' ? canonicalIp(entry) : undefined;
    if (ip === undefined) return { ok: false, message: `trustedIps: ${JSON.stringify(entry)} is not a single IPv4 or IPv6 address` };
    if (!ips.includes(ip)) ips.push(ip);
  }
  return { ok: true, value: ips };
}

const RANGE_KEYS = ['users', 'departments', 'tags'] as const;

const isId = (id: unknown) => typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= MAX_ID;

function idList(key: 'departments' | 'tags', value: unknown): FieldCheck<number[]> {
  if (!Array.isArray(value) || !value.every(isId)) {
    return { ok: false, message: `visibleRange.${key} must be a list of ${key === 'tags' ? 'tag' : 'department'} ids (whole numbers from 1)` };
  }
  return { ok: true, value: [...new Set(value as number[])] };
}

function useridList(value: unknown): FieldCheck<string[]> {
  const fail = { ok: false as const, message: `visibleRange.users must be a list of userids (1-${MAX_USERID_LENGTH} characters)` };
  if (!Array.isArray(value)) return fail;
  if (value.some((u) => typeof u !== 'string' || u.length === 0 || u.length > MAX_USERID_LENGTH)) return fail;
  return { ok: true, value: [...new Set(value as string[])] };
}

/**
 * 可见范围: `{users, departments, tags}`, each a list; a missing list is empty, so the object given
 * is the whole range. All three empty is allowed: the app then sees nobody.
 */
export function checkVisibleRange(value: unknown): FieldCheck<VisibleRange> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'visibleRange must be an object {"users": [...], "departments": [...], "tags": [...]}' };
  }
  const input = value as Record<string, unknown>;
  const unknownKey = Object.keys(input).find((key) => !(RANGE_KEYS as readonly string[]).includes(key));
  if (unknownKey) return { ok: false, message: `visibleRange: unknown key "${unknownKey}"; known: ${RANGE_KEYS.join(', ')}` };
  const users = useridList(input.users ?? []);
  if (!users.ok) return users;
  const departments = idList('departments', input.departments ?? []);
  if (!departments.ok) return departments;
  const tags = idList('tags', input.tags ?? []);
  if (!tags.ok) return tags;
  return { ok: true, value: { users: users.value, departments: departments.value, tags: tags.value } };
}
