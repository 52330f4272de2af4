import type { NextRequest } from 'next/server';
import { gateRequest } from '@/lib/auth/proxy-gate';

// Next 16 calls this file what earlier versions called middleware.ts; it runs on Node.
export function proxy(request: NextRequest) {
  return gateRequest(request);
}

export const config = {
  // Static assets and files with an extension (favicon, images) never need a session.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|css|js|txt|woff2?)$).*)'],
};
