# syntax=docker/dockerfile:1
# Aman in a container: `docker compose up -d` (compose.yaml) or see README, "Running it".
# NODE_IMAGE: any Debian-based image with Node 20 (deploy/check-container.sh builds one locally
# where Docker Hub is out of reach).
ARG NODE_IMAGE=node:20-slim

# Build stage: better-sqlite3 compiles here (python3, make, g++), never in the image that runs.
FROM ${NODE_IMAGE} AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Behind a TLS-inspecting proxy, pass its CA: --build-arg NODE_EXTRA_CA_CERTS=/path (mounted with -v).
ARG NODE_EXTRA_CA_CERTS
RUN npm ci --omit=dev --no-audit --no-fund
COPY src ./src
COPY knowledge ./knowledge
COPY tsconfig.json ./

# Run stage: Node 20 slim, the app and its production modules, a user without privileges.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    DATABASE_PATH=/data/aman.sqlite \
    BACKUP_DIR=/data/backups \
    KNOWLEDGE_DIR=/app/knowledge \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080
WORKDIR /app
COPY --from=build /app /app
# The user is written into passwd directly: slim images need no useradd for it.
RUN echo 'aman:x:10001:10001:Aman:/data:/usr/sbin/nologin' >> /etc/passwd && echo 'aman:x:10001:' >> /etc/group \
 && mkdir -p /data && chown 10001:10001 /data
USER 10001:10001
VOLUME ["/data"]
EXPOSE 8080
# Liveness: the process answers on its own port (GET /healthz); readiness is GET /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Exec form: node is PID 1 and receives SIGTERM itself (it drains and exits within 4 s).
CMD ["node", "--import", "tsx", "src/main.ts"]
