# syntax=docker/dockerfile:1
# wecom-portal: a production image of the standalone Next.js server.
#   docker build -t wecom-portal .
#   docker run -p 3000:3000 --env-file .env.production wecom-portal
#   docker run --rm --env-file .env.production wecom-portal node doctor.js   # the setup checks (npm run doctor)
# Every step below is also run outside Docker by `npm test` (e2e/packaging.spec.ts), since
# no container engine runs where this is developed.

ARG NODE_VERSION=20.20

# 1. Dependencies exactly as the lock file says.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The production build: .next/standalone holds the server and the node_modules it traced.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build && npx tsx scripts/standalone-assets.ts

# 3. What runs: the standalone folder alone, as an unprivileged user.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
# NEXT_MANUAL_SIG_HANDLE: the app's own SIGTERM handling (finish requests in flight, close Redis, exit 0).
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NEXT_MANUAL_SIG_HANDLE=true
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# server-hooks.js first: the hooks must be in place before Next.js opens the port (lib/http/server-hooks.ts).
# The heap limit: see SERVER_NODE_FLAGS in harness/app-server.ts (docs/performance.md, memory).
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=8", "--require", "./server-hooks.js", "server.js"]
