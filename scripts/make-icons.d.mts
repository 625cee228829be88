// Types of make-icons.mjs for the TypeScript tests that call it.
export type Glyph = (x: number, y: number) => boolean;
export declare const glyphs: { icon: Glyph; check: Glyph };
export declare function drawIcon(glyph: Glyph, size: number): Uint8Array;
export declare function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
export declare const iconFiles: { name: string; glyph: "icon" | "check"; size: number }[];
export declare const assetsDir: string;
export declare function makeIcons(outdir?: string): string[];
