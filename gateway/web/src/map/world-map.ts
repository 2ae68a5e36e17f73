import { geoGraticule10, geoNaturalEarth1, geoPath, type GeoContext, type GeoPermissibleObjects, type GeoProjection } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import type { CommunityCount, MapPartnership } from "./network-data";

/** Where the map looks: the United States in the middle, so every arc to a partner stays on the map. */
const CENTRAL_MERIDIAN = -96;
const MIN_ZOOM = 1;
const MAX_ZOOM = 24;

interface Point {
  x: number;
  y: number;
}

interface Transform {
  k: number;
  x: number;
  y: number;
}

/** A community as drawn: where (in projected, unzoomed pixels), how big, and what it is. */
interface DrawnCommunity extends CommunityCount {
  at: Point;
  radius: number;
}

const COLORS = {
  ocean: "#eef4f8",
  land: "#dfe5dc",
  border: "#b7c0b3",
  graticule: "#dde6ec",
  arc: "rgba(37, 99, 235, 0.22)",
  arcSelected: "rgba(220, 38, 38, 0.85)",
  point: "rgba(30, 64, 175, 0.75)",
  pointSelected: "#dc2626",
};

/**
 * The world map on one canvas, drawn with d3-geo (Natural Earth projection of world-atlas's Natural
 * Earth 1:110m countries): arcs from each US community to its partner abroad, communities as points
 * sized by their partnerships. Everything projected is kept in Path2D objects built once per data
 * change, so a frame (pan, zoom, selection) is a few fills and strokes, whatever the number of arcs;
 * 25,000 arcs are one path. Pointer: drag pans, wheel zooms, click selects the nearest community.
 * Keyboard (the canvas is focusable): arrows pan, + and − zoom, 0 resets.
 */
export class WorldMap {
  private projection: GeoProjection = geoNaturalEarth1().rotate([-CENTRAL_MERIDIAN, 0]);
  private readonly context: CanvasRenderingContext2D;
  private size = { width: 0, height: 0 };
  private transform: Transform = { k: 1, x: 0, y: 0 };
  private basemap: { sphere: Path2D; land: Path2D; borders: Path2D; graticule: Path2D } | null = null;
  private partnerships: readonly MapPartnership[] = [];
  private communities: readonly CommunityCount[] = [];
  private drawn: DrawnCommunity[] = [];
  private arcs = new Path2D();
  private selectedArcs = new Path2D();
  private selected: string | null = null;
  private frame = 0;
  /** The last full drawing and the transform it was drawn at: moved and scaled while the view moves. */
  private settled: { image: HTMLCanvasElement; transform: Transform } | null = null;
  private settleTimer = 0;

