// The three login pages: WeCom's error page, the in-app "who holds the phone" chooser and the
// browser QR login page. Pure functions from data to HTML; the routes decide what to show.

import { escapeHtml, renderShell } from './layout';
import type { PageLang } from './validate';

export interface ChoiceButton {
  userid: string;
  name: string;
  position: string;
  avatar: string;
  href: string;
  /** Why this person is unusual (disabled, outside the visible range...), shown as a badge. */
  badge?: string;
}

export interface ChooserPageData {
  appName: string;
  privateInfo: boolean;
  buttons: ChoiceButton[];
  nonMemberHref: string;
}

export interface SsoPageData {
  appName: string;
  lang: PageLang;
  qrSvg: string;
  buttons: ChoiceButton[];
  refuseHref: string;
}

export function renderErrorPage(errcode: number, reason: string): string {
  return renderShell(
    '企业微信',
    'zh',
    `<div class="card" style="text-align:center">
<div class="error-icon">!</div>
<h1>无法完成登录</h1>
<div data-testid="wecom-error" data-errcode="${errcode}">
<p>${escapeHtml(reason)}</p>
<p class="errcode">errcode: ${errcode}</p>
</div>
<p class="muted">更多信息 more info: https://open.work.weixin.qq.com/devtool/query?e=${errcode}</p>
</div>`,
  );
}

function renderChoice(button: ChoiceButton, label?: string): string {
  const badge = button.badge ? `<span class="badge">${escapeHtml(button.badge)}</span>` : '';
  return `<a class="choice" data-userid="${escapeHtml(button.userid)}" href="${escapeHtml(button.href)}">
<img src="${escapeHtml(button.avatar)}" alt="">
<span class="who"><span class="name">${label ? `${escapeHtml(label)} ` : ''}${escapeHtml(button.name)}</span>${badge}
<span class="meta">${escapeHtml(button.position)} · ${escapeHtml(button.userid)}</span></span></a>`;
}

/**
 * The WeCom client would know who is signed in. The mock asks instead. Only the in-app flow
 * needs the fragment: WeCom insists the URL ends with #wechat_redirect, which never reaches
 * a server, so a script warns when it is missing.
 */
export function renderChooserPage(data: ChooserPageData): string {
  const consent = data.privateInfo
    ? `<p class="consent">「${escapeHtml(data.appName)}」申请获取你的头像、性别、手机、邮箱等敏感信息。选择身份即表示同意。</p>`
    : '';
  return renderShell(
    '企业微信',
    'zh',
    `<div id="hash-warning" data-testid="hash-warning">授权链接未以 #wechat_redirect 结尾；真实企业微信会拒绝此链接。</div>
<div class="card">
<h1>请选择当前持机人</h1>
<p class="muted">模拟企业微信客户端：「${escapeHtml(data.appName)}」请求登录。Who is holding the phone?</p>
${consent}
</div>
<div class="card">
${data.buttons.map((b) => renderChoice(b)).join('\n')}
</div>
<a class="button secondary" data-testid="choose-non-member" href="${escapeHtml(data.nonMemberHref)}">非企业成员（微信用户） · non-member WeChat user</a>
<script>if (location.hash !== '#wechat_redirect') document.getElementById('hash-warning').style.display = 'block';</script>`,
  );
}

const SSO_TEXT = {
  zh: { title: '企业微信登录', scan: '请使用企业微信扫描二维码登录', as: '模拟扫码：', refuse: '拒绝 · refuse', pick: '选择扫码的成员' },
  en: { title: 'WeCom Login', scan: 'Scan the QR code with WeCom to log in', as: 'Scan as', refuse: 'Refuse', pick: 'Pick who scans' },
} as const;

export function renderSsoPage(data: SsoPageData): string {
  const text = SSO_TEXT[data.lang];
  return renderShell(
    text.title,
    data.lang,
    `<div class="card" style="text-align:center">
<h1>${escapeHtml(data.appName)}</h1>
<div class="qr" data-testid="qr-code">${data.qrSvg}</div>
<p>${text.scan}</p>
</div>
<div class="card">
<p class="muted">${text.pick}</p>
${data.buttons.map((b) => renderChoice(b, text.as)).join('\n')}
</div>
<a class="button danger" data-testid="refuse" href="${escapeHtml(data.refuseHref)}">${text.refuse}</a>`,
  );
}
