/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app never needs to say what powers it; one header less to fingerprint.
  poweredByHeader: false,
  // Set by the test harness so that several instances can be built/started side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
