import type { NextRequest } from 'next/server';
import { jsSdkConfigAnswer } from '@/lib/jssdk/config-endpoint';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return jsSdkConfigAnswer(request);
}
