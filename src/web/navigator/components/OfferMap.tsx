// Leaflet map of offer locations. Loaded lazily (own chunk with Leaflet). Markers are drawn as
// vectors, so the map works on a blank background when tiles are blocked or the device is offline.
import 'leaflet/dist/leaflet.css';
import './offerMap.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from 'wouter/use-browser-location';
import type { OfferCard } from '../../../shared/contracts/offerPublic.ts';
import type { PublicTenantProfile } from '../../../shared/contracts/tenant.ts';
import { useNavigator } from '../context.ts';
import type { Point } from '../searchState.ts';

interface Pin {
  lat: number;
  lon: number;
  label: string;
  offerId: string | null;
}

export default function OfferMap({ offers, map, point, single }: { offers: Array<Pick<OfferCard, 'id' | 'title' | 'locations'>>; map: PublicTenantProfile['map']; point: Point | null; single?: boolean }) {
  const { t } = useTranslation();
  const { tenant, lang } = useNavigator();
  const el = useRef<HTMLElement>(null);
  const leaflet = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  const pins: Pin[] = offers.flatMap((o) =>
    o.locations.filter((l) => l.lat !== null && l.lon !== null).map((l) => ({ lat: l.lat!, lon: l.lon!, label: `${o.title} – ${l.name}`, offerId: single ? null : o.id })),
  );

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { zoomControl: true, attributionControl: true }).setView([map.center.lat, map.center.lon], map.center.zoom);
    let failures = 0;
    const tiles = L.tileLayer(map.tileUrl, { attribution: map.attribution, maxZoom: 19 });
    tiles.on('tileerror', () => {
      failures += 1;
      if (failures >= 2) setTilesFailed(true);
    });
    if (navigator.onLine === false) setTilesFailed(true);
    tiles.addTo(m);
    layer.current = L.layerGroup().addTo(m);
    leaflet.current = m;
    return () => {
      m.remove();
      leaflet.current = null;
    };
  }, [map]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: pins derive from offers.
  useEffect(() => {
    const m = leaflet.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    for (const pin of pins) {
      const marker = L.circleMarker([pin.lat, pin.lon], { radius: 9, color: '#ffffff', weight: 2, fillColor: '#b3261e', fillOpacity: 1 });
      marker.bindTooltip(pin.label);
      if (pin.offerId) {
        const href = `/${tenant}/${lang}/offer/${pin.offerId}`;
        marker.on('click', () => navigate(href));
      }
      marker.addTo(group);
    }
    if (point) L.circleMarker([point.lat, point.lon], { radius: 7, color: '#ffffff', weight: 2, fillColor: '#1d4f7a', fillOpacity: 1 }).addTo(group);
    if (pins.length) m.fitBounds(L.latLngBounds(pins.map((p) => [p.lat, p.lon] as [number, number])).pad(0.15), { maxZoom: 15 });
  }, [offers, point, tenant, lang]);

  return (
    <div className="offer-map">
      <section ref={el} className="map-canvas" aria-label={t('map.region')} />
      <p className="hint" aria-live="polite">
        {pins.length ? t('map.shown', { count: pins.length }) : t('map.noLocations')}
      </p>
      {tilesFailed && <p className="notice">{t('map.tilesUnavailable')}</p>}
    </div>
  );
}
