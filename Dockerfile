# One image for every service, compiled by `npm run build`; docker-compose.yml chooses the service
# by its command, e.g. npm run start -w @khcn/gateway | @khcn/directory | @khcn/province
# (each runs node dist/main.js). The final stage holds production dependencies only: no TypeScript,
# no tsx, no test tools.

FROM node:26-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; the tools are there for when none fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY subgraphs/province/package.json subgraphs/province/
COPY subgraphs/directory/package.json subgraphs/directory/
COPY gateway/package.json gateway/
COPY dashboard/package.json dashboard/
RUN npm ci --no-audit --no-fund
COPY . .
# The build also bundles the comparison page into dashboard/dist (vite, a development dependency),
# which the gateway serves at /dashboard; its sources go with the others.
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf test shared/src subgraphs/*/src gateway/src dashboard/src \
  && test -f dashboard/dist/index.html

FROM node:26-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app ./
# A province without DATABASE_URL keeps its embedded SQLite file here, owned by the user it runs as.
RUN mkdir -p subgraphs/province/.data && chown node:node subgraphs/province/.data
USER node
EXPOSE 4000 4001 4100
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 CMD ["node", "docker/healthcheck.mjs"]
CMD ["npm", "run", "start", "-w", "@khcn/gateway"]
