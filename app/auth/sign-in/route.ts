import type { NextRequest } from 'next/server';
import { handleSignInAgain } from '@/lib/auth/sign-in-again';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return handleSignInAgain(request);
}
