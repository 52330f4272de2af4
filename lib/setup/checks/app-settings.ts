import type { Finding } from '../report';
import { skipped } from '../report';
import { consolePlaces } from '../console-places';
import { BLOCKED_BY_TRUSTED_IPS, NEEDS_TOKEN, agentSettings, appName, wecomAnswer, type DoctorContext } from '../context';
import { trustedDomainMatches } from '../trusted-domain';

/**
 * The app's own settings in the console, as agent/get reports them. agent/get is also the
 * first call beyond gettoken, which is where an untrusted server IP shows (60020).
 */

export async function checkTrustedIp(ctx: DoctorContext): Promise<Finding> {
  if (!(await ctx.wecom.token()).ok) return NEEDS_TOKEN;
  const agent = await ctx.wecom.agent();
  if (agent.ok) {
    return { status: 'pass', detail: { zh: '企业微信接受来自本服务器的接口调用', en: 'WeCom accepts API calls from this server' } };
  }
  if (agent.error.errcode !== 60020) {
    return skipped({ zh: `无法判断：${wecomAnswer(agent.error).zh}`, en: `Cannot tell: ${wecomAnswer(agent.error).en}` });
  }
  const ip = agent.error.callerIp;
  const place = consolePlaces.trustedIps(await appName(ctx));
  const named = ip ? { zh: `IP ${ip}`, en: `IP ${ip}` } : { zh: '本服务器的出口 IP', en: "this server's public IP" };
  return {
    status: 'fail',
    detail: {
      zh: `企业微信拒绝了来自 ${named.zh} 的调用（错误码 60020）：它不在本应用的企业可信IP中`,
      en: `WeCom refused calls from ${named.en} (errcode 60020): it is not one of the app's trusted IPs`,
    },
    fix: {
      zh: `在「${place.zh}」加入 ${named.zh}。控制台要求先设置「可信域名」或「接收消息服务器URL」，才能配置企业可信IP。`,
      en: `Add ${named.en} under ${place.en}. The console lets you set trusted IPs only after a trusted domain or a message-receiving URL is set.`,
    },
  };
}

export async function checkApp(ctx: DoctorContext): Promise<Finding> {
  if (!(await ctx.wecom.token()).ok) return NEEDS_TOKEN;
  const agent = await ctx.wecom.agent();
  const { agentId } = ctx.config;
  if (!agent.ok) {
    const { error } = agent;
    if (error.errcode === 60020) return BLOCKED_BY_TRUSTED_IPS;
    if (error.errcode === 50003) return disabled(ctx, agentId);
    const place = consolePlaces.agentId(await appName(ctx));
    const mismatch = error.errcode === 301002 || error.errcode === 40056;
    return {
      status: 'fail',
      detail: mismatch
        ? { zh: `WECOM_AGENT_ID ${agentId} 不是 WECOM_SECRET 所属的应用：${wecomAnswer(error).zh}`, en: `WECOM_AGENT_ID ${agentId} is not the app WECOM_SECRET belongs to: ${wecomAnswer(error).en}` }
        : { zh: `agent/get 失败：${wecomAnswer(error).zh}`, en: `agent/get failed: ${wecomAnswer(error).en}` },
      fix: error.hint ?? { zh: `核对「${place.zh}」中的 AgentId 与 Secret。`, en: `Compare the AgentId and Secret under ${place.en}.` },
    };
  }
  if (agent.value.close === 1) return disabled(ctx, agentId);
  const name = agent.value.name || String(agentId);
  return { status: 'pass', detail: { zh: `应用「${name}」（AgentId ${agentId}）已启用`, en: `App "${name}" (AgentId ${agentId}) is enabled` } };
}

