/**
 * Sample parameters per message key, one or more (to walk a message's branches). The type demands an
 * entry for every key of the area, so a new message without samples fails the typecheck.
 */
export type Samples<T> = {
  readonly [K in keyof T]: readonly (T[K] extends () => string
    ? Record<string, never>
    : T[K] extends (params: infer P) => string
      ? P
      : never)[];
};
