import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { signedInRoute } from '@/lib/http/route';
import { signJsSdkConfig } from '@/lib/jssdk/jssdk-config';
import { signablePageUrl } from '@/lib/jssdk/page-url';
import { log } from '@/lib/log';
import { getWeComClient } from '@/lib/wecom';

export const dynamic = 'force-dynamic';

/** Signatures for one of this app's pages (`?url=location.href`), for a signed-in member. */
export const GET = signedInRoute({ name: 'jssdk_config', access: 'cookie' }, async (request) => {
  const page = signablePageUrl(request.nextUrl.searchParams.get('url'), getConfig().appUrl);
  if (!page.ok) {
    log.warn('jssdk.url_rejected', { reason: page.error });
    return NextResponse.json({ error: page.error, message: page.message }, { status: 400 });
  }
  return NextResponse.json(await signJsSdkConfig(getWeComClient(), page.url));
});
