# The app image for docker-compose.yml: Node 20, dependencies from the lock file, the web explorer built once
# (`npm run build`; the server never builds), `npm start` against the compose Neo4j (NEO4J_URI is set, so no local
# Neo4j is fetched or started).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEO4J_URI=bolt://neo4j:7687 SKIP_NEO4J_FETCH=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci
COPY . .
RUN npm run build
CMD ["npm", "start"]
