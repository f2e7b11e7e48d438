import Pagination from '@cloudscape-design/components/pagination';
import type { useKeysetPages } from './use-keyset-pages';

type KeysetPages = Pick<ReturnType<typeof useKeysetPages>, 'pageIndex' | 'pagesCount' | 'openEnd' | 'loading' | 'goTo'>;

/** Cloudscape's open-ended Pagination driven by useKeysetPages: the pages known so far, and "more" until the last. */
export function KeysetPagination({ pages }: { pages: KeysetPages }) {
  return (
    <Pagination
      currentPageIndex={pages.pageIndex}
      pagesCount={pages.pagesCount}
      openEnd={pages.openEnd}
      disabled={pages.loading}
      onChange={({ detail }) => pages.goTo(detail.currentPageIndex)}
    />
  );
}
