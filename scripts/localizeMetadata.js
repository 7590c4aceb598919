// Builds a localized functions metadata file (functions-zh-cn.json) from functions.json and a translation table.
'use strict';

function nonEmptyString(value) {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Translates descriptions and parameter names/descriptions; ids, function names, parameter counts, types,
 * dimensionality, options and results are copied, so every locale registers the same functions.
 * Keys of `table` starting with '$' are comments. Returns every problem at once instead of the first.
 */
function localizeMetadata(metadata, table, tableName = 'translation table') {
  const errors = [];
  const functions = Array.isArray(metadata && metadata.functions) ? metadata.functions : [];
  if (functions.length === 0) errors.push('functions.json has no functions to translate');
  const ids = new Set(functions.map((fn) => fn.id));
  for (const key of Object.keys(table)) {
    if (!key.startsWith('$') && !ids.has(key)) {
      errors.push(`${tableName}: "${key}" is not a function id in functions.json (stale entry?)`);
    }
  }
  const localized = functions.map((fn) => {
    const entry = table[fn.id];
    if (entry === undefined || entry === null || typeof entry !== 'object') {
      errors.push(`${tableName}: missing entry for function ${fn.id}`);
      return fn;
    }
    if (!nonEmptyString(entry.description)) {
      errors.push(`${tableName}: ${fn.id}.description must be a non-empty string`);
    }
    const given = entry.parameters && typeof entry.parameters === 'object' ? entry.parameters : {};
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const key of Object.keys(given)) {
      if (!names.has(key))
        errors.push(`${tableName}: ${fn.id}.parameters.${key} is not a parameter of ${fn.id}`);
    }
    const parameters = fn.parameters.map((parameter) => {
      const translation = given[parameter.name];
      if (!translation || !nonEmptyString(translation.name) || !nonEmptyString(translation.description)) {
        errors.push(
          `${tableName}: ${fn.id}.parameters.${parameter.name} needs a non-empty name and description`,
        );
        return parameter;
      }
      return { ...parameter, name: translation.name, description: translation.description };
    });
    return { ...fn, description: entry.description, parameters };
  });
  return { metadata: { ...metadata, functions: localized }, errors };
}

module.exports = { localizeMetadata };
