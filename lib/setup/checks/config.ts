import type { AppConfig, ConfigError } from '@/lib/config';
import type { Bilingual } from '@/lib/i18n/locale';
import type { Finding } from '../report';

/** The configuration parses; an http APP_URL in production, or an APP_URL left to its default, is worth a warning. */
export function checkConfig(parsed: { config: AppConfig } | { error: ConfigError }): Finding {
  if ('error' in parsed) {
    const lines = parsed.error.problems.map((p) => `${p.variable}: ${p.message}`).join('; ');
    const noTenant = parsed.error.problems.some((p) => p.variable === 'WECOM_CORP_ID');
    return {
      status: 'fail',
      detail: { zh: `配置无法解析：${lines}`, en: `The configuration does not parse: ${lines}` },
      fix: noTenant
        ? {
            zh: '还没有配置企业微信：npm run dev 此时使用内置的模拟企业微信。要连接自己的企业，按 README「Connecting your own WeCom tenant」在 .env.local 或部署环境中设置这些变量。',
            en: 'No WeCom tenant is configured: npm run dev then uses the bundled mock. To connect your own, set these variables in .env.local or the deployment as the README\'s "Connecting your own WeCom tenant" says.',
          }
        : {
            zh: '在 .env.local 或部署环境中修正上面列出的变量，然后重新运行检查。',
            en: 'Fix the variables listed above in .env.local or the deployment, then run the checks again.',
          },
    };
  }
  const { config } = parsed;
  const summary = `CorpID ${config.corpId}, AgentId ${config.agentId}, APP_URL ${config.appUrl}`;
  // A choice, not a fault: what the scope costs is said here, for admins, rather than on every profile.
  const scope =
    config.scope === 'snsapi_base'
      ? {
          zh: 'WECOM_SCOPE=snsapi_base：成员静默登录，资料页不显示手机、邮箱、性别、地址和头像（企业微信自 2022 年起只在成员授权后提供）；设为 snsapi_privateinfo 则在登录时请成员授权',
          en: 'WECOM_SCOPE=snsapi_base: members sign in silently, and profiles show no mobile, email, gender, address or avatar (WeCom shares them only with consent since 2022); snsapi_privateinfo asks members to consent when signing in',
        }
      : { zh: 'WECOM_SCOPE=snsapi_privateinfo：成员登录时授权，资料页显示授权的字段', en: 'WECOM_SCOPE=snsapi_privateinfo: members consent when signing in, and profiles show what they shared' };
  const detail = (problem?: Bilingual): Bilingual =>
    problem
      ? { zh: `${problem.zh}（${summary}）。${scope.zh}`, en: `${problem.en} (${summary}). ${scope.en}` }
      : { zh: `${summary}。${scope.zh}`, en: `${summary}. ${scope.en}` };
  if (!config.appUrlConfigured) {
    return {
      status: 'warn',
      detail: detail({ zh: `APP_URL 未设置，按 ${config.appUrl} 检查`, en: `APP_URL is not set; checking ${config.appUrl}` }),
      fix: {
        zh: '把 APP_URL 设为员工访问本应用的公网地址，例如 https://portal.example.com。',
        en: 'Set APP_URL to the public origin employees open, e.g. https://portal.example.com.',
      },
    };
  }
  if (config.production && config.appUrl.startsWith('http://')) {
    return {
      status: 'warn',
      detail: detail({
        zh: 'APP_URL 是 http：会话 Cookie 无法使用 __Host- 前缀，企业微信 JS-SDK 也需要 https',
        en: "APP_URL is http: session cookies lose the __Host- prefix, and WeCom's JS-SDK needs https",
      }),
      fix: {
        zh: '在 TLS 反向代理后提供服务，并把 APP_URL 改为 https:// 地址。',
        en: 'Serve the app behind a TLS reverse proxy and set APP_URL to its https:// origin.',
      },
    };
  }
  return { status: 'pass', detail: detail() };
}
