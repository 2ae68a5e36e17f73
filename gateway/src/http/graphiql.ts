import { dirname, join } from "node:path";
import express, { type Router } from "express";

/**
 * The self-hosted IDE: GraphiQL served from its npm package (no CDN), so analysts can explore
 * the schema offline. A browser asking GET /graphql for HTML gets the page; everything else
 * at /graphql is GraphQL.
 */
export function graphiqlRouter(endpoint = "/graphql"): Router {
  const router = express.Router();
  const packageFile = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
  const files: Record<string, string> = {
    "react.js": packageFile("react", "umd/react.production.min.js"),
    "react-dom.js": packageFile("react-dom", "umd/react-dom.production.min.js"),
    "graphiql.js": packageFile("graphiql", "graphiql.min.js"),
    "graphiql.css": packageFile("graphiql", "graphiql.min.css"),
  };
  router.get("/ide/:file", (req, res, next) => {
    const file = files[req.params.file];
    if (!file) return next();
    res.setHeader("Cache-Control", "public, max-age=86400");
    res.sendFile(file);
  });
  const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Sister Cities Graph — GraphiQL</title>
  <link rel="stylesheet" href="/ide/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the IDE…</div>
  <script src="/ide/react.js"></script>
  <script src="/ide/react-dom.js"></script>
  <script src="/ide/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)}, headers: { "apollo-require-preflight": "true" } });
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, {
        fetcher,
        isHeadersEditorEnabled: true,
        defaultHeaders: JSON.stringify({ Authorization: "Bearer <token from npm run token>" }, null, 2),
        defaultQuery: "# Sister Cities Graph\\n{\\n  community(slug: \\"seattle-wa-us\\") {\\n    name\\n    country { name }\\n  }\\n}\\n",
      }),
    );
  </script>
</body>
</html>`;
  router.get(endpoint, (req, res, next) => {
    const wantsHtml = req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
    if (!wantsHtml || req.query.query !== undefined || req.query.extensions !== undefined) return next();
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'");
    res.send(page);
  });
  return router;
}
