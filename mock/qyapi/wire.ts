// The qyapi wire format: every answer is HTTP 200 JSON with errcode/errmsg first, and error
// messages carry WeCom's "hint" suffix so clients learn never to compare errmsg text.

import { randomBytes, randomInt } from 'node:crypto';
import { errmsgText } from './errcodes';

/** Thrown by route handlers; the router turns it into an error body. */
export class QyapiError extends Error {
  constructor(
    readonly errcode: number,
    /** Extra words after the standard text, e.g. which parameter was wrong. */
    readonly detail?: string,
  ) {
    super(`${errcode} ${errmsgText(errcode)}${detail ? `: ${detail}` : ''}`);
  }
}

/** `callerIp` is the address the request came from: WeCom names it so that 60020 can be fixed. */
export function formatErrmsg(errcode: number, nowSeconds: number, callerIp: string, detail?: string): string {
  const text = detail ? `${errmsgText(errcode)}, ${detail}` : errmsgText(errcode);
  // The middle number names a WeCom server on the real service; any small number will do.
  const server = 1 + randomInt(99);
  const hint = `${nowSeconds}_${server}_${randomBytes(16).toString('hex')}`;
  return `${text}, hint: [${hint}], from ip: ${callerIp}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}

/** Error bodies echo the success shape's arrays empty, as WeCom does (`"userlist":[]`). */
export function errorBody(errcode: number, nowSeconds: number, callerIp: string, emptyArrays: readonly string[] = [], detail?: string) {
  const body: Record<string, unknown> = { errcode, errmsg: formatErrmsg(errcode, nowSeconds, callerIp, detail) };
  for (const key of emptyArrays) body[key] = [];
  return body;
}

export function successBody(fields: Record<string, unknown>) {
  return { errcode: 0, errmsg: 'ok', ...fields };
}
