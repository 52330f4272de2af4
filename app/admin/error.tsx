'use client';

import { ErrorPanel } from '@/components/error-panel';

export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel reset={reset} />;
}
