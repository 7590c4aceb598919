// Types of scripts/manifest.js (production manifest generation) for the TypeScript tests.
export declare const DEV_BASE_URL: string;
/** Returns the validated base URL (https, ending with '/'); undefined or empty → DEV_BASE_URL. Throws otherwise. */
export declare function resolveBaseUrl(value: string | undefined): string;
/** The manifest XML with every URL's development base replaced by `baseUrl`. Throws on an invalid base. */
export declare function buildManifest(xml: string, baseUrl: string | undefined): string;
