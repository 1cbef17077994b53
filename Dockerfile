# syntax=docker/dockerfile:1
# One image for the three production processes (docker-compose.yml picks the entry file):
#   node services/app/dist/api.js | projector.js | live.js

# ---- build: every dependency, compile, then drop the dev dependencies --------------------------
# Node 22 (LTS): Node 20's support ended in April 2026. Pinned, so a rebuild gets the same runtime.
FROM node:22.22.0-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (the embedded store, still a dependency) compiles from source when no prebuilt
# binary matches the platform; these are only needed then, and only in this stage.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# Manifests first, so that `npm ci` is cached until a dependency changes. Every workspace's
# package.json is needed for the lockfile to match, even those not built here (test, bench).
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY projections/package.json projections/
COPY services/api/package.json services/api/
COPY services/live/package.json services/live/
COPY services/web/package.json services/web/
COPY services/app/package.json services/app/
COPY test/package.json test/
COPY bench/package.json bench/
RUN npm ci --no-audit --no-fund

# Only what the build reads, never `COPY . .` (it would bring the host's node_modules). Outputs a
# host may have built are removed first so that the image is compiled from these sources only.
COPY tsconfig.json tsconfig.base.json ./
COPY shared shared
COPY projections projections
COPY services services
RUN npm run clean --silent \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- run -------------------------------------------------------------------------------------
FROM node:22.22.0-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Root-owned and read-only to the process; only the data folder (embedded stores, a generated
# secret when TAYARI_JWT_SECRET is unset) is writable by it.
COPY --from=build /app /app
RUN mkdir -p /app/data && chown node:node /app/data
ENV TAYARI_DATA=/app/data
USER node
EXPOSE 8080
# Compose overrides this per service; alone, the image runs the all-in-one process.
CMD ["node", "services/app/dist/main.js"]
