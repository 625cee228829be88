// Menu actions that change the store take the same script lock as the web app's posts.
// Long enough to queue behind a few posts (each a few seconds), short enough that with the writes
// that follow the answer comes well inside the clients' 60 s (SUBMIT_TIMEOUT_MS in core).
export const LOCK_WAIT_MS = 12_000;
export const BUSY = "Bảng tính đang bận, thử lại sau / The spreadsheet is busy, try again";

/** Whether this execution is inside withScriptLock: an action may reach code that locks again. */
let holding = false;

/**
 * The action's result, or undefined when the lock could not be had in time. Called again from
 * within an action it runs the inner one directly: releasing there would let go of the outer lock.
 */
export function withScriptLock<T>(action: () => T): T | undefined {
  if (holding) return action();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return undefined;
  holding = true;
  try {
    const result = action();
    SpreadsheetApp.flush();
    return result;
  } finally {
    holding = false;
    lock.releaseLock();
  }
}
