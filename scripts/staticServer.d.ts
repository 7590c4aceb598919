// Types of scripts/staticServer.js for the TypeScript tests.
import type { IncomingMessage, ServerResponse } from 'http';

export declare function createStaticHandler(
  root: string,
  options?: { index?: string },
): (request: IncomingMessage, response: ServerResponse) => void;
export declare function contentTypeOf(filePath: string): string;
