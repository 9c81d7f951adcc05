# syntax=docker/dockerfile:1
# Capstan: one image serving the dashboard, the Argo-compatible API and the controller on port 2746.
#   docker build -t capstan .          docker run -p 2746:2746 capstan      (embedded mode, http://localhost:2746)
# In Kubernetes see deploy/ and docs/deploy.md. The image holds only what runs: Next.js's standalone output, the
# static assets and the server bundled into dist/main.mjs with the node_modules files it uses
# (scripts/assemble-image.mjs, which the tests run outside a container too). No sources, no dev dependencies.

# The two base images. The defaults are the public Node 20 images; scripts/build-image.sh passes local ones built
# without a registry (Debian bookworm packages plus the machine's Node 20), which is how the image is built and
# tested where no registry is reachable (docs/deploy.md).
ARG BUILD_BASE=node:20-bookworm-slim
ARG RUNTIME_BASE=node:20-alpine

# Build on Debian (glibc, where npm's lock file and Next's compiler binaries are tested); nothing native is copied out.
FROM ${BUILD_BASE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# A network that intercepts TLS (a corporate proxy) needs its CA for npm: pass it as a build secret, which stays out
# of the image: `docker build --secret id=ca-certificates,src=/etc/ssl/certs/ca-certificates.crt .`
RUN --mount=type=cache,target=/root/.npm,sharing=locked --mount=type=secret,id=ca-certificates \
    if [ -f /run/secrets/ca-certificates ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca-certificates; fi \
 && npm install --no-audit --no-fund
COPY . .
RUN CAPSTAN_STANDALONE=1 npx next build && node scripts/assemble-image.mjs

# Run on Alpine: the smallest base with Node 20 (the image stays well under 250 MB).
FROM ${RUNTIME_BASE} AS runtime
# tini reaps step processes and forwards SIGTERM (graceful shutdown); bubblewrap sandboxes embedded-mode steps
# where the container runtime allows user namespaces (otherwise Capstan says so and runs them as plain processes).
# A base without apk (scripts/build-image.sh's) carries them already; the check fails the build if either is missing.
# hadolint ignore=DL3018
RUN if command -v apk >/dev/null; then apk add --no-cache tini bubblewrap ca-certificates; fi \
 && command -v tini >/dev/null && command -v bwrap >/dev/null
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
# tini by name: /sbin/tini on Alpine, /usr/bin/tini on Debian. scripts/start.sh sizes Node's heap to the memory limit
# (the container's, or CAPSTAN_MEMORY_LIMIT) and execs node dist/main.mjs.
ENTRYPOINT ["tini", "--", "sh", "scripts/start.sh"]
