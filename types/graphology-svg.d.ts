// graphology-svg ships no types; only its string renderer is used (core/network/export.ts).
declare module "graphology-svg/renderer.js" {
  import type { AbstractGraph, Attributes } from "graphology-types";

  export interface SvgSettings<N extends Attributes, E extends Attributes> {
    width: number;
    height: number;
    margin: number;
    font?: string;
    nodes: {
      defaultColor: string;
      reducer?: ((settings: unknown, node: string, attributes: N) => Attributes) | null;
    };
    edges: {
      defaultColor: string;
      reducer?: ((settings: unknown, edge: string, attributes: E) => Attributes) | null;
    };
  }

  /** The graph as an SVG document (nodes need x, y, size and color attributes). */
  export default function renderer<N extends Attributes, E extends Attributes>(
    graph: AbstractGraph<N, E>,
    settings: SvgSettings<N, E>,
  ): string;
}
