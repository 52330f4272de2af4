import type { NextRequest } from 'next/server';
import { membersAnswer } from '@/lib/admin/admin-api';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  return membersAnswer(request);
}
