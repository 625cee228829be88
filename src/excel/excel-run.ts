// Excel.run as the add-in needs it while an officer may be typing in a cell: Excel fails a batch in
// cell edit mode unless RunOptions.delayForCellEdit holds it until they leave the cell (ExcelApi 1.5).
import type { AddinDeps } from "./operations.js";
import { notices, NoticeError } from "./notices.js";

export interface ExcelHost {
  run<T>(
    options: Excel.RunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function inCellEditMode(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === "InvalidOperationInCellEditMode";
}

/**
 * Batches wait for the officer to leave the cell where the host can hold them; where it cannot (or
 * does not), the failure becomes a message that says to press Enter, not Excel's own code.
 */
export function excelRunner(excel: ExcelHost, requirements: Requirements): AddinDeps["run"] {
  const canDelay = requirements.isSetSupported("ExcelApi", "1.5");
  return async (batch) => {
    try {
      return canDelay ? await excel.run({ delayForCellEdit: true }, batch) : await excel.run(batch);
    } catch (err) {
      if (inCellEditMode(err)) throw new NoticeError(notices.cellEdit);
      throw err;
    }
  };
}
