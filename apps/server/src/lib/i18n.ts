/** Server-side texts (error messages, SMS, e-mails) in the three languages of the product (F07). */
export const languages = ['en', 'ru', 'kk'] as const;
export type Language = (typeof languages)[number];

type Texts = Record<string, Record<Language, string>>;

export const texts = {
  // Errors
  validation_failed: {
    en: 'Some fields are not valid: {fields}',
    ru: 'Некоторые поля заполнены неверно: {fields}',
    kk: 'Кейбір өрістер дұрыс толтырылмаған: {fields}',
  },
  invalid_json: {
    en: 'The request body is not valid JSON.',
    ru: 'Тело запроса не является корректным JSON.',
    kk: 'Сұрау денесі дұрыс JSON емес.',
  },
  unsupported_media_type: {
    en: 'Send the request body as application/json.',
    ru: 'Отправьте тело запроса в формате application/json.',
    kk: 'Сұрау денесін application/json пішімінде жіберіңіз.',
  },
  field_required: { en: 'This field is required.', ru: 'Обязательное поле.', kk: 'Міндетті өріс.' },
  field_invalid: { en: 'This value is not valid.', ru: 'Неверное значение.', kk: 'Мән дұрыс емес.' },
  field_unknown: {
    en: 'This field is not allowed.',
    ru: 'Это поле не допускается.',
    kk: 'Бұл өріске рұқсат жоқ.',
  },
  field_too_short: {
    en: 'This value is too short.',
    ru: 'Слишком короткое значение.',
    kk: 'Мән тым қысқа.',
  },
  field_too_long: { en: 'This value is too long.', ru: 'Слишком длинное значение.', kk: 'Мән тым ұзын.' },
  invalid_msisdn: {
    en: 'Enter a Kazakhstani mobile number: +7 7XX XXX XX XX.',
    ru: 'Введите казахстанский мобильный номер: +7 7XX XXX XX XX.',
    kk: 'Қазақстандық мобильді нөмірді енгізіңіз: +7 7XX XXX XX XX.',
  },
  invalid_code_format: {
    en: 'The code is 6 digits.',
    ru: 'Код состоит из 6 цифр.',
    kk: 'Код 6 цифрдан тұрады.',
  },
  invalid_cursor: {
    en: 'The page cursor is not valid; start from the first page.',
    ru: 'Неверный курсор страницы; начните с первой страницы.',
    kk: 'Бет курсоры дұрыс емес; бірінші беттен бастаңыз.',
  },
  invalid_search: {
    en: 'Enter digits of a number or of a personal account.',
    ru: 'Введите цифры номера или лицевого счёта.',
    kk: 'Нөмірдің немесе дербес шоттың цифрларын енгізіңіз.',
  },
  invalid_credentials: {
    en: 'Wrong phone number or password.',
    ru: 'Неверный номер телефона или пароль.',
    kk: 'Телефон нөмірі немесе құпиясөз қате.',
  },
  otp_invalid: {
    en: 'Wrong code. Attempts left: {attemptsLeft}.',
    ru: 'Неверный код. Осталось попыток: {attemptsLeft}.',
    kk: 'Код қате. Қалған әрекеттер: {attemptsLeft}.',
  },
  otp_expired: {
    en: 'This code has expired or was already used. Log in again to get a new one.',
    ru: 'Срок действия кода истёк или он уже использован. Войдите снова, чтобы получить новый код.',
    kk: 'Кодтың мерзімі өтті немесе ол пайдаланылды. Жаңа код алу үшін қайта кіріңіз.',
  },
  otp_attempts_exceeded: {
    en: 'Too many wrong codes. Log in again to get a new code.',
    ru: 'Слишком много неверных кодов. Войдите снова, чтобы получить новый код.',
    kk: 'Қате кодтар тым көп. Жаңа код алу үшін қайта кіріңіз.',
  },
  otp_resend_too_early: {
    en: 'You can request a new code in {retryAfterSeconds} s.',
    ru: 'Новый код можно запросить через {retryAfterSeconds} с.',
    kk: 'Жаңа кодты {retryAfterSeconds} с кейін сұрауға болады.',
  },
  otp_send_limit: {
    en: 'Too many codes were sent. Try again later.',
    ru: 'Отправлено слишком много кодов. Повторите попытку позже.',
    kk: 'Тым көп код жіберілді. Кейінірек қайталаңыз.',
  },
  too_many_requests: {
    en: 'Too many attempts. Try again in {retryAfterSeconds} s.',
    ru: 'Слишком много попыток. Повторите через {retryAfterSeconds} с.',
    kk: 'Әрекеттер тым көп. {retryAfterSeconds} с кейін қайталаңыз.',
  },
  unauthenticated: {
    en: 'Your session has ended. Log in again.',
    ru: 'Сеанс завершён. Войдите снова.',
    kk: 'Сеанс аяқталды. Қайта кіріңіз.',
  },
  csrf_failed: {
    en: 'The request could not be verified. Reload the page and try again.',
    ru: 'Не удалось проверить запрос. Обновите страницу и повторите.',
    kk: 'Сұрауды тексеру мүмкін болмады. Бетті жаңартып, қайталаңыз.',
  },
  not_found: {
    en: 'Not found.',
    ru: 'Не найдено.',
    kk: 'Табылмады.',
  },
  internal_error: {
    en: 'Something went wrong on our side. Try again; if it repeats, contact support (9099).',
    ru: 'Что-то пошло не так. Повторите попытку; если ошибка повторится, обратитесь в поддержку (9099).',
    kk: 'Бізде қате орын алды. Қайталаңыз; қате қайталанса, қолдау қызметіне хабарласыңыз (9099).',
  },
  password_reset_requested: {
    en: 'If this number belongs to an administrator, we have sent a reset link to the administrator’s e-mail.',
    ru: 'Если номер принадлежит администратору, мы отправили ссылку для сброса на e-mail администратора.',
    kk: 'Егер нөмір әкімшіге тиесілі болса, әкімшінің e-mail-іне қалпына келтіру сілтемесін жібердік.',
  },
  // Messages
  otp_sms: {
    en: 'My Account code: {code}. Valid for 10 minutes. Do not tell it to anyone.',
    ru: 'Код для входа в Мой аккаунт: {code}. Действует 10 минут. Никому его не сообщайте.',
    kk: 'Менің аккаунтыма кіру коды: {code}. 10 минут жарамды. Ешкімге айтпаңыз.',
  },
  otp_email_subject: {
    en: 'Your My Account login code',
    ru: 'Код для входа в Мой аккаунт',
    kk: 'Менің аккаунтыма кіру коды',
  },
  otp_email_body: {
    en: 'Hello,\n\nYour one-time code is {code}. It is valid for 10 minutes and works once.\nIf you did not try to log in, change your password.\n\nMy Account',
    ru: 'Здравствуйте!\n\nВаш одноразовый код: {code}. Он действует 10 минут и только один раз.\nЕсли вы не пытались войти, смените пароль.\n\nМой аккаунт',
    kk: 'Сәлеметсіз бе!\n\nБір реттік кодыңыз: {code}. Ол 10 минут және бір рет қана жарамды.\nЕгер сіз кіруге тырыспасаңыз, құпиясөзді өзгертіңіз.\n\nМенің аккаунтым',
  },
} satisfies Texts;

export type TextKey = keyof typeof texts;

export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(texts, key);
}

export function t(key: TextKey, lang: Language, params: Record<string, string | number> = {}): string {
  const template = texts[key][lang] ?? texts[key].en;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Picks the caller's language from an Accept-Language header (first supported one), default Russian. */
export function pickLanguage(acceptLanguage: string | undefined, fallback: Language = 'ru'): Language {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'kz') return 'kk';
    if ((languages as readonly string[]).includes(base ?? '')) return base as Language;
  }
  return fallback;
}
