import type { AppConfig } from '@/lib/config';
import type { Bilingual } from '@/lib/i18n/locale';
import type { WeComAgent } from '@/lib/wecom/schemas';
import { skipped, type Finding } from './report';
import { THIS_APP } from './console-places';
import type { WeComProbe } from './wecom-probe';

/** What every check may use: the parsed configuration, WeCom, and the network as a visitor sees it. */
export interface DoctorContext {
  config: AppConfig;
  wecom: WeComProbe;
  /** A GET from this machine with the doctor's time limit (the callback and ownership-file checks). */
  fetchPublic(url: string): Promise<Response>;
  /** PING the cache's Redis and answer the round trip in ms; absent without REDIS_URL. */
  pingRedis?: () => Promise<number>;
  /** Slower than this, the callback URL's answer to WeCom's check is a warning. */
  urlCheckAnswerMs: number;
}

/** The app's name as the console shows it, for the fixes; "this app" until agent/get has answered. */
export async function appName(ctx: DoctorContext): Promise<Bilingual> {
  const agent = await ctx.wecom.agent();
  // Bare: the fixes put the whole console path in 「」 already.
  return agent.ok && agent.value.name ? { zh: agent.value.name, en: agent.value.name } : THIS_APP;
}

/** errcode and meaning of a failed call, as a detail line says it. */
export function wecomAnswer(error: { api: string; errcode: number | null; meaning: string }): Bilingual {
  return error.errcode === null
    ? { zh: `${error.api} 没有可用的回答（${error.meaning}）`, en: `${error.api} gave no usable answer (${error.meaning})` }
    : { zh: `${error.api} 返回错误码 ${error.errcode}（${error.meaning}）`, en: `${error.api} answered errcode ${error.errcode} (${error.meaning})` };
}

export const NEEDS_TOKEN = skipped({ zh: '需要先通过 access_token 检查', en: 'Needs the access_token check to pass first' });
export const BLOCKED_BY_TRUSTED_IPS = skipped({ zh: '企业可信IP 挡住了 agent/get', en: 'agent/get is blocked by the trusted IPs' });

/** The app's console settings from agent/get, or why a check that reads them is skipped. */
export async function agentSettings(ctx: DoctorContext): Promise<{ ok: true; agent: WeComAgent } | { ok: false; skip: Finding }> {
  if (!(await ctx.wecom.token()).ok) return { ok: false, skip: NEEDS_TOKEN };
  const agent = await ctx.wecom.agent();
  if (agent.ok) return { ok: true, agent: agent.value };
  if (agent.error.errcode === 60020) return { ok: false, skip: BLOCKED_BY_TRUSTED_IPS };
  const answer = wecomAnswer(agent.error);
  return { ok: false, skip: skipped({ zh: `无法读取应用设置：${answer.zh}`, en: `The app's settings cannot be read: ${answer.en}` }) };
}
