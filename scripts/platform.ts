import { tmpdir } from "node:os";
import { join } from "node:path";

/** The repository's root, from build/node/scripts/ where these scripts run compiled. */
export const ROOT = join(__dirname, "..", "..", "..");

/** Desktop Excel can be sideloaded only on Windows and Mac; elsewhere `npm start` serves the playground. */
export const sideloads = process.platform === "win32" || process.platform === "darwin";

/** Where `npm start` leaves its server's process id for `npm stop`. */
export const PID_FILE = join(tmpdir(), "aibudget-server.pid");
