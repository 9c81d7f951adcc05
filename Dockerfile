# syntax=docker/dockerfile:1
# Capstan: one image serving the dashboard, the Argo-compatible API and the controller on port 2746.
# The custom server (server/main.ts) hosts Next.js and the controller in one process, so the image keeps
# the production node_modules beside the Next.js build instead of Next's standalone server.js.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npx next build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
# bubblewrap sandboxes embedded-mode steps; openssl makes the self-signed certificate; tini reaps children.
# Unpinned on purpose: the base image's Debian release fixes the versions and brings security updates.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends bubblewrap openssl tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=2746 \
    CAPSTAN_MODE=embedded \
    CAPSTAN_DATA_DIR=/data
COPY --from=build --chown=node:node /app/package.json /app/next.config.js ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/server ./server
COPY --from=build --chown=node:node /app/lib ./lib
RUN mkdir -p /data && chown node:node /data
USER 1000:1000
VOLUME ["/data"]
EXPOSE 2746
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||2746)+'/api/v1/version').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--import", "tsx", "server/main.ts"]