  /** How many arcs the map draws (partnerships with both ends located); tests and the page read it. */
  arcCount = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onSelect: (slug: string) => void,
  ) {
    this.context = canvas.getContext("2d")!;
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.listen();
    this.resize();
  }

  /** Shows these partnerships and communities (counts among them). */
  setData(partnerships: readonly MapPartnership[], communities: readonly CommunityCount[]): void {
    this.partnerships = partnerships;
    this.communities = communities;
    this.project();
  }

  /** Highlights a community and its arcs (null: none). */
  select(slug: string | null): void {
    this.selected = slug;
    this.projectSelection();
    this.redraw();
  }

  zoomBy(factor: number, around: Point = { x: this.size.width / 2, y: this.size.height / 2 }): void {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.transform.k * factor));
    const ratio = k / this.transform.k;
    this.transform = { k, x: around.x - (around.x - this.transform.x) * ratio, y: around.y - (around.y - this.transform.y) * ratio };
    this.clamp();
    this.moved();
  }

  panBy(dx: number, dy: number): void {
    this.transform = { ...this.transform, x: this.transform.x + dx, y: this.transform.y + dy };
    this.clamp();
    this.moved();
  }

  reset(): void {
    this.transform = { k: 1, x: 0, y: 0 };
    this.moved();
  }

  /**
   * While the view moves, each frame moves and scales the last full drawing (one image draw, however
   * many arcs); the full drawing at the new view follows once the view has been still for 150 ms.
   */
  private moved(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => this.redraw(), 150);
    if (!this.settled) return this.redraw();
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.drawMoving();
    });
  }

  private drawMoving(): void {
    const { context: ctx, transform: t, settled } = this;
    if (!settled) return;
    const dpr = window.devicePixelRatio || 1;
    const scale = t.k / settled.transform.k;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = COLORS.ocean;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * (t.x - settled.transform.x * scale), dpr * (t.y - settled.transform.y * scale));
    ctx.drawImage(settled.image, 0, 0, settled.image.width / dpr, settled.image.height / dpr);
  }

  private resize(): void {
    const { width, height } = this.canvas.getBoundingClientRect();
    if (width === 0 || height === 0 || (width === this.size.width && height === this.size.height)) return;
    this.size = { width, height };
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.projection.fitExtent([[8, 8], [width - 8, height - 8]], { type: "Sphere" });
    this.projectBasemap();
    this.project();
  }

  private projectBasemap(): void {
    const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
    // d3-geo draws into anything with moveTo/lineTo/closePath/arc, which a Path2D has.
    const pathOf = (object: GeoPermissibleObjects) => {
      const path = new Path2D();
      geoPath(this.projection, path as unknown as GeoContext)(object);
      return path;
    };
    this.basemap = {
      sphere: pathOf({ type: "Sphere" }),
      land: pathOf(feature(topology, topology.objects.countries)),
      borders: pathOf(mesh(topology, topology.objects.countries, (a, b) => a !== b)),
      graticule: pathOf(geoGraticule10()),
    };
  }

  private at(position: [number, number]): Point | null {
    const projected = this.projection(position);
    return projected ? { x: projected[0], y: projected[1] } : null;
  }

  /** Projects the data once: every arc into one path, every community to a point with its radius. */
  private project(): void {
    if (this.size.width === 0) return;
    const arcs = new Path2D();
    let count = 0;
    for (const { us, partner } of this.partnerships) {
      const from = us.position && this.at(us.position);
      const to = partner.position && this.at(partner.position);
      if (!from || !to) continue;
      addArc(arcs, from, to);
      count += 1;
    }
    this.arcs = arcs;
    this.arcCount = count;
    this.canvas.dataset.arcs = String(count);
    const largest = this.communities[0]?.count ?? 1;
    this.drawn = this.communities.flatMap((entry) => {
      const at = entry.community.position && this.at(entry.community.position);
      return at ? [{ ...entry, at, radius: 1.5 + 6 * Math.sqrt(entry.count / largest) }] : [];
    });
    this.projectSelection();
    this.redraw();
  }

  private projectSelection(): void {
    const path = new Path2D();
    if (this.selected) {
      for (const { us, partner } of this.partnerships) {
        if (us.slug !== this.selected && partner.slug !== this.selected) continue;
        const from = us.position && this.at(us.position);
        const to = partner.position && this.at(partner.position);
        if (from && to) addArc(path, from, to);
      }
    }
    this.selectedArcs = path;
  }

  private redraw(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
      this.keepSettled();
    });
  }

  /** Keeps a copy of the full drawing for the frames of the next move. */
  private keepSettled(): void {
    const image = this.settled?.image ?? document.createElement("canvas");
    image.width = this.canvas.width;
    image.height = this.canvas.height;
    image.getContext("2d")!.drawImage(this.canvas, 0, 0);
    this.settled = { image, transform: { ...this.transform } };
  }

  private draw(): void {
    const { context: ctx, transform: t, basemap } = this;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!basemap) return;
    ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    ctx.fillStyle = COLORS.ocean;
    ctx.fill(basemap.sphere);
    ctx.lineWidth = 0.5 / t.k;
    ctx.strokeStyle = COLORS.graticule;
    ctx.stroke(basemap.graticule);
    ctx.fillStyle = COLORS.land;
    ctx.fill(basemap.land);
    ctx.strokeStyle = COLORS.border;
    ctx.stroke(basemap.borders);
    ctx.lineWidth = 0.8 / t.k;
    ctx.strokeStyle = COLORS.arc;
    ctx.stroke(this.arcs);
    ctx.lineWidth = 1.6 / t.k;
    ctx.strokeStyle = COLORS.arcSelected;
    ctx.stroke(this.selectedArcs);
    // Points keep their size on screen whatever the zoom.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = COLORS.point;
    ctx.beginPath();
    let selected: DrawnCommunity | null = null;
    for (const community of this.drawn) {
      const x = community.at.x * t.k + t.x;
      const y = community.at.y * t.k + t.y;
      if (x < -10 || y < -10 || x > this.size.width + 10 || y > this.size.height + 10) continue;
      if (community.community.slug === this.selected) selected = community;
      ctx.moveTo(x + community.radius, y);
      ctx.arc(x, y, community.radius, 0, 2 * Math.PI);
    }
    ctx.fill();
    if (selected) {
      ctx.beginPath();
      ctx.fillStyle = COLORS.pointSelected;
      ctx.arc(selected.at.x * t.k + t.x, selected.at.y * t.k + t.y, selected.radius + 2, 0, 2 * Math.PI);
      ctx.fill();
    }
  }

  /** The community drawn nearest to a point on the canvas, within a few pixels of its dot. */
  communityAt(point: Point): DrawnCommunity | null {
    const t = this.transform;
    let best: DrawnCommunity | null = null;
    let bestDistance = Infinity;
    for (const community of this.drawn) {
      const dx = community.at.x * t.k + t.x - point.x;
      const dy = community.at.y * t.k + t.y - point.y;
      const distance = Math.hypot(dx, dy);
      if (distance <= community.radius + 4 && distance < bestDistance) {
        best = community;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Keeps the world on screen: at zoom 1 it cannot move; zoomed in, an edge never passes the middle. */
  private clamp(): void {
    const { width, height } = this.size;
    const { k } = this.transform;
    const x = Math.min(0, Math.max(width - width * k, this.transform.x));
    const y = Math.min(0, Math.max(height - height * k, this.transform.y));
    this.transform = { k, x, y };
  }

  private listen(): void {
    const canvas = this.canvas;
    let drag: { start: Point; last: Point; moved: boolean } | null = null;
    const local = (event: MouseEvent): Point => {
      const rect = canvas.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    canvas.addEventListener("pointerdown", (event) => {
      canvas.setPointerCapture(event.pointerId);
      const point = local(event);
      drag = { start: point, last: point, moved: false };
    });
    canvas.addEventListener("pointermove", (event) => {
      const point = local(event);
      if (drag) {
        if (Math.hypot(point.x - drag.start.x, point.y - drag.start.y) > 3) drag.moved = true;
        if (drag.moved) this.panBy(point.x - drag.last.x, point.y - drag.last.y);
        drag.last = point;
        return;
      }
      const hovered = this.communityAt(point);
      canvas.style.cursor = hovered ? "pointer" : "grab";
      canvas.title = hovered ? `${hovered.community.name}: ${hovered.count} partnership${hovered.count === 1 ? "" : "s"}` : "";
    });
    canvas.addEventListener("pointerup", (event) => {
      const wasClick = drag && !drag.moved;
      drag = null;
      if (!wasClick) return;
      const hit = this.communityAt(local(event));
      if (hit) this.onSelect(hit.community.slug);
    });
    canvas.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        this.zoomBy(Math.exp(-event.deltaY * 0.002), local(event));
      },
      { passive: false },
    );
    canvas.addEventListener("keydown", (event) => {
      const step = 60;
      const actions: Record<string, () => void> = {
        ArrowLeft: () => this.panBy(step, 0),
        ArrowRight: () => this.panBy(-step, 0),
        ArrowUp: () => this.panBy(0, step),
        ArrowDown: () => this.panBy(0, -step),
        "+": () => this.zoomBy(1.5),
        "=": () => this.zoomBy(1.5),
        "-": () => this.zoomBy(1 / 1.5),
        "0": () => this.reset(),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    });
  }
}

/** A curved arc from one point to another, bowed to the side of north, so crossing arcs stay apart. */
function addArc(path: Path2D, from: Point, to: Point): void {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length < 0.5) return;
  // The normal of the chord that points up the screen.
  let nx = -dy / length;
  let ny = dx / length;
  if (ny > 0) {
    nx = -nx;
    ny = -ny;
  }
  const bow = length * 0.18;
  path.moveTo(from.x, from.y);
  path.quadraticCurveTo((from.x + to.x) / 2 + nx * bow, (from.y + to.y) / 2 + ny * bow, to.x, to.y);
}
