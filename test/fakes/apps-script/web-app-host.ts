// The web app as Google serves it at its …/exec address, in front of a fake Apps Script world: a
// POST runs doPost and its answer is served from a one-time address the client is redirected to
// (302, then a GET answered 200), as the Content service guide describes. A deployment whose access
// is not "Anyone" answers Google's sign-in page, and a script that fails answers Google's HTML
// error page — both with status 200, which is what a client must not mistake for a receipt.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AppsScriptWorld } from "./runtime.js";

const MIME: Record<string, string> = {
  JSON: "application/json; charset=utf-8",
  TEXT: "text/plain; charset=utf-8",
};

const SIGN_IN_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Google Accounts</title></head><body><form action="https://accounts.google.com/v3/signin/identifier" method="post"><h1>Sign in</h1><p>to continue to Google Apps Script</p><input type="email" name="identifier"></form></body></html>`;

const errorPage = (message: string) =>
  `<!DOCTYPE html><html><head><link rel="shortcut icon" href="//ssl.gstatic.com/docs/script/images/favicon.ico"><title>Error</title><style type="text/css">body {background-color: #fff; margin: 0; padding: 0;}</style></head><body style="margin:20px"><div><img alt="Google Apps Script" src="//ssl.gstatic.com/docs/script/images/logo.png"></div><div style="text-align:center;font-family:monospace;margin:50px auto 0;max-width:600px">${message}</div></body></html>`;

export interface WebAppHost {
  /** The deployment's address, ending in /exec as Google's do. */
  url: string;
  /** "signed-in": the deployment's access is not "Anyone"; posts get the sign-in page. */
  access: "anyone" | "signed-in";
  /** When set, the next posts fail in Apps Script with this message (a quota, the time limit). */
  failure?: string;
  posts: number;
  close(): Promise<void>;
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startWebAppHost(world: AppsScriptWorld): Promise<WebAppHost> {
  const answers = new Map<string, { text: string; mimeType: string }>();
  const host: WebAppHost = {
    url: "",
    access: "anyone",
    posts: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (request.method === "POST" && url.pathname.endsWith("/exec")) {
        const body = await bodyOf(request);
        host.posts++;
        if (host.access !== "anyone") {
          response.writeHead(302, { location: "/ServiceLogin?service=wise" }).end();
          return;
        }
        if (host.failure) {
          response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          response.end(errorPage(host.failure));
          return;
        }
        const key = randomUUID();
        answers.set(key, world.post(body));
        response.writeHead(302, { location: `/macros/echo?user_content_key=${key}` }).end();
        return;
      }
      if (request.method === "GET" && url.pathname === "/macros/echo") {
        const key = url.searchParams.get("user_content_key") ?? "";
        const answer = answers.get(key);
        answers.delete(key);
        if (!answer) {
          response.writeHead(404, { "content-type": "text/html" }).end(errorPage("Not found"));
          return;
        }
        response.writeHead(200, { "content-type": MIME[answer.mimeType] ?? MIME.TEXT });
        response.end(answer.text);
        return;
      }
      if (request.method === "GET" && url.pathname === "/ServiceLogin") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(SIGN_IN_PAGE);
        return;
      }
      response.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  host.url = `http://127.0.0.1:${port}/macros/s/AKfycbFakeDeployment/exec`;
  return host;
}
