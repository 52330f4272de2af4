import type { Finding } from '../report';
import { skipped } from '../report';
import type { DoctorContext } from '../context';
import { networkProblem } from './reach';

/** Past this, event timestamps and expiry drift far enough to matter. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

export async function checkRedis(ctx: DoctorContext): Promise<Finding> {
  if (!ctx.config.redisUrl || !ctx.pingRedis) {
    return skipped({ zh: '没有设置 REDIS_URL：使用进程内缓存，只适合单个实例', en: 'REDIS_URL is not set: the in-process cache suits a single instance only' });
  }
  // The URL may carry a password: only its host is named.
  const where = new URL(ctx.config.redisUrl).host;
  try {
    const ms = await ctx.pingRedis();
    return { status: 'pass', detail: { zh: `${where} 回答了 PING，往返 ${ms} 毫秒`, en: `${where} answered PING in ${ms} ms` } };
  } catch (error) {
    const why = networkProblem(error);
    return {
      status: 'fail',
      detail: { zh: `Redis ${where} 没有回答 PING：${why.zh}`, en: `Redis at ${where} did not answer PING: ${why.en}` },
      fix: { zh: '确认 Redis 在运行、本服务器能访问它，且 REDIS_URL（含密码）正确。', en: 'Make sure Redis runs, this server can reach it, and REDIS_URL (with its password) is right.' },
    };
  }
}

export async function checkClock(ctx: DoctorContext): Promise<Finding> {
  const clock = await ctx.wecom.clock();
  if (!clock) return skipped({ zh: '企业微信的回答没有 Date 头', en: "WeCom's answer carried no Date header" });
  // Date has whole seconds; the middle of the round trip is our best guess of when WeCom wrote it.
  const skew = Math.round(((clock.sentAt + clock.receivedAt) / 2 - clock.wecomDate) / 1000);
  const words = skew >= 0 ? { zh: `快 ${skew} 秒`, en: `${skew} s ahead` } : { zh: `慢 ${-skew} 秒`, en: `${-skew} s behind` };
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
    return {
      status: 'warn',
      detail: { zh: `本服务器的时钟比企业微信${words.zh}：事件回调的时间戳和会话过期会受影响`, en: `This server's clock is ${words.en} of WeCom's: event timestamps and session expiry are affected` },
      fix: { zh: '开启 NTP 时间同步（如 chrony 或 systemd-timesyncd）。', en: 'Turn on NTP time sync (e.g. chrony or systemd-timesyncd).' },
    };
  }
  return { status: 'pass', detail: { zh: `与企业微信的时钟相差 ${Math.abs(skew)} 秒以内`, en: `Within ${Math.abs(skew)} s of WeCom's clock` } };
}
