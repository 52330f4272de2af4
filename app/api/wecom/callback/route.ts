import type { NextRequest } from 'next/server';
import { handleWeComCallback } from '@/lib/auth/callback';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return handleWeComCallback(request);
}
