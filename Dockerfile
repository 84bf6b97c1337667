# Peta Situasi Kesehatan Desa: the API server (Fastify) which also serves the built web app.
# Production talks to a PostgreSQL server through DATABASE_URL (see docker-compose.yml); the embedded
# database is for running without one and is not used here.
FROM node:20-bookworm-slim

# pnpm from the npm registry (corepack does not work with pnpm 12.21.0).
RUN npm i -g pnpm@12.21.0 && npm cache clean --force

# Chromium prints the A4 meeting packs (driven by playwright-core); DejaVu covers the Latin text of the packs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so that a source-only change reuses this layer: `pnpm fetch` needs only the lockfile.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch

# The workspace (see .dockerignore), then an offline install from the fetched store.
COPY . .
RUN pnpm install --frozen-lockfile --offline

RUN pnpm --filter @peta/web build

# Local state (import reports; the embedded database is not used with DATABASE_URL).
RUN mkdir -p /data && chown node:node /data
USER node

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    WEB_DIST=/app/apps/web/dist \
    CHROMIUM_PATH=/usr/bin/chromium
EXPOSE 3000

# First the first-start work (data/prepare.ts: migrations, the boundaries on first start, the puskesmas list, demo
# accounts when DEMO_DATA=true, or their deactivation), then the API serving the web app (exec: it receives the signals).
CMD ["sh", "-c", "pnpm --filter @peta/data first-start && exec pnpm --filter @peta/api start"]
