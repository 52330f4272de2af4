// GET /__mock/avatar/<userid>.svg and /__mock/qr/<userid>.svg: the pictures profile URLs point to;
// GET /__mock/logo/<agentid>.svg: an app's logo, which agent/get points to.

import type { ServerResponse } from 'node:http';
import { findAppByAgentId } from './credentials';
import { sendJson, sendText } from './http';
import { avatarSvg, qrSvg } from './images';
import type { MockState } from './state';

const ASSET_PATH = /^\/__mock\/(avatar|qr|logo)\/([^/]+)\.svg$/;

export function isAssetPath(pathname: string): boolean {
  return ASSET_PATH.test(pathname);
}

export function handleAsset(res: ServerResponse, url: URL, state: MockState): void {
  const [, kind, encoded] = ASSET_PATH.exec(url.pathname) ?? [];
  if (kind === 'logo') return handleLogo(res, encoded ?? '');
  let userid = '';
  try {
    userid = decodeURIComponent(encoded ?? '');
  } catch {
    // Malformed escapes fall through to "unknown member".
  }
  const member = state.directory.findMember(userid);
  if (!member) {
    sendJson(res, 404, { error: `no member "${userid}"` });
    return;
  }
  const svg = kind === 'avatar' ? avatarSvg(member.userid, member.name) : qrSvg(`qr_code:${member.userid}`);
  sendText(res, 200, 'image/svg+xml; charset=utf-8', svg, 3600);
}

function handleLogo(res: ServerResponse, agentId: string): void {
  const app = /^\d{1,10}$/.test(agentId) ? findAppByAgentId(Number(agentId)) : undefined;
  if (!app) {
    sendJson(res, 404, { error: `no app "${agentId}"` });
    return;
  }
  sendText(res, 200, 'image/svg+xml; charset=utf-8', avatarSvg(`agent:${app.agentId}`, app.name), 3600);
}
