/**
 * Opens the libSQL client the Node entry runs on, the same way for the server and for the API
 * test fixtures. An embedded `file:` database gets the one-connection client that prepares each
 * statement once (./embedded-client.ts); it turns on WAL (kept in the file, so readers
 * are not blocked by a writer) and queues every call through serializeClient, because the
 * embedded driver cannot wait for its own locks without blocking the event loop. The busy
 * timeout is given when the connection opens; after the queue it only matters when
 * another process, such as `npm run staff:create`, writes the same file. A `libsql://` or
 * `http://` URL is left as is: that server orders writes itself.
 */
import { createClient, type Client } from "@libsql/client";
import { openEmbeddedClient } from "./embedded-client";
import { serializeClient } from "./serialized-client";

/** How long a connection waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** The settings an embedded file database is opened with (also applied by the bench's raw-insert baseline). */
export const FILE_DATABASE_PRAGMAS = ["PRAGMA journal_mode = WAL"] as const;

export async function openNodeLibsqlClient(url: string, authToken?: string): Promise<Client> {
  if (!url.startsWith("file:")) return createClient({ url, authToken });
  const client = serializeClient(openEmbeddedClient(url, BUSY_TIMEOUT_MS));
  for (const pragma of FILE_DATABASE_PRAGMAS) await client.execute(pragma);
  return client;
}
