/**
 * `SameJson<Hand, Derived>` is `true` when a hand-written type and a type derived from the
 * API document describe the same JSON (as slice-common's `api/typeChecks.ts` checks the
 * read model): mutually assignable, also with every property made required, so a field
 * only one side has, or optional on one side only, shows.
 */
type AllRequired<T> = T extends object
  ? { [K in keyof T]-?: AllRequired<T[K]> }
  : T;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type SameJson<Hand, Derived> = Mutual<Hand, Derived> extends true
  ? Mutual<AllRequired<Hand>, AllRequired<Derived>>
  : false;

/** Compiles only for `true`. */
export type Assert<T extends true> = T;
