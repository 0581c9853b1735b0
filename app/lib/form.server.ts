/** Form fields as a plain object: a name sent once gives a string, a name sent more often an array. */
export function formObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key === "_csrf" || key === "_intent") continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length === 0) continue;
    out[key] = key.endsWith("[]") || values.length > 1 ? values : values[0]!;
  }
  // Checkbox groups are named "perspectives[]" so that one ticked box still arrives as a list.
  for (const key of Object.keys(out)) {
    if (key.endsWith("[]")) {
      out[key.slice(0, -2)] = out[key]!;
      delete out[key];
    }
  }
  return out;
}

export function intent(form: FormData): string {
  const value = form.get("_intent");
  return typeof value === "string" ? value : "";
}
