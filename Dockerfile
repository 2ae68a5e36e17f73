# One image per service: `docker build --build-arg SERVICE=subgraphs/directory .` (or gateway).
# The build compiles every workspace once; the runtime stage keeps production dependencies only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.base.json tsconfig.json .swcrc ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY subgraphs/directory/package.json subgraphs/directory/
COPY subgraphs/partnerships/package.json subgraphs/partnerships/
COPY subgraphs/programs/package.json subgraphs/programs/
COPY subgraphs/events/package.json subgraphs/events/
COPY scripts/package.json scripts/
RUN npm ci
COPY . .
RUN npm run build && npm run build:js

FROM node:20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1 SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /app /app
RUN npm prune --omit=dev
USER node
CMD ["sh", "-c", "exec node --enable-source-maps ${SERVICE}/dist/index.js"]
