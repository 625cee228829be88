// The chitieu/1 suite against `chitieu serve`: Fastify and SQLite over real HTTP, status codes included.
import { afterAll } from "vitest";
import { chitieu1Suite } from "./chitieu1.suite.js";
import { serveServer, suitePlan } from "./servers.js";

const server = serveServer();
afterAll(() => server.close());
chitieu1Suite("chitieu serve", server, suitePlan());
