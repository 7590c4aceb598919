// Types of scripts/icons.js for the TypeScript tests.
export declare const ICON_SIZES: number[];
export declare function renderIcon(size: number): Buffer;
export declare function encodePng(width: number, height: number, rgb: Buffer): Buffer;
export declare function crc32(buffer: Buffer): number;
export declare function iconPath(size: number): string;
