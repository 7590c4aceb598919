/** jsdom lacks TextDecoder/TextEncoder, which the .xlsx reader needs at load: Node's, imported before it. */
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextDecoder, TextEncoder });