async function disabled(ctx: DoctorContext, agentId: number): Promise<Finding> {
  const app = await appName(ctx);
  const place = consolePlaces.enable(app);
  return {
    status: 'fail',
    detail: { zh: `应用（AgentId ${agentId}）已停用：员工无法打开它，接口调用也会被拒绝`, en: `The app (AgentId ${agentId}) is disabled: employees cannot open it and its API calls are refused` },
    fix: { zh: `在「${place.zh}」启用应用。`, en: `Enable it under ${place.en}.` },
  };
}

export async function checkTrustedDomain(ctx: DoctorContext): Promise<Finding> {
  const settings = await agentSettings(ctx);
  if (!settings.ok) return settings.skip;
  const appHost = new URL(ctx.config.appUrl).host;
  const domain = settings.agent.redirect_domain.trim();
  const place = consolePlaces.trustedDomain(await appName(ctx));
  const ownership = {
    zh: '保存前控制台会要求在域名根目录放置校验文件（WW_verify_….txt）：把下载的文件名和内容设为 WECOM_DOMAIN_VERIFICATION=文件名:内容，无需重新构建。',
    en: 'Before saving, the console asks for a file (WW_verify_….txt) at the domain\'s root: set WECOM_DOMAIN_VERIFICATION=NAME:CONTENT from the downloaded file, no rebuild needed.',
  };
  if (!domain) {
    return {
      status: 'fail',
      detail: { zh: `本应用没有设置可信域名：企业微信不会把员工带回 ${appHost} 登录`, en: `The app has no trusted domain: WeCom will not send employees back to ${appHost} to sign in` },
      fix: { zh: `在「${place.zh}」填写 ${appHost}。${ownership.zh}`, en: `Enter ${appHost} under ${place.en}. ${ownership.en}` },
    };
  }
  if (!trustedDomainMatches(domain, ctx.config.appUrl)) {
    return {
      status: 'fail',
      detail: {
        zh: `可信域名是「${domain}」，而 APP_URL 的域名是「${appHost}」：登录时企业微信会显示错误 50001（redirect_uri 需使用应用可信域名）`,
        en: `The trusted domain is "${domain}" but APP_URL's host is "${appHost}": WeCom shows its error 50001 (redirect_uri must use the trusted domain) at sign-in`,
      },
      fix: {
        zh: `在「${place.zh}」改为 ${appHost}，或把 APP_URL 改为可信域名上的地址。${ownership.zh}`,
        en: `Change it to ${appHost} under ${place.en}, or set APP_URL to an origin on the trusted domain. ${ownership.en}`,
      },
    };
  }
  return { status: 'pass', detail: { zh: `可信域名「${domain}」与 APP_URL 一致`, en: `The trusted domain "${domain}" matches APP_URL` } };
}

export async function checkHomeUrl(ctx: DoctorContext): Promise<Finding> {
  const settings = await agentSettings(ctx);
  if (!settings.ok) return settings.skip;
  const homeUrl = settings.agent.home_url.trim();
  const expected = `${ctx.config.appUrl}/`;
  const place = consolePlaces.homeUrl(await appName(ctx));
  const fix = { zh: `在「${place.zh}」填写 ${expected}。`, en: `Enter ${expected} under ${place.en}.` };
  if (!homeUrl) {
    return {
      status: 'warn',
      detail: { zh: '没有设置应用主页：从工作台打开本应用会进入应用的消息会话，而不是员工门户', en: 'No home page is set: opening the app from the workbench shows its chat, not the portal' },
      fix,
    };
  }
  if (!URL.canParse(homeUrl) || new URL(homeUrl).origin !== new URL(ctx.config.appUrl).origin) {
    return {
      status: 'warn',
      detail: { zh: `应用主页是「${homeUrl}」，不在 APP_URL（${ctx.config.appUrl}）上：工作台会打开别的页面`, en: `The home page is "${homeUrl}", not on APP_URL (${ctx.config.appUrl}): the workbench opens something else` },
      fix,
    };
  }
  return { status: 'pass', detail: { zh: `应用主页 ${homeUrl}`, en: `Home page ${homeUrl}` } };
}
