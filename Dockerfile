# The advisor as one replica: `docker build -t advisor .`, then see compose.yaml for two replicas on PostgreSQL.
# Build stage: native modules (better-sqlite3, hnswlib-node) are compiled here, the TypeScript built, the
# retrieval index made; the dev dependencies are then dropped.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# the lock file alone for the install (a layer kept while it does not change); scripts run after the copy
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm rebuild better-sqlite3 hnswlib-node \
  && npm run build \
  && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/knowledge ./knowledge
COPY --from=build /app/retrieval/glossary.yaml ./retrieval/glossary.yaml
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# alive: the store writes (the load balancer should use /readyz, which also turns red while a replica stops)
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM: stop taking events, finish or hand back, close the store (STOP_GRACE_MS, default 10 s)
STOPSIGNAL SIGTERM
CMD ["node", "--max-old-space-size=256", "dist/bot/main.js"]
