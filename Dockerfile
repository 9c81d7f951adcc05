# syntax=docker/dockerfile:1
# Capstan: one image serving the dashboard, the Argo-compatible API and the controller on port 2746.
#   docker build -t capstan .          docker run -p 2746:2746 capstan      (embedded mode, http://localhost:2746)
# In Kubernetes see deploy/ and docs/deploy.md. The image holds only what runs: Next.js's standalone output, the
# static assets and the server bundled into dist/main.mjs with the node_modules files it uses
# (scripts/assemble-image.mjs, which the tests run outside a container too). No sources, no dev dependencies.

# Build on Debian (glibc, where npm's lock file and Next's compiler binaries are tested); nothing native is copied out.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN CAPSTAN_STANDALONE=1 npx next build && node scripts/assemble-image.mjs

# Run on Alpine: the smallest base with Node 20 (the image stays well under 250 MB).
FROM node:20-alpine AS runtime
# tini reaps step processes and forwards SIGTERM (graceful shutdown); bubblewrap sandboxes embedded-mode steps
# where the container runtime allows user namespaces (otherwise Capstan says so and runs them as plain processes).
# hadolint ignore=DL3018
RUN apk add --no-cache tini bubblewrap ca-certificates
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=2746 \
    CAPSTAN_MODE=embedded \
    CAPSTAN_DATA_DIR=/data \
    CAPSTAN_NEXT_RUNTIME_DIR=/tmp/capstan-next
COPY --from=build --chown=1000:1000 /app/dist/image ./
RUN mkdir -p /data && chown 1000:1000 /data
# Non-root; /app stays read-only at run time (the per-BASE_HREF build copy goes to /tmp, state to /data).
USER 1000:1000
VOLUME ["/data"]
EXPOSE 2746
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["node", "-e", "const e=process.env,s=e.CAPSTAN_SECURE?e.CAPSTAN_SECURE==='true':e.CAPSTAN_MODE==='kubernetes';require(s?'https':'http').get({host:'127.0.0.1',port:e.PORT||2746,path:'/healthz',rejectUnauthorized:false},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]
ENTRYPOINT ["/sbin/tini", "--", "node", "dist/main.mjs"]
