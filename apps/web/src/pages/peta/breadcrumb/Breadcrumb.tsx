// Indonesia › provinsi › kabupaten/kota › kecamatan › desa: every ancestor is a link back up.
import { useEffect, useRef } from 'react';
import { tingkatOf } from '@peta/domain';
import { useT } from '../../../i18n/i18n.tsx';
import { hrefFor } from '../../../url-state.ts';
import { ProfileLink } from '../../../shared/links/ProfileLink.tsx';
import type { Crumb } from '../use-drilldown.ts';
import { linkClick } from '../../../shared/links/link-click.ts';
import './breadcrumb.css';

export function Breadcrumb({ crumbs, onNavigate }: { crumbs: Crumb[]; onNavigate: (kode: string | null) => void }) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  // On a phone the path is one line that scrolls sideways: the current wilayah, at its end, stays in view.
  const path = crumbs.map((c) => `${c.kode}:${c.nama}`).join('/');
  useEffect(() => {
    if (list.current) list.current.scrollLeft = list.current.scrollWidth;
  }, [path]);
  return (
    <nav className="breadcrumb" aria-label={t('breadcrumb.label')} data-testid="breadcrumb">
      <ol ref={list}>
        {crumbs.map((crumb, i) => {
          const last = i === crumbs.length - 1;
          const name = crumb.kode === null ? t('breadcrumb.indonesia') : (crumb.nama ?? crumb.kode);
          return (
            <li key={crumb.kode ?? 'indonesia'}>
              {last ? (
                <>
                  <span aria-current="page" data-testid="breadcrumb-current">
                    {name}
                  </span>
                  {/* A kecamatan's own page: all its indicators and the open actions of its desa. */}
                  {crumb.kode && tingkatOf(crumb.kode) === 'kecamatan' && (
                    <ProfileLink
                      label={t('breadcrumb.profile')}
                      className="breadcrumb__profile"
                      testId="breadcrumb-profile"
                    />
                  )}
                </>
              ) : (
                <a
                  href={hrefFor({ wilayah: crumb.kode })}
                  onClick={linkClick(() => onNavigate(crumb.kode))}
                  data-testid="breadcrumb-link"
                >
                  {name}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
