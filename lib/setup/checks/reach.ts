import { randomBytes, randomInt } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import type { Bilingual } from '@/lib/i18n/locale';
import type { Finding } from '../report';
import { consolePlaces } from '../console-places';
import { appName, type DoctorContext } from '../context';

/**
 * What WeCom and the console reach through APP_URL, asked from this machine as they would:
 * the URL check WeCom runs on a callback URL, and the domain-ownership file.
 */

export const EVENTS_PATH = '/api/wecom/events';

/** WeCom gives a callback URL's check about a second to answer. */
export const URL_CHECK_ANSWER_MS = 1000;

export async function checkCallback(ctx: DoctorContext): Promise<Finding> {
  const { config } = ctx;
  const url = `${config.appUrl}${EVENTS_PATH}`;
  const place = consolePlaces.receiveMessages(await appName(ctx));
  if (!config.callback) {
    return {
      status: 'warn',
      detail: {
        zh: `没有配置接收消息：成员离职、被停用或移出可见范围后，最多要等 ${config.dataCacheSeconds} 秒（DATA_CACHE_SECONDS）才失去访问`,
        en: `Event callbacks are not configured: a member who leaves, is disabled or leaves the visible range keeps access for up to ${config.dataCacheSeconds} s (DATA_CACHE_SECONDS)`,
      },
      fix: {
        zh: `在「${place.zh}」填写 URL ${url}，生成 Token 和 EncodingAESKey，把它们设为 WECOM_CALLBACK_TOKEN 和 WECOM_CALLBACK_AES_KEY，重启应用后再保存。`,
        en: `Under ${place.en} enter the URL ${url}, generate a Token and an EncodingAESKey, set them as WECOM_CALLBACK_TOKEN and WECOM_CALLBACK_AES_KEY, restart the app, then save.`,
      },
    };
  }

  // The check WeCom runs when the console saves the URL: a signed, encrypted echostr whose plaintext must come back.
  const plaintext = String(randomInt(1e9, 1e10)) + randomBytes(4).toString('hex');
  const echostr = encrypt(config.callback.aesKey, plaintext, config.corpId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(1e8, 1e9));
  const query = new URLSearchParams({ msg_signature: getSignature(config.callback.token, timestamp, nonce, echostr), timestamp, nonce, echostr });
  const fix = {
    zh: `确认 ${url} 能从公网访问（反向代理、防火墙），且「${place.zh}」中的 Token、EncodingAESKey 与 WECOM_CALLBACK_TOKEN、WECOM_CALLBACK_AES_KEY 相同。`,
    en: `Make sure ${url} is reachable from the internet (reverse proxy, firewall) and that the Token and EncodingAESKey under ${place.en} equal WECOM_CALLBACK_TOKEN and WECOM_CALLBACK_AES_KEY.`,
  };

  const started = performance.now();
  let answer: { status: number; body: string };
  try {
    const response = await ctx.fetchPublic(`${url}?${query}`);
    answer = { status: response.status, body: await response.text() };
  } catch (error) {
    const why = networkProblem(error);
    return { status: 'fail', detail: { zh: `无法访问 ${url}：${why.zh}`, en: `${url} cannot be reached: ${why.en}` }, fix };
  }
  const ms = Math.round(performance.now() - started);
  if (answer.status !== 200 || answer.body !== plaintext) {
    const got = `HTTP ${answer.status} "${excerpt(answer.body)}"`;
    return {
      status: 'fail',
      detail: {
        zh: `${url} 没有通过企业微信的 URL 校验：应返回解密后的 echostr，实际返回 ${got}`,
        en: `${url} fails WeCom's URL check: it should answer the decrypted echostr, and answered ${got}`,
      },
      fix,
    };
  }
  if (ms > ctx.urlCheckAnswerMs) {
    return {
      status: 'warn',
      detail: { zh: `${url} 通过了 URL 校验，但用了 ${ms} 毫秒（企业微信只等约 1 秒）`, en: `${url} passes the URL check but took ${ms} ms (WeCom waits about 1 s)` },
      fix,
    };
  }
  return { status: 'pass', detail: { zh: `${url} 在 ${ms} 毫秒内通过了企业微信的 URL 校验`, en: `${url} passed WeCom's URL check in ${ms} ms` } };
}

