import { NextResponse } from 'next/server';

/** What a bug is told to an API caller, from the route edge and the proxy alike: no internals. */
export function internalErrorJson(): NextResponse {
  return NextResponse.json({ error: 'internal', message: 'Something went wrong on our side; it has been logged.' }, { status: 500, headers: { 'cache-control': 'no-store' } });
}

/** What a log line says of an unexpected throw: its class only, since a message may carry a value. */
export function thrownName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
