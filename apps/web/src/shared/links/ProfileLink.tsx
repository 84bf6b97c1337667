// A link to the Profil page of the wilayah in the URL (same ?wilayah, periode, indikator): from the desa panel and the
// breadcrumb of a kecamatan. Kept apart from the page, which loads on demand.
import { goToHref, hrefForPage } from '../../url-state.ts';
import { linkClick } from './link-click.ts';

export function ProfileLink({ label, className, testId }: { label: string; className: string; testId: string }) {
  const href = hrefForPage('profil');
  return (
    <a className={className} href={href} onClick={linkClick(() => goToHref(href))} data-testid={testId}>
      {label}
    </a>
  );
}
