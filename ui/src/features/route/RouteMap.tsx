// The floor plan with the route drawn on it, as inline SVG in metres: the viewBox is the venue,
// and the picture scales to the width it is given. Built with JSX only, never from markup text.
import { t } from "../../i18n";
import type { BoothRoute, HallPlan, VenuePlan } from "../../ipc/bindings";
import { hallDoor, routePoints, stopPoint } from "./geometry";

export function RouteMap({ venue, route }: { venue: VenuePlan; route: BoothRoute }) {
  // Marks and labels are sized from the plan, so they read the same on any venue.
  const unit = Math.max(venue.width, venue.depth) / 100;
  const pad = unit * 3;
  const points = routePoints(venue, route);
  const [start] = points;
  return (
    <svg class="route-map" data-testid="route-map" role="img" data-venue={venue.name}
      aria-label={t("route.map", { venue: venue.name, count: route.stops.length })}
      viewBox={`${-pad} ${-pad} ${venue.width + 2 * pad} ${venue.depth + 2 * pad}`} preserveAspectRatio="xMidYMid meet">
      <rect class="map-venue" x={0} y={0} width={venue.width} height={venue.depth} rx={unit} />
      {venue.halls.map((h) => <Hall key={h.name} hall={h} unit={unit} />)}
      {Object.entries(venue.rooms).map(([name, [x, y]]) => (
        <rect key={name} class="map-room" x={x - unit} y={y - unit} width={2 * unit} height={2 * unit}>
          <title>{name}</title>
        </rect>
      ))}
      <path class="map-entrance" d={`M ${venue.entrance[0] - 2 * unit} ${venue.entrance[1]} h ${4 * unit}`} />
      {points.length > 1 && <polyline class="route-path" data-testid="route-path" points={points.map((p) => p.join(",")).join(" ")} />}
      {start && <circle class="route-start" data-testid="route-start" cx={start[0]} cy={start[1]} r={unit}><title>{t("route.start")}</title></circle>}
      {route.stops.map((s) => {
        const at = stopPoint(venue, s);
        if (!at) return null;
        return (
          <g key={s.number} class={`route-marker priority-${s.priority}`} data-testid={`route-marker-${s.number}`} data-booth={s.booth}>
            <circle cx={at[0]} cy={at[1]} r={unit * 2} />
            <text x={at[0]} y={at[1]} font-size={unit * 2.2} text-anchor="middle" dominant-baseline="central">{s.number}</text>
          </g>
        );
      })}
    </svg>
  );
}

function Hall({ hall, unit }: { hall: HallPlan; unit: number }) {
  const [x, y] = hall.at;
  const [dx, dy] = hallDoor(hall);
  const other = hall.other_name && !hall.name.includes(hall.other_name) ? hall.other_name : null;
  return (
    <g class="map-hall" data-hall={hall.name}>
      <rect x={x} y={y} width={hall.width} height={hall.depth} rx={unit / 2} />
      <text class="map-label" x={x + unit} y={y + unit * 2.6} font-size={unit * 2.2}>{hall.name}</text>
      {other && <text class="map-label map-label-other" x={x + unit} y={y + unit * 5} font-size={unit * 1.9}>{other}</text>}
      {Object.entries(hall.booths).map(([code, [bx, by]]) => (
        <circle key={code} class="map-booth" cx={x + bx} cy={y + by} r={unit * 0.6}><title>{code}</title></circle>
      ))}
      <circle class="map-door" cx={dx} cy={dy} r={unit * 0.9} />
    </g>
  );
}
