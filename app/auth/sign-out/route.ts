import type { NextRequest } from 'next/server';
import { handleSignOut } from '@/lib/auth/sign-out';

export function POST(request: NextRequest) {
  return handleSignOut(request);
}
