import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/** For load balancers: answers without a session and without calling WeCom. */
export function GET() {
  return NextResponse.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
