/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app never needs to say what powers it; one header less to fingerprint.
  poweredByHeader: false,
};

export default nextConfig;
