/**
 * The playground's workbook: state kept in the page (there is no file), the
 * embedded engine recalculating on every change. The task pane works against
 * it exactly as against Excel.
 */
import type { AssumptionStore } from "../functions/store";
import type { ApplyReport, LoadResult, SaveOptions, WorkbookHost, WorkbookState } from "../workbook/host";
import type { InfraEngine } from "../engine/engine";

export class PlaygroundHost implements WorkbookHost {
  readonly kind = "playground" as const;
  private state: WorkbookState | null = null;

  constructor(
    private readonly store: AssumptionStore,
    private readonly engine: InfraEngine,
  ) {}

  async load(): Promise<LoadResult> {
    return this.state ? { kind: "stored", state: this.state } : { kind: "empty" };
  }

  async save(state: WorkbookState, _options?: SaveOptions): Promise<ApplyReport> {
    this.state = { active: state.active, saved: [...state.saved] };
    // The engine follows the store: activating the set recalculates every INFRA cell.
    this.store.activate(state.active, state.saved);
    return { syncs: 0 };
  }

  async recalculate(): Promise<ApplyReport> {
    this.engine.recalculate();
    return { syncs: 0 };
  }

  onExternalChange(_listener: () => void): () => void {
    return () => undefined; // one author: nothing changes the state from outside
  }
}
