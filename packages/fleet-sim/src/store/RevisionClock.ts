/**
 * The revision counter. One instance is shared by every store of a
 * simulator so resource versions are unique across the whole fleet.
 */
export class RevisionClock {
  private value = 0;

  current(): number {
    return this.value;
  }

  next(): number {
    this.value += 1;
    return this.value;
  }
}
