# One image for every service; docker-compose.yml chooses the service by its command, e.g.
#   npm run start -w @khcn/gateway | @khcn/directory | @khcn/province
# The services run their TypeScript through tsx (a runtime dependency), as `npm start` does.

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; the tools are there for when none fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY subgraphs/province/package.json subgraphs/province/
COPY subgraphs/directory/package.json subgraphs/directory/
COPY gateway/package.json gateway/
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Every node_modules folder npm ci made (the root's, and a workspace's own if it has one).
COPY --from=dependencies /app ./
COPY . .
# A province without DATABASE_URL keeps its embedded SQLite file here.
RUN mkdir -p subgraphs/province/.data && chown node:node subgraphs/province/.data
USER node
EXPOSE 4000 4001 4100
CMD ["npm", "run", "start", "-w", "@khcn/gateway"]
