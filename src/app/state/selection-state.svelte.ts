/**
 * What the user is looking at: selected canvas elements, the flow whose path is traced, the
 * attackers of the lens and the finding being highlighted. Ids only — never model objects.
 */
export class SelectionState {
  /** Selected entity ids (multi-select with Shift/Ctrl on the canvas). */
  ids = $state.raw<string[]>([]);
  /** The flow whose path and header stacks are shown. */
  flow = $state<string | undefined>(undefined);
  /** Attackers whose view the canvas and the matrix show. */
  attackers = $state.raw<string[]>([]);
  /** The finding whose subjects are highlighted (index into the findings list). */
  finding = $state<number | undefined>(undefined);
  /** The flow × attacker cell whose reasons are open. */
  cell = $state.raw<{ flow: string; attacker: string } | undefined>(undefined);

  get primary(): string | undefined {
    return this.ids[0];
  }

  select(ids: string[]): void {
    const next = ids.filter((id, i) => ids.indexOf(id) === i);
    // Same selection (e.g. echoed back by the canvas): keep the array, so nothing re-runs.
    if (next.length === this.ids.length && next.every((id, i) => id === this.ids[i])) return;
    this.ids = next;
  }

  toggle(id: string): void {
    this.ids = this.ids.includes(id) ? this.ids.filter((x) => x !== id) : [...this.ids, id];
  }

  clear(): void {
    this.ids = [];
    this.finding = undefined;
  }

  toggleAttacker(id: string): void {
    this.attackers = this.attackers.includes(id) ? this.attackers.filter((x) => x !== id) : [...this.attackers, id];
  }

  /** Drops ids that no longer exist after an edit or a new file. */
  prune(known: Set<string>): void {
    const ids = this.ids.filter((id) => known.has(id));
    if (ids.length !== this.ids.length) this.ids = ids;
    const attackers = this.attackers.filter((id) => known.has(id));
    if (attackers.length !== this.attackers.length) this.attackers = attackers;
    if (this.flow && !known.has(this.flow)) this.flow = undefined;
    if (this.cell && !(known.has(this.cell.flow) && known.has(this.cell.attacker))) this.cell = undefined;
  }
}
