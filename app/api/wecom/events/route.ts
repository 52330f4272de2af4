import type { NextRequest } from 'next/server';
import { handleDelivery, handleUrlCheck } from '@/lib/events/receive';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return handleUrlCheck(request);
}

export function POST(request: NextRequest) {
  return handleDelivery(request);
}
