// The one shape every parser and loader in core answers with: the value, or why there is none.

/** A success carries `value`; a failure carries `error`, typed by the parser that refused. */
export type Result<T, E> = Ok<T> | Err<E>;
export interface Ok<T> {
  ok: true;
  value: T;
}
export interface Err<E> {
  ok: false;
  error: E;
}

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}
