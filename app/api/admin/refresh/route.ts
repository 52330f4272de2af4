import type { NextRequest } from 'next/server';
import { refreshAnswer } from '@/lib/admin/admin-api';

export function POST(request: NextRequest) {
  return refreshAnswer(request);
}
