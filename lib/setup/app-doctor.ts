import 'server-only';
import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { SETUP_CHECKS_PER_MINUTE, consumeLimit, tooManyRequestsJson } from '@/lib/http/rate-limit';
import type { Locale } from '@/lib/i18n/locale';
import { runSetupDoctor } from './doctor';
import { reportIn, type SetupReport } from './report';

/** The doctor as the running app asks it: its own parsed configuration, which has already passed. */
export async function checkSetup(locale: Locale): Promise<SetupReport> {
  return reportIn(await runSetupDoctor({ parsed: { config: getConfig() } }), locale);
}

export type SetupCheckAnswer = { allowed: true; report: SetupReport } | { allowed: false; retryAfterSeconds: number };

/** For an admin: each run asks WeCom afresh, so it is limited per admin. */
export async function checkSetupFor(adminUserid: string, locale: Locale): Promise<SetupCheckAnswer> {
  const limit = await consumeLimit('setup_check', adminUserid);
  if (!limit.allowed) return limit;
  return { allowed: true, report: await checkSetup(locale) };
}

export async function setupJson(adminUserid: string, locale: Locale): Promise<NextResponse> {
  const answer = await checkSetupFor(adminUserid, locale);
  if (!answer.allowed) return tooManyRequestsJson(answer, `At most ${SETUP_CHECKS_PER_MINUTE} setup checks a minute.`);
  return NextResponse.json(answer.report);
}
