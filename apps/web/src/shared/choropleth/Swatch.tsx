// A colour square as on the map; hatched for the over-100 % flag (same look as the map's hatch).
export function Swatch({
  color,
  hatch = false,
  className = '',
}: {
  color: string;
  hatch?: boolean;
  className?: string;
}) {
  return (
    <span
      className={`swatch${hatch ? ' swatch--hatch' : ''} ${className}`}
      style={hatch ? undefined : { background: color }}
      aria-hidden="true"
    />
  );
}
