// The Google Sheets API client: the real googleapis client, authorised by a service-account key
// (GOOGLE_APPLICATION_CREDENTIALS) or by application default credentials.
import { readFileSync } from "node:fs";
import type { sheets_v4 } from "googleapis/build/src/apis/sheets/index.js";
import { Refusal } from "../refusal.js";

const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";
const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
// Big write bodies take a while on a slow provincial link; a dead one must not hang the command.
const REQUEST_TIMEOUT_MS = 120_000;

export interface SheetsConnection {
  sheets: sheets_v4.Sheets;
  /** The service account's e-mail: the address the spreadsheet must be shared with. */
  account: string | undefined;
}

interface ServiceAccountKey {
  clientEmail: string | undefined;
  tokenUri: string | undefined;
}

/** Only the fields chitieu needs; the private key stays inside google-auth-library. */
function readKeyFile(file: string): ServiceAccountKey {
  let json: { type?: unknown; client_email?: unknown; token_uri?: unknown };
  try {
    json = JSON.parse(readFileSync(file, "utf8")) as typeof json;
  } catch (err) {
    const reason =
      err instanceof SyntaxError ? "không phải JSON / not JSON" : (err as Error).message;
    throw new Refusal(
      `Không đọc được khóa GOOGLE_APPLICATION_CREDENTIALS / cannot read the key file ${file}: ${reason}`,
    );
  }
  const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  return json.type === "service_account"
    ? { clientEmail: text(json.client_email), tokenUri: text(json.token_uri) }
    : { clientEmail: undefined, tokenUri: undefined };
}

/**
 * Connects with the environment's credentials. `CHITIEU_SHEETS_ROOT_URL` points the client at
 * another Sheets endpoint (a private endpoint, or the loopback fake the tests run); a key's own
 * `token_uri` is honoured, as Google's Python and Java libraries do, since google-auth-library
 * for Node always posts to Google's token URL.
 */
export async function connectSheets(env: NodeJS.ProcessEnv): Promise<SheetsConnection> {
  // googleapis bundles every Google API: its index takes 1.7 s to load and 900 declaration files
  // to type-check, its Sheets entry 0.3 s and two. Loaded here, so only `push` pays even that.
  const google = await import("googleapis/build/src/apis/sheets/index.js");
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS || undefined;
  const key = keyFile ? readKeyFile(keyFile) : undefined;
  const auth = new google.auth.GoogleAuth({ keyFile, scopes: [SHEETS_SCOPE] });
  // The client is cached by `auth`: the one handed to googleapis below carries the interceptor.
  const client = await auth.getClient();
  const tokenUri = key?.tokenUri;
  if (tokenUri && tokenUri !== GOOGLE_TOKEN_URL) {
    client.transporter.interceptors.request.add({
      resolved: async (options) => {
        if (String(options.url) === GOOGLE_TOKEN_URL) options.url = new URL(tokenUri);
        return options;
      },
    });
  }
  const sheets = google.sheets({
    version: "v4",
    auth,
    rootUrl: env.CHITIEU_SHEETS_ROOT_URL || undefined,
    // Retries are chitieu's (backoff.ts), which count every request and honour Retry-After.
    retry: false,
    timeout: REQUEST_TIMEOUT_MS,
  });
  return { sheets, account: key?.clientEmail };
}
