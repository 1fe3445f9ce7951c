/**
 * The shape of a catalog: a message is a function of its parameters (plain values: strings, numbers,
 * booleans, lists of strings, ISO times) returning one sentence. `never` as the parameter type lets
 * every message keep its own precise parameters while still fitting the shape.
 */
export type Messages = Readonly<Record<string, (params: never) => string>>;

/** Another language's catalog: the same keys, each message taking exactly the same parameters. */
export type Translation<T> = { readonly [K in keyof T]: T[K] };
