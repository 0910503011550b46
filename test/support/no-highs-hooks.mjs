// Node module-resolution hooks that make the optional `highs` package look uninstalled, as after
// `npm install --omit=optional`. Registered by no-highs-register.mjs (`node --import`).
export async function resolve(specifier, context, next) {
  if (specifier === "highs" || specifier.startsWith("highs/")) {
    const err = new Error(`Cannot find package '${specifier}' imported from ${context.parentURL ?? "(unknown)"}`);
    err.code = "ERR_MODULE_NOT_FOUND";
    throw err;
  }
  return next(specifier, context);
}
