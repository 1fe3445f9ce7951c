/**
 * "1 row", "2 rows": counts in messages agree with their noun. English only (ctdial's messages are
 * English; Russian appears only where it names the user's own file or the Calltouch cabinet).
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The noun alone, for sentences where the number stands elsewhere ("3 requests were accepted"). */
export function noun(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}
