/** @type {import('next').NextConfig} */
const nextConfig = {
  // The image runs .next/standalone/server.js with only the traced node_modules (see Dockerfile).
  output: 'standalone',
  // The app never needs to say what powers it; one header less to fingerprint.
  poweredByHeader: false,
  // next dev prints both; its hot reload must work on either (the proxy moves pages to APP_URL's).
  allowedDevOrigins: ['localhost', '127.0.0.1'],
  // forbidden() renders app/forbidden.tsx with a 403 for members who are not the app's admins.
  experimental: { authInterrupts: true },
  // `next dev` logs each request's URL; the sign-in callback's carries the OAuth code.
  logging: { incomingRequests: { ignore: [/\/api\/wecom\/callback/] } },
  // WeCom's domain-ownership files live at the site's root; a route answers them from
  // WECOM_DOMAIN_VERIFICATION (any other WW_verify_ name is a 404 there, not a sign-in).
  async rewrites() {
    return [{ source: '/:file(WW_verify_[^/]*)', destination: '/api/wecom/domain-verification/:file' }];
  },
  // Lets a benchmark or a second checkout build beside the default .next without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
