# Lotse production image: the server runs from the bundle dist/server (built from src/ by esbuild;
# bin/lotse.mjs falls back to the sources through tsx only if the bundle were older than src/).
# The image needs bin/, src/ (migrations, PGlite worker), dist/ (server bundle, web apps) and the
# production node_modules. Build: docker build -t lotse .   Run: see compose.yaml and docs/deployment.md.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: all dependencies, the web apps --------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# Drop the dev dependencies (vite, vitest, react, …); tsx, drizzle-orm, pg, PGlite stay.
RUN npm prune --omit=dev --no-audit --no-fund

# --- runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# postgresql-client: pg_dump/pg_restore for `lotse backup` / `lotse restore` with DATABASE_URL.
# tini: PID 1 that forwards SIGTERM, so in-flight requests finish on `docker stop`.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOTSE_DATA_DIR=/data \
    NPM_CONFIG_UPDATE_NOTIFIER=false

WORKDIR /app
# Non-root: the image's `node` user (uid 1000) owns nothing but the data directory.
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/bin ./bin
COPY --from=build --chown=root:root /app/src ./src
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/tsconfig.json ./
RUN mkdir -p /data && chown node:node /data \
 && ln -s /app/bin/lotse.mjs /usr/local/bin/lotse
# tsx caches transpiled files in the OS temp dir, which is writable for every user.

USER node
# Embedded database (PGlite) when DATABASE_URL is not set; unused with PostgreSQL.
VOLUME ["/data"]
EXPOSE 3000

# Liveness without the database; use /api/ready in an orchestrator's readiness probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--", "node", "bin/lotse.mjs"]
CMD ["serve"]
