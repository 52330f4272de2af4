import { NextResponse } from 'next/server';
import { signedInRoute } from '@/lib/http/route';
import { myProfile } from '@/lib/profile/my-profile';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute({ name: 'me', access: 'cookie-or-bearer' }, async (_request, caller) => NextResponse.json(await myProfile(caller)));
