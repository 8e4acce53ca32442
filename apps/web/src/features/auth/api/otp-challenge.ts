import type { paths } from '../../../lib/api/schema';

export type OtpChallenge = paths['/api/v1/auth/login']['post']['responses'][200]['content']['application/json'];

/** The challenge as kept between the login page and the code page (survives a reload of the code page). */
export type StoredChallenge = OtpChallenge & { receivedAt: number; redirect?: string };

const STORAGE_KEY = 'otpChallenge';

export function saveChallenge(challenge: OtpChallenge, redirect?: string): StoredChallenge {
  const stored: StoredChallenge = { ...challenge, receivedAt: Date.now(), redirect };
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // ignore: the code page then falls back to the login page
  }
  return stored;
}

export function loadChallenge(): StoredChallenge | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredChallenge>;
    if (typeof parsed.challengeId !== 'string' || typeof parsed.receivedAt !== 'number') return null;
    return parsed as StoredChallenge;
  } catch {
    return null;
  }
}

export function clearChallenge(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // ignore
  }
}
