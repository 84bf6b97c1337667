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
