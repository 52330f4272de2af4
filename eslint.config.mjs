// `npm run check`: Next.js's own rules (core web vitals + TypeScript), flat config.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    // Tests and the mock are not React: their `use…` helpers (vitest setup, Playwright fixtures) are not hooks.
    files: ['test/**', 'e2e/**', 'scripts/**', 'mock/**', 'harness/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'test-results/**', 'bench-results/**', '.e2e-logs/**', 'next-env.d.ts'],
  },
];

export default config;
