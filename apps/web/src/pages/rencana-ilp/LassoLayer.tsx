// Over the map while "Pilih dengan laso" is on: it takes the pointer (mouse, pen or touch), so the map does not pan,
// draws the freehand path as it goes and, on release, hands the closed ring (viewport pixels) to the page. The last
// lasso fades out; it is dropped at once when the map's size changes (the panel beside it opens), as the map then
// moves under it.
import { useEffect, useRef, useState } from 'react';
import { extendPath, isLasso, pathData, type Point } from './lasso-model.ts';

export function LassoLayer(props: { label: string; onLasso: (ring: Point[], additive: boolean) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const path = useRef<Point[]>([]);
  const additive = useRef(false);
  const [drawn, setDrawn] = useState<{ path: Point[]; closed: boolean }>({ path: [], closed: false });
  const drawing = useRef(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let size = `${element.clientWidth}x${element.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const next = `${element.clientWidth}x${element.clientHeight}`;
      if (next === size) return;
      size = next;
      if (!drawing.current) setDrawn({ path: [], closed: false });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const local = (e: React.PointerEvent): Point => {
    const frame = ref.current!.getBoundingClientRect();
    return [e.clientX - frame.left, e.clientY - frame.top];
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    ref.current!.setPointerCapture(e.pointerId);
    drawing.current = true;
    additive.current = e.shiftKey || e.ctrlKey || e.metaKey;
    path.current = [local(e)];
    setDrawn({ path: path.current, closed: false });
  };
  const onPointerMove = (e: React.PointerEvent) => {
    if (!drawing.current) return;
    const next = extendPath(path.current, local(e));
    if (next === path.current) return;
    path.current = next;
    setDrawn({ path: next, closed: false });
  };
  const finish = (e: React.PointerEvent, cancelled: boolean) => {
    if (!drawing.current) return;
    drawing.current = false;
    if (ref.current!.hasPointerCapture(e.pointerId)) ref.current!.releasePointerCapture(e.pointerId);
    const ring = path.current;
    if (cancelled || !isLasso(ring)) {
      setDrawn({ path: [], closed: false });
      return;
    }
    setDrawn({ path: ring, closed: true });
    const frame = ref.current!.getBoundingClientRect();
    props.onLasso(
      ring.map(([x, y]) => [x + frame.left, y + frame.top]),
      additive.current,
    );
  };

  return (
    <div
      ref={ref}
      className="planner__lasso"
      data-testid="lasso-layer"
      aria-label={props.label}
      role="application"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => finish(e, false)}
      onPointerCancel={(e) => finish(e, true)}
    >
      <svg aria-hidden="true">
        {drawn.path.length > 1 && (
          <path d={pathData(drawn.path, drawn.closed)} className={drawn.closed ? 'is-closed' : ''} />
        )}
      </svg>
    </div>
  );
}
