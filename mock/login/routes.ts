// The login entry points. A valid request either redirects at once (identity preselected
// through the control API) or shows a page whose buttons come back to /__mock/login/choose,
// which re-checks the original parameters, issues the code and redirects.

import type { ServerResponse } from 'node:http';
import { findAppByAgentId } from '../credentials';
import type { LoginIdentity } from '../grants';
import { redirect, sendHtml } from '../http';
import { avatarUrl } from '../image-urls';
import { qrSvg } from '../images';
import type { MockState } from '../state';
import type { Member } from '../types';
import { buildCallbackUrl } from './callback';
import { renderChooserPage, renderErrorPage, renderSsoPage, type ChoiceButton } from './pages';
import { checkLoginRequest, type LoginFlow, type LoginRequest } from './validate';

export const LOGIN_CHOICE_PATH = '/__mock/login/choose';
/** The chooser stays readable: the seed people (and members created at run time), never thousands of generated ones. */
const MAX_CHOICES = 60;

type Choice = LoginIdentity | { kind: 'refuse' };

function finishLogin(res: ServerResponse, state: MockState, request: LoginRequest, choice: Choice): void {
  if (choice.kind === 'refuse') {
    redirect(res, buildCallbackUrl(request.redirectUri, undefined, request.state));
    return;
  }
  const code = state.grants.issueCode(choice, request.agentId, request.scope);
  redirect(res, buildCallbackUrl(request.redirectUri, code.value, request.state));
}

function choiceHref(original: URLSearchParams, flow: LoginFlow, choice: Choice): string {
  const params = new URLSearchParams(original);
  params.set('mock_flow', flow);
  params.set('mock_choice', choice.kind);
  if (choice.kind === 'member') params.set('mock_userid', choice.userid);
  return `${LOGIN_CHOICE_PATH}?${params}`;
}

function badgeOf(member: Member, state: MockState): string | undefined {
  if (member.linkedCorp) return '关联企业';
  if (!state.directory.isMemberVisible(member)) return '不在可见范围';
  return { 1: undefined, 2: '已禁用', 4: '未激活', 5: '已离职' }[member.status];
}

function memberButtons(original: URLSearchParams, flow: LoginFlow, state: MockState): ChoiceButton[] {
  return state.directory.chooserMembers.slice(0, MAX_CHOICES).map((member) => ({
    userid: member.userid,
    name: member.name,
    position: member.position,
    avatar: avatarUrl(state.origin, member.userid),
    href: choiceHref(original, flow, { kind: 'member', userid: member.userid }),
    badge: badgeOf(member, state),
  }));
}

function showLoginPage(res: ServerResponse, state: MockState, request: LoginRequest, original: URLSearchParams): void {
  const appName = findAppByAgentId(request.agentId)?.name ?? '';
  const buttons = memberButtons(original, request.flow, state);
  if (request.flow === 'oauth') {
    sendHtml(res, 200, renderChooserPage({
      appName,
      privateInfo: request.scope === 'snsapi_privateinfo',
      buttons,
      nonMemberHref: choiceHref(original, 'oauth', { kind: 'nonMember' }),
    }));
    return;
  }
  sendHtml(res, 200, renderSsoPage({
    appName,
    lang: request.lang,
    qrSvg: qrSvg(`sso:${state.clock.nowMs()}`),
    buttons,
    refuseHref: choiceHref(original, 'sso', { kind: 'refuse' }),
  }));
}

/** GET /connect/oauth2/authorize and GET /wwlogin/sso/login. */
export function handleLoginEntry(res: ServerResponse, url: URL, state: MockState, flow: LoginFlow): void {
  const check = checkLoginRequest(flow, url.searchParams, state.settings.trustedDomains);
  if (!check.ok) {
    // WeCom answers its error page with HTTP 200.
    sendHtml(res, 200, renderErrorPage(check.rejection.errcode, check.rejection.reason));
    return;
  }
  if (state.identity) finishLogin(res, state, check.request, state.identity);
  else showLoginPage(res, state, check.request, url.searchParams);
}

function parseChoice(query: URLSearchParams, state: MockState): Choice | undefined {
  const kind = query.get('mock_choice');
  if (kind === 'nonMember' || kind === 'refuse') return { kind };
  const userid = query.get('mock_userid');
  if (kind === 'member' && userid && state.directory.findMember(userid)) return { kind: 'member', userid };
  return undefined;
}

/** GET /__mock/login/choose: a button on the chooser or QR page was pressed. */
export function handleLoginChoice(res: ServerResponse, url: URL, state: MockState): void {
  const query = url.searchParams;
  const flow = query.get('mock_flow');
  const choice = parseChoice(query, state);
  if ((flow !== 'oauth' && flow !== 'sso') || !choice) {
    sendHtml(res, 400, renderErrorPage(40058, '模拟登录选择无效 (unknown mock login choice)'));
    return;
  }
  const check = checkLoginRequest(flow, query, state.settings.trustedDomains);
  if (!check.ok) {
    sendHtml(res, 200, renderErrorPage(check.rejection.errcode, check.rejection.reason));
    return;
  }
  finishLogin(res, state, check.request, choice);
}
