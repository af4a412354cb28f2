// Minimal types of fontkit (the font engine pdfkit is built on and ships with) for what the goal
// agreement PDF uses: parsing the embedded fonts once per process and measuring shaped runs.
declare module 'fontkit' {
  export interface GlyphRun {
    advanceWidth: number;
  }
  export interface Font {
    unitsPerEm: number;
    postscriptName: string;
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
