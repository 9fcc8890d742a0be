# The production app image (docker-compose.yml: `app`, and `app1`/`app2` of the cluster profile).
# Stage 1 builds the web explorer with the dev dependencies; stage 2 is what runs: Node 20, production dependencies
# only (tsx runs the TypeScript sources), NODE_ENV=production, the unprivileged `node` user, a health check. NEO4J_URI
# is set, so `start/start.ts` uses that database and never fetches or starts a local Neo4j.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV SKIP_NEO4J_FETCH=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production SKIP_NEO4J_FETCH=1 NEO4J_URI=bolt://neo4j:7687 HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY schema ./schema
COPY db ./db
COPY seed ./seed
COPY server ./server
COPY start ./start
COPY neo4j ./neo4j
COPY --from=build /app/web/dist ./web/dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "start/start.ts"]
