import type { NextRequest } from 'next/server';
import { miniProgramLoginAnswer } from '@/lib/miniprogram/login-endpoint';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest) {
  return miniProgramLoginAnswer(request);
}
