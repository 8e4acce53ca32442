/** The password rules of the server (NIST SP 800-63B), checked here only as far as the browser can know them. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type NewPasswordProblem = 'required' | 'tooShort' | 'tooLong' | 'mismatch' | 'confirmRequired';

export type NewPasswordProblems = { newPassword?: NewPasswordProblem; confirmPassword?: NewPasswordProblem };

/**
 * Length (in characters, not UTF-16 units) and "both fields match". Whether it is a common password or contains the
 * phone number is the server's to say.
 */
export function checkNewPassword(newPassword: string, confirmPassword: string): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  const length = [...newPassword].length;
  if (length === 0) problems.newPassword = 'required';
  else if (length < PASSWORD_MIN) problems.newPassword = 'tooShort';
  else if (length > PASSWORD_MAX) problems.newPassword = 'tooLong';
  if (!confirmPassword) problems.confirmPassword = 'confirmRequired';
  else if (newPassword && confirmPassword !== newPassword) problems.confirmPassword = 'mismatch';
  return problems;
}
