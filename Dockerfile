# beacon-catalog: the service on the embedded store with the shipped fixtures and ontologies.
# Build: docker build -t beacon-catalog .   Run: docker run -p 3000:3000 beacon-catalog

# Stage 1: install everything and compile src/ to dist/ (npm ci runs the build as `prepare`).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm ci --no-audit --no-fund

# Stage 2: runtime dependencies only, the emitted JavaScript and the data files it reads.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would compile, and the compiler is a dev dependency; dist/ comes built.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY schemas ./schemas
COPY json-ld-contexts ./json-ld-contexts
COPY fixtures/catalog.json ./fixtures/catalog.json
COPY fixtures/ontologies ./fixtures/ontologies
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=64", "dist/main.js"]
