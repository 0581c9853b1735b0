/** The Dutch catalog is the source; every other language must have exactly its keys. */
export type CatalogOf<T> = { [K in keyof T]: T[K] extends string ? string : CatalogOf<T[K]> };
