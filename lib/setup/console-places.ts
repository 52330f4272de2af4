import type { Bilingual } from '@/lib/i18n/locale';

/**
 * Where each setting lives in the WeCom admin console (管理后台), in the console's own words:
 * an operator follows these, so they must read as the menus do. `app` is the app's name as
 * agent/get reports it, or a stand-in when it is not known.
 */
type AppName = Bilingual;

const inApp = (app: AppName, zh: string, en: string): Bilingual => ({
  zh: `应用管理 → 应用 → ${app.zh}${zh ? ` → ${zh}` : ''}`,
  en: `App Management → Apps → ${app.en}${en ? ` → ${en}` : ''}`,
});

export const THIS_APP: AppName = { zh: '本应用', en: 'this app' };

export const consolePlaces = {
  corpId: { zh: '我的企业 → 企业信息 → 企业ID', en: 'My Company → Company Information → CorpID' } as Bilingual,
  secret: (app: AppName) => inApp(app, 'Secret → 查看', 'Secret → View'),
  agentId: (app: AppName) => inApp(app, 'AgentId', 'AgentId'),
  enable: (app: AppName) => inApp(app, '启用', 'Enable'),
  trustedIps: (app: AppName) => inApp(app, '开发者接口 → 企业可信IP → 配置', 'Developer API → Trusted IPs → Configure'),
  trustedDomain: (app: AppName) =>
    inApp(app, '开发者接口 → 网页授权及JS-SDK → 设置可信域名', 'Developer API → Web Authorization and JS-SDK → Trusted domain'),
  homeUrl: (app: AppName) => inApp(app, '应用主页 → 设置', 'App home page → Set'),
  visibleRange: (app: AppName) => inApp(app, '可见范围 → 编辑', 'Visible range → Edit'),
  receiveMessages: (app: AppName) => inApp(app, '接收消息 → 设置API接收', 'Receive Messages → Set API receiving'),
  tags: { zh: '通讯录 → 标签', en: 'Contacts → Tags' } as Bilingual,
};
