import type { NextRequest } from 'next/server';
import { handleInactive } from '@/lib/auth/sign-in-again';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return handleInactive(request);
}
