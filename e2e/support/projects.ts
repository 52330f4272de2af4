/** The specs the `standalone` project runs again against `.next/standalone/server.js`, what the image runs. */
export const STANDALONE_SPECS = ['profile.spec.ts', 'miniprogram.spec.ts', 'security-headers.spec.ts', 'domain-verification.spec.ts'];
