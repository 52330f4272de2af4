import { NextResponse } from 'next/server';
import { publicRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** For load balancers: answers without a session and without calling WeCom. */
export const GET = publicRoute({ name: 'health' }, async () => NextResponse.json({ status: 'ok' }));
