// The baseline receiver bench/run.sh measures Switchboard against: what a Probot app does with a delivery
// (@octokit/webhooks verifies the signature, parses the JSON and dispatches to the handlers) but kept in
// memory only, so whatever Switchboard spends on durability shows as the difference.
// Usage: GITHUB_WEBHOOK_SECRET=... PORT=3000 node server.mjs
import { createServer } from "node:http";
import { Webhooks, createNodeMiddleware } from "@octokit/webhooks";

const webhooks = new Webhooks({ secret: process.env.GITHUB_WEBHOOK_SECRET });
const counts = new Map();
webhooks.onAny(({ name, payload }) => {
  const key = `${name}.${payload.action ?? ""}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
});
const middleware = createNodeMiddleware(webhooks, { path: "/api/webhooks/github" });
const server = createServer(async (req, res) => {
  if (req.url === "/counts") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(Object.fromEntries(counts)));
    return;
  }
  if (!(await middleware(req, res))) {
    res.statusCode = 404;
    res.end();
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  console.log(`octokit receiver on ${server.address().port}`);
});
