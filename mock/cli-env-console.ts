// The MOCK_* variables for the tenant's console settings (see console-settings.ts). Kept apart
// from cli-env.ts, which reads the mock's own switches. Each bad value is reported by the
// variable's name.

import { checkAppDisabled, checkHomeUrl, checkTrustedIps, checkVisibleRange, type VisibleRange } from './console-settings';
import type { MockWeComOptions } from './server';
import type { FieldCheck } from './settings';

type ConsoleOptions = Pick<MockWeComOptions, 'visibleRange' | 'homeUrl' | 'appDisabled' | 'trustedIps'>;
type Read = (name: string) => string | undefined;

/** An empty variable means "not set", so an empty list is spelt `none`. */
const EMPTY_LIST = 'none';

function commaList(raw: string): string[] {
  return raw.trim().toLowerCase() === EMPTY_LIST ? [] : raw.split(',').map((item) => item.trim()).filter(Boolean);
}

const BOOLEANS: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };

/** Whole numbers become numbers; anything else stays text so that the validator names it. */
function idsOf(raw: string): unknown[] {
  return commaList(raw).map((item) => (/^\d+$/.test(item) ? Number(item) : item));
}

const RANGE_VARIABLES = [
  ['MOCK_VISIBLE_USERS', 'users', commaList],
  ['MOCK_VISIBLE_DEPARTMENTS', 'departments', idsOf],
  ['MOCK_VISIBLE_TAGS', 'tags', idsOf],
] as const;

/** Any of the three variables sets the whole range: the ones not given are empty lists. */
function readVisibleRange(read: Read): FieldCheck<VisibleRange | undefined> {
  const given = RANGE_VARIABLES.filter(([name]) => read(name) !== undefined);
  if (given.length === 0) return { ok: true, value: undefined };
  const range: VisibleRange = { users: [], departments: [], tags: [] };
  for (const [name, key, parse] of given) {
    const check = checkVisibleRange({ [key]: parse(read(name)!) });
    if (!check.ok) return { ok: false, message: `${name}: ${check.message}` };
    Object.assign(range, { [key]: check.value[key] });
  }
  return { ok: true, value: range };
}

export function readConsoleEnv(read: Read): FieldCheck<ConsoleOptions> {
  const options: ConsoleOptions = {};
  const range = readVisibleRange(read);
  if (!range.ok) return range;
  if (range.value) options.visibleRange = range.value;

  const homeUrl = read('MOCK_HOME_URL');
  if (homeUrl !== undefined) {
    const check = checkHomeUrl(homeUrl);
    if (!check.ok) return { ok: false, message: `MOCK_HOME_URL: ${check.message}` };
    options.homeUrl = check.value;
  }

  const disabled = read('MOCK_APP_DISABLED');
  if (disabled !== undefined) {
    const check = checkAppDisabled(BOOLEANS[disabled.trim().toLowerCase()]);
    if (!check.ok) return { ok: false, message: `MOCK_APP_DISABLED: must be true, false, 1 or 0, got "${disabled}"` };
    options.appDisabled = check.value;
  }

  const trustedIps = read('MOCK_TRUSTED_IPS');
  if (trustedIps !== undefined) {
    const check = checkTrustedIps(commaList(trustedIps));
    if (!check.ok) return { ok: false, message: `MOCK_TRUSTED_IPS: ${check.message}` };
    options.trustedIps = check.value;
  }
  return { ok: true, value: options };
}
