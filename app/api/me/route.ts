import type { NextRequest } from 'next/server';
import { myProfileAnswer } from '@/lib/miniprogram/my-profile-endpoint';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return myProfileAnswer(request);
}
