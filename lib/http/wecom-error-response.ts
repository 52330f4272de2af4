import { NextResponse } from 'next/server';
import type { WeComError } from '@/lib/wecom/errors';

/** The HTTP status that says why WeCom failed, for APIs (below) and pages (page-edge.tsx) alike. */
const STATUS_BY_KIND: Record<WeComError['kind'], number> = {
  code_invalid: 400,
  invalid_request: 400,
  not_found: 404,
  not_visible: 403,
  // Not set up yet: the app cannot serve until someone changes the console (see /admin/setup).
  config: 503,
  rate_limited: 503,
  busy: 503,
  token_invalid: 502,
  unavailable: 502,
  unknown: 502,
};

export const weComErrorStatus = (error: WeComError): number => STATUS_BY_KIND[error.kind];

/** How a WeCom failure reaches a JSON API caller: its status, the errcode named, no internals. */
export function weComErrorResponse(error: WeComError): NextResponse {
  return NextResponse.json(
    { error: error.kind, errcode: error.errcode, message: error.message, ...(error.hint ? { hint: error.hint.en, hintZh: error.hint.zh } : {}) },
    { status: weComErrorStatus(error), headers: { 'cache-control': 'no-store' } },
  );
}
