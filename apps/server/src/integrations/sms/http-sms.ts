import type { SmsSender } from '../messaging.js';

/** SMS over an HTTP gateway: POST {to, text} as JSON; any non-2xx answer is a failed send (retried). */
export function httpSms(url: string, fetchImpl: typeof fetch = fetch): SmsSender {
  return {
    name: 'http',
    async send(to, text) {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: `+${to}`, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
