import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { apiCaller } from '@/lib/auth/dal';
import { getConfig } from '@/lib/config';
import { weComErrorResponse } from '@/lib/http/wecom-error-response';
import { log } from '@/lib/log';
import { getWeComClient, isWeComError } from '@/lib/wecom';
import { signJsSdkConfig } from './jssdk-config';
import { signablePageUrl } from './page-url';

const noStore = { 'cache-control': 'no-store' };

/** `GET /api/wecom/jssdk-config?url=…`: signatures for one of this app's pages, for a signed-in member. */
export async function jsSdkConfigAnswer(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  const caller = await apiCaller('cookie');
  if (!caller.ok) return caller.response;

  const page = signablePageUrl(request.nextUrl.searchParams.get('url'), config.appUrl);
  if (!page.ok) {
    log.warn('jssdk.url_rejected', { reason: page.error });
    return NextResponse.json({ error: page.error, message: page.message }, { status: 400, headers: noStore });
  }

  try {
    return NextResponse.json(await signJsSdkConfig(getWeComClient(), page.url), { headers: noStore });
  } catch (error) {
    if (!isWeComError(error)) throw error;
    log.warn('jssdk.ticket_failed', { kind: error.kind, errcode: error.errcode, api: error.api });
    return weComErrorResponse(error);
  }
}