export async function checkDomainVerification(ctx: DoctorContext): Promise<Finding> {
  const { config } = ctx;
  const place = consolePlaces.trustedDomain(await appName(ctx));
  if (config.domainVerification.length === 0) {
    return {
      status: 'warn',
      detail: {
        zh: '没有配置域名归属校验文件：只在控制台设置或修改可信域名时需要',
        en: 'No domain ownership file is configured: it is needed only while the console sets or changes the trusted domain',
      },
      fix: {
        zh: `在「${place.zh}」下载校验文件（WW_verify_….txt），设置 WECOM_DOMAIN_VERIFICATION=文件名:文件内容 并重启，本应用会在 ${config.appUrl}/文件名 提供它。`,
        en: `Download the file (WW_verify_….txt) under ${place.en}, set WECOM_DOMAIN_VERIFICATION=NAME:CONTENT and restart; the app serves it at ${config.appUrl}/NAME.`,
      },
    };
  }
  const problems: Bilingual[] = [];
  for (const file of config.domainVerification) {
    const url = `${config.appUrl}/${file.fileName}`;
    try {
      const response = await ctx.fetchPublic(url);
      const body = await response.text();
      if (response.status !== 200 || body !== file.content) {
        const got = `HTTP ${response.status} "${excerpt(body)}"`;
        problems.push({ zh: `${url} 返回 ${got}，不是配置的内容`, en: `${url} answered ${got}, not the configured content` });
      }
    } catch (error) {
      const why = networkProblem(error);
      problems.push({ zh: `无法访问 ${url}：${why.zh}`, en: `${url} cannot be reached: ${why.en}` });
    }
  }
  if (problems.length > 0) {
    return {
      status: 'fail',
      detail: { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') },
      fix: {
        zh: '确认 APP_URL 指向本应用（反向代理把根路径的 WW_verify_….txt 转给应用），且 WECOM_DOMAIN_VERIFICATION 与下载的文件一致。',
        en: 'Make sure APP_URL reaches this app (the reverse proxy passes WW_verify_….txt at the root to it) and WECOM_DOMAIN_VERIFICATION matches the downloaded file.',
      },
    };
  }
  const names = config.domainVerification.map((f) => f.fileName).join(', ');
  return { status: 'pass', detail: { zh: `${config.appUrl} 提供了 ${names}`, en: `${config.appUrl} serves ${names}` } };
}

/** What went wrong on the way, in words an operator can act on; never the request's URL, whose query is signed. */
export function networkProblem(error: unknown): Bilingual {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { zh: '没有在时限内回答', en: 'no answer within the time limit' };
  const failure = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = String(failure?.cause?.code ?? failure?.code ?? '');
  if (code === 'ECONNREFUSED') return { zh: '连接被拒绝（ECONNREFUSED）', en: 'connection refused (ECONNREFUSED)' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { zh: `域名解析失败（${code}）`, en: `the name does not resolve (${code})` };
  if (code.includes('CERT') || code.includes('SSL') || code.includes('TLS')) return { zh: `TLS 证书问题（${code}）`, en: `a TLS certificate problem (${code})` };
  return code ? { zh: `连接失败（${code}）`, en: `connection failed (${code})` } : { zh: '连接失败', en: 'connection failed' };
}

/** The start of an answer, printable and short, for a detail line. */
function excerpt(body: string): string {
  const printable = body.replace(/[^\x20-\x7e\u4e00-\u9fff]/g, ' ').replace(/\s+/g, ' ').trim();
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}
