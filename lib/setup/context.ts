import type { AppConfig } from '@/lib/config';
import type { Bilingual } from '@/lib/i18n/locale';
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
}

/** The app's name as the console shows it, for the fixes; "this app" until agent/get has answered. */
export async function appName(ctx: DoctorContext): Promise<Bilingual> {
  const agent = await ctx.wecom.agent();
  return agent.ok && agent.value.name ? { zh: `「${agent.value.name}」`, en: `"${agent.value.name}"` } : THIS_APP;
}

/** errcode and meaning of a failed call, as a detail line says it. */
export function wecomAnswer(error: { api: string; errcode: number | null; meaning: string }): Bilingual {
  return error.errcode === null
    ? { zh: `${error.api} 没有可用的回答（${error.meaning}）`, en: `${error.api} gave no usable answer (${error.meaning})` }
    : { zh: `${error.api} 返回错误码 ${error.errcode}（${error.meaning}）`, en: `${error.api} answered errcode ${error.errcode} (${error.meaning})` };
}
