// Types of scripts/localizeMetadata.js for the TypeScript tests.
import type { ICustomFunctionsMetadata } from 'custom-functions-metadata';

/** One function's translation: description, and name + description per parameter (keyed by the English name). */
export interface FunctionTranslation {
  description: string;
  parameters?: Record<string, { name: string; description: string }>;
}

/** Function id → translation; keys starting with '$' are comments. */
export type TranslationTable = Record<string, FunctionTranslation | string>;

export declare function localizeMetadata(
  metadata: ICustomFunctionsMetadata,
  table: TranslationTable,
  tableName?: string,
): { metadata: ICustomFunctionsMetadata; errors: string[] };
