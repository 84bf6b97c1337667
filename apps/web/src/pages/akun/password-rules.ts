// The password rules of @peta/domain (passwordProblem, the same the server applies), for live hints while typing.
// The domain words its problems in Bahasa Indonesia; the kind of problem lets English word them too.
import { PASSWORD_MIN_LENGTH, passwordProblem } from '@peta/domain';

export type PasswordIssue = 'short' | 'long' | 'username';

export function passwordIssue(password: string, username: string): { kind: PasswordIssue; message: string } | null {
  const message = passwordProblem(password, username);
  if (message === null) return null;
  const length = [...password].length;
  return { kind: length < PASSWORD_MIN_LENGTH ? 'short' : length > 200 ? 'long' : 'username', message };
}

export interface PasswordForm {
  current: string;
  new: string;
  repeat: string;
}

/** What stops the form from being sent; null when it may be (the server still checks the current password). */
export function passwordFormProblem(
  form: PasswordForm,
  username: string,
): 'current' | PasswordIssue | 'repeat' | 'same' | null {
  if (!form.current) return 'current';
  const issue = passwordIssue(form.new, username);
  if (issue) return issue.kind;
  if (form.new !== form.repeat) return 'repeat';
  if (form.new === form.current) return 'same';
  return null;
}
