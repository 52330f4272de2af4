import type { Finding } from '../report';
import { consolePlaces } from '../console-places';
import { appName, wecomAnswer, type DoctorContext } from '../context';

const WRONG_SECRET = new Set([40001, 40091, 41004]);

/** gettoken with the CorpID and Secret: every other WeCom check needs it. */
export async function checkToken(ctx: DoctorContext): Promise<Finding> {
  const token = await ctx.wecom.token();
  if (token.ok) {
    return {
      status: 'pass',
      detail: {
        zh: `企业微信接受了企业ID ${ctx.config.corpId} 和本应用的 Secret（access_token 有效期 ${token.value.expiresIn} 秒）`,
        en: `WeCom accepted CorpID ${ctx.config.corpId} and the app's Secret (access_token valid for ${token.value.expiresIn} s)`,
      },
    };
  }
  const { error } = token;
  const answer = wecomAnswer(error);
  if (error.errcode === 40013) {
    return {
      status: 'fail',
      detail: { zh: `企业微信不认识企业ID「${ctx.config.corpId}」：${answer.zh}`, en: `WeCom does not know CorpID "${ctx.config.corpId}": ${answer.en}` },
      fix: { zh: `把 WECOM_CORP_ID 设为「${consolePlaces.corpId.zh}」中的值。`, en: `Set WECOM_CORP_ID to the value under ${consolePlaces.corpId.en}.` },
    };
  }
  if (error.errcode !== null && WRONG_SECRET.has(error.errcode)) {
    const place = consolePlaces.secret(await appName(ctx));
    return {
      status: 'fail',
      detail: { zh: `企业微信拒绝了 WECOM_SECRET：${answer.zh}`, en: `WeCom refused WECOM_SECRET: ${answer.en}` },
      fix: {
        zh: `在「${place.zh}」重新获取 Secret（发送到管理员的企业微信），完整复制到 WECOM_SECRET。它必须是 AgentId ${ctx.config.agentId} 这个自建应用的 Secret，不是通讯录同步的。`,
        en: `Get the Secret again under ${place.en} (it is sent to the admin's WeCom) and copy all of it into WECOM_SECRET. It must be the Secret of the self-built app with AgentId ${ctx.config.agentId}, not the contact-sync one.`,
      },
    };
  }
  if (error.kind === 'unavailable' || error.kind === 'busy') {
    const host = new URL(ctx.config.apiBase).host;
    return {
      status: 'fail',
      detail: { zh: `无法从本服务器访问 ${host}：${answer.zh}`, en: `${host} cannot be reached from this server: ${answer.en}` },
      fix: {
        zh: `检查本服务器的 DNS、防火墙和出站代理能否访问 ${ctx.config.apiBase}（WECOM_API_BASE），然后重试。`,
        en: `Check that this server's DNS, firewall and outbound proxy let it reach ${ctx.config.apiBase} (WECOM_API_BASE), then try again.`,
      },
    };
  }
  return {
    status: 'fail',
    detail: answer,
    fix: error.hint ?? { zh: '稍后重试；如果一直如此，按错误码排查。', en: 'Try again shortly; if it persists, look the errcode up.' },
  };
}
