import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { describeError } from './describe-error.ts';

export function Loading({ message, testId = 'loading' }: { message?: string; testId?: string }) {
  const t = useT();
  return (
    <p className="status status--loading" role="status" data-testid={testId}>
      <span className="spinner" aria-hidden="true" />
      {message ?? t('status.loading')}
    </p>
  );
}

export function ErrorMessage({
  error,
  onRetry,
  testId = 'error',
}: {
  error: unknown;
  onRetry?: () => void;
  testId?: string;
}) {
  const t = useT();
  const [lang] = useLang();
  return (
    <div className="status status--error" role="alert" data-testid={testId}>
      <p>{describeError(error, t, lang)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * The loading and error branch every query shows the same way: a spinner while it loads, the error with a retry when
 * it failed, else what `children` makes of its data. `idle` is what a query disabled until the user chooses something
 * shows instead of the spinner (pending but not fetching: it would never load by itself); without it, or when it is
 * false (the query waits for another one to load), the spinner.
 */
export function Loaded<T>({
  query,
  message,
  idle,
  children,
}: {
  query: UseQueryResult<T>;
  message?: string;
  idle?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending && query.fetchStatus === 'idle' && idle) return idle;
  if (query.isPending) return <Loading message={message} />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return children(query.data);
}
