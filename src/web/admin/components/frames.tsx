// Frames of the back office's pages. List pages: a debounced search box, the error notice with
// retry, the loading state, a table with one row per item (and a "no results" row), the pager.
// Record pages: the back link, a new record's form, or the loaded record (error with retry, loading).
import { type ComponentType, Fragment, type ReactNode, useEffect, useState } from 'react';
import { ErrorNotice, Loading, PageHeader, Pager } from './ui.tsx';

/** A page of items as the list APIs answer it (`pageOf` in the contracts). */
export interface PageData<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** What `useApi` gives for a request. */
export interface Request<P> {
  data: P | null;
  error: unknown;
  reload: () => void;
}

/**
 * The text of a search box and, 300 ms after the last keystroke, the value to query with; when it
 * settles, a paged list starts again at page 1 (`setPage`: the page's state setter, if paged).
 */
export function useDebouncedSearch(setPage?: (page: number) => void, delay = 300): { q: string; setQ: (q: string) => void; debounced: string } {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(q);
      setPage?.(1);
    }, delay);
    return () => clearTimeout(timer);
  }, [q, delay, setPage]);
  return { q, setQ, debounced };
}

type ErrorView = ComponentType<{ error: unknown; onRetry?: () => void }>;

/**
 * A paged list: the error (with retry), "loading" until the first answer, then the content drawn by
 * `children` and the pager. `error` replaces the list's own error in the notice (e.g. the error of an
 * action on a row); `ErrorView` replaces the notice (an area that translates its own messages).
 */
export function PagedList<P extends PageData<unknown>>({
  list,
  onPage,
  error,
  ErrorView = ErrorNotice,
  children,
}: {
  list: Request<P>;
  onPage: (page: number) => void;
  error?: unknown;
  ErrorView?: ErrorView;
  children: (data: P) => ReactNode;
}) {
  return (
    <>
      <ErrorView error={error ?? list.error} onRetry={list.reload} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <>
          {children(list.data)}
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={onPage} />
        </>
      ) : null}
    </>
  );
}

/** A column header: its label, or the label with a class (e.g. `num` for right-aligned numbers). */
export type Column = string | { label: string; className: string };

/**
 * A table of items: one header row (labels are unique within a table), one row per item drawn by
 * `row` (a `<tr>`), and — when `empty` is given and there are no items — one row saying so.
 * `caption` names the table for screen readers.
 */
export function DataTable<T extends { id: string }>({
  columns,
  items,
  row,
  empty,
  caption,
}: {
  columns: readonly Column[];
  items: readonly T[];
  row: (item: T) => ReactNode;
  empty?: ReactNode;
  caption?: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === 'string' ? (
                <th key={c} scope="col">
                  {c}
                </th>
              ) : (
                <th key={c.label} scope="col" className={c.className}>
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <Fragment key={item.id}>{row(item)}</Fragment>
          ))}
          {items.length === 0 && empty !== undefined ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A record's page. Without an `id`, the new record's title and form (`create`); with one, the
 * loading error (with retry), "loading" until the record with this id is there (never the one
 * shown before), then `children`. The back link comes first in every case.
 */
export function RecordPage<T extends { id: string }>({
  id,
  record,
  back,
  create,
  ErrorView = ErrorNotice,
  children,
}: {
  id: string | undefined;
  record: Request<T>;
  back: ReactNode;
  create?: { title: string; form: ReactNode };
  ErrorView?: ErrorView;
  children: (record: T) => ReactNode;
}) {
  if (!id && create) {
    return (
      <>
        {back}
        <PageHeader title={create.title} />
        {create.form}
      </>
    );
  }
  if (record.error && !record.data) {
    return (
      <>
        {back}
        <ErrorView error={record.error} onRetry={record.reload} />
      </>
    );
  }
  if (!record.data || record.data.id !== id) return <Loading />;
  return (
    <>
      {back}
      {children(record.data)}
    </>
  );
}
