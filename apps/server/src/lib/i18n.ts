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
  password_too_short: {
    en: 'The password must have at least 12 characters.',
    ru: 'Пароль должен содержать не менее 12 символов.',
    kk: 'Құпиясөз кемінде 12 таңбадан тұруы керек.',
  },
  password_too_long: {
    en: 'The password can have at most 128 characters.',
    ru: 'Пароль может содержать не более 128 символов.',
    kk: 'Құпиясөз 128 таңбадан аспауы керек.',
  },
  password_common: {
    en: 'This password is too common and easy to guess. Choose another one, for example a phrase of several words.',
    ru: 'Этот пароль слишком распространён и легко угадывается. Выберите другой, например фразу из нескольких слов.',
    kk: 'Бұл құпиясөз тым кең таралған және оңай табылады. Басқасын таңдаңыз, мысалы, бірнеше сөзден тұратын тіркес.',
  },
  password_contains_phone: {
    en: 'The password must not contain your phone number.',
    ru: 'Пароль не должен содержать ваш номер телефона.',
    kk: 'Құпиясөзде телефон нөміріңіз болмауы керек.',
  },
  reset_link_invalid: {
    en: 'This reset link is not valid any more: it was used or is older than 30 minutes. Request a new one.',
    ru: 'Ссылка для сброса больше недействительна: она использована или старше 30 минут. Запросите новую.',
    kk: 'Қалпына келтіру сілтемесі жарамсыз: ол пайдаланылған немесе 30 минуттан ескі. Жаңасын сұраңыз.',
  },
  wrong_current_password: {
    en: 'The current password is wrong.',
    ru: 'Текущий пароль указан неверно.',
    kk: 'Ағымдағы құпиясөз қате.',
  },
  invalid_email: {
    en: 'Enter a valid e-mail address, e.g. name@company.kz.',
    ru: 'Введите корректный адрес e-mail, например name@company.kz.',
    kk: 'Дұрыс e-mail мекенжайын енгізіңіз, мысалы name@company.kz.',
  },
  passwords_do_not_match: {
    en: 'The passwords do not match.',
    ru: 'Пароли не совпадают.',
    kk: 'Құпиясөздер сәйкес келмейді.',
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
  // Number management (F11–F23, O5)
  number_status_changed: {
    en: 'Status has been successfully changed',
    ru: 'Статус успешно изменён',
    kk: 'Күйі сәтті өзгертілді',
  },
  number_already_blocked: {
    en: 'The number is already blocked.',
    ru: 'Номер уже заблокирован.',
    kk: 'Нөмір бұғатталып қойған.',
  },
  number_not_blocked: {
    en: 'The number is not blocked, so there is nothing to unblock.',
    ru: 'Номер не заблокирован, разблокировать нечего.',
    kk: 'Нөмір бұғатталмаған, бұғаттан шығаратын ештеңе жоқ.',
  },
  number_blocked: {
    en: 'The number is blocked. Unblock it first.',
    ru: 'Номер заблокирован. Сначала разблокируйте его.',
    kk: 'Нөмір бұғатталған. Алдымен оны бұғаттан шығарыңыз.',
  },
  number_blocked_for_debt: {
    en: 'The number is blocked by the operator for debt, and the administrator cannot unblock it. Pay the debt: the number is unblocked automatically once the payment arrives.',
    ru: 'Номер заблокирован оператором за задолженность, администратор не может его разблокировать. Погасите задолженность: номер будет разблокирован автоматически после поступления оплаты.',
    kk: 'Нөмірді оператор берешек үшін бұғаттаған, әкімші оны бұғаттан шығара алмайды. Берешекті төлеңіз: төлем түскеннен кейін нөмір автоматты түрде бұғаттан шығарылады.',
  },
  number_suspended: {
    en: 'The number is suspended by the operator. Contact support (9099) or your account manager.',
    ru: 'Обслуживание номера приостановлено оператором. Обратитесь в поддержку (9099) или к персональному менеджеру.',
    kk: 'Нөмірге қызмет көрсетуді оператор тоқтатты. Қолдау қызметіне (9099) немесе жеке менеджеріңізге хабарласыңыз.',
  },
  number_terminated: {
    en: 'The contract for this number is terminated; it can no longer be changed.',
    ru: 'Договор по этому номеру расторгнут; изменить его больше нельзя.',
    kk: 'Бұл нөмір бойынша шарт бұзылған; оны енді өзгертуге болмайды.',
  },
  provisioning_failed: {
    en: 'The network did not confirm the change, so nothing has been changed. Try again later; if it repeats, contact support (9099).',
    ru: 'Сеть не подтвердила изменение, поэтому ничего не изменено. Повторите попытку позже; если ошибка повторится, обратитесь в поддержку (9099).',
    kk: 'Желі өзгерісті растамады, сондықтан ештеңе өзгертілмеді. Кейінірек қайталаңыз; қате қайталанса, қолдау қызметіне (9099) хабарласыңыз.',
  },
  sim_not_found: {
    en: 'This number has no active SIM card.',
    ru: 'У этого номера нет активной SIM-карты.',
    kk: 'Бұл нөмірде белсенді SIM-карта жоқ.',
  },
  service_not_found: {
    en: 'There is no such service.',
    ru: 'Такой услуги нет.',
    kk: 'Мұндай қызмет жоқ.',
  },
  service_already_active: {
    en: '«{service}» is already connected.',
    ru: 'Услуга «{service}» уже подключена.',
    kk: '«{service}» қызметі қосылып қойған.',
  },
  service_not_active: {
    en: '«{service}» is not connected.',
    ru: 'Услуга «{service}» не подключена.',
    kk: '«{service}» қызметі қосылмаған.',
  },
  service_operator_only: {
    en: '«{service}» is connected and disconnected only by the operator. Contact your account manager or support (9099).',
    ru: 'Услугу «{service}» подключает и отключает только оператор. Обратитесь к персональному менеджеру или в поддержку (9099).',
    kk: '«{service}» қызметін тек оператор қосады және ажыратады. Жеке менеджеріңізге немесе қолдау қызметіне (9099) хабарласыңыз.',
  },
  service_promotion_ended: {
    en: 'The offer «{service}» ended on {date}.',
    ru: 'Акция «{service}» завершилась {date}.',
    kk: '«{service}» акциясы {date} аяқталды.',
  },
  service_tariff_not_allowed: {
    en: '«{service}» is not available on the tariff «{tariff}».',
    ru: 'Услуга «{service}» недоступна на тарифе «{tariff}».',
    kk: '«{service}» қызметі «{tariff}» тарифінде қолжетімді емес.',
  },
  service_requires_missing: {
    en: '«{service}» is available only when «{required}» is connected.',
    ru: 'Услуга «{service}» доступна только при подключённой услуге «{required}».',
    kk: '«{service}» қызметі «{required}» қызметі қосулы болғанда ғана қолжетімді.',
  },
  service_exclusive_conflict: {
    en: '«{service}» cannot be connected together with «{active}»: only one package of this kind can be connected at a time. Disconnect «{active}» first.',
    ru: 'Услугу «{service}» нельзя подключить вместе с «{active}»: одновременно может быть подключён только один пакет такого вида. Сначала отключите «{active}».',
    kk: '«{service}» қызметін «{active}» қызметімен бірге қосуға болмайды: бір уақытта мұндай тек бір пакет қосыла алады. Алдымен «{active}» қызметін ажыратыңыз.',
  },
  service_required_by: {
    en: '«{service}» cannot be disconnected while «{dependent}» is connected, because «{dependent}» needs it. Disconnect «{dependent}» first.',
    ru: 'Услугу «{service}» нельзя отключить, пока подключена услуга «{dependent}», которой она необходима. Сначала отключите «{dependent}».',
    kk: '«{dependent}» қосулы тұрғанда «{service}» қызметін ажыратуға болмайды: «{dependent}» онсыз жұмыс істемейді. Алдымен «{dependent}» қызметін ажыратыңыз.',
  },
  forwarding_not_found: {
    en: 'This number has no such call forwarding.',
    ru: 'У этого номера нет такой переадресации.',
    kk: 'Бұл нөмірде мұндай қайта бағыттау жоқ.',
  },
  forwarding_type_exists: {
    en: 'Forwarding «{type}» is already set for this number. Remove it first to set a new one.',
    ru: 'Переадресация «{type}» для этого номера уже установлена. Чтобы задать новую, сначала удалите её.',
    kk: 'Бұл нөмір үшін «{type}» қайта бағыттауы орнатылған. Жаңасын орнату үшін алдымен оны жойыңыз.',
  },
  forwarding_unconditional_active: {
    en: 'Unconditional forwarding is set and overrides all other forwardings. Remove it first.',
    ru: 'Установлена безусловная переадресация, она заменяет все остальные. Сначала удалите её.',
    kk: 'Шартсыз қайта бағыттау орнатылған, ол басқаларының барлығын алмастырады. Алдымен оны жойыңыз.',
  },
  forwarding_conditional_active: {
    en: 'Unconditional forwarding overrides all others: remove the forwardings already set ({types}) first.',
    ru: 'Безусловная переадресация заменяет все остальные: сначала удалите уже установленные ({types}).',
    kk: 'Шартсыз қайта бағыттау басқаларының барлығын алмастырады: алдымен орнатылғандарын ({types}) жойыңыз.',
  },
  forwarding_target_is_self: {
    en: 'Calls cannot be forwarded to the same number.',
    ru: 'Нельзя переадресовать звонки на этот же номер.',
    kk: 'Қоңырауларды сол нөмірдің өзіне қайта бағыттауға болмайды.',
  },
  forwarding_type_unconditional: { en: 'Unconditional', ru: 'Безусловная', kk: 'Шартсыз' },
  forwarding_type_busy: { en: 'When busy', ru: 'При занятости', kk: 'Бос болмағанда' },
  forwarding_type_no_answer: { en: 'No answer', ru: 'При неответе', kk: 'Жауап бермегенде' },
  forwarding_type_unreachable: { en: 'When unreachable', ru: 'При недоступности', kk: 'Қолжетімсіз болғанда' },
  // Asynchronous operations (issue 6): SIM replacement (F21), eSIM (F22), devices / IMEI (F24–F26), requests (B4)
  invalid_iccid: {
    en: 'Enter the SIM card number (ICCID) from the back of the card: 19 or 20 digits starting with 89.',
    ru: 'Введите номер SIM-карты (ICCID) с обратной стороны карты: 19 или 20 цифр, начинается с 89.',
    kk: 'SIM-картаның нөмірін (ICCID) картаның артқы жағынан енгізіңіз: 89-дан басталатын 19 немесе 20 цифр.',
  },
  iccid_in_use: {
    en: 'This SIM card is already in use. Check the number on the card.',
    ru: 'Эта SIM-карта уже используется. Проверьте номер на карте.',
    kk: 'Бұл SIM-карта қазірдің өзінде пайдаланылуда. Картадағы нөмірді тексеріңіз.',
  },
  sim_replacement_needs_active: {
    en: 'SIM card replacement is available only for active numbers.',
    ru: 'Замена SIM-карты доступна только для активных номеров.',
    kk: 'SIM-картаны ауыстыру тек белсенді нөмірлер үшін қолжетімді.',
  },
  sim_change_in_progress: {
    en: 'A SIM card or eSIM replacement for this number is already in progress. Wait for it to finish.',
    ru: 'Замена SIM-карты или eSIM для этого номера уже выполняется. Дождитесь её завершения.',
    kk: 'Бұл нөмір үшін SIM-картаны немесе eSIM-ді ауыстыру орындалуда. Оның аяқталуын күтіңіз.',
  },
  sim_replacement_done: {
    en: 'The SIM card has been replaced. The new PIN and PUK codes are in "SIM card and device".',
    ru: 'SIM-карта заменена. Новые PIN- и PUK-коды — в разделе «SIM-карта и устройство».',
    kk: 'SIM-карта ауыстырылды. Жаңа PIN және PUK кодтары «SIM-карта және құрылғы» бөлімінде.',
  },
  esim_roaming: {
    en: 'Service is not available while roaming or if your number is blocked.',
    ru: 'Услуга недоступна в роуминге или если номер заблокирован.',
    kk: 'Қызмет роумингте немесе нөміріңіз бұғатталған болса қолжетімсіз.',
  },
  esim_number_blocked: {
    en: 'Service is not available while roaming or if your number is blocked. To get an eSIM, unlock your number first.',
    ru: 'Услуга недоступна в роуминге или если номер заблокирован. Чтобы получить eSIM, сначала разблокируйте номер.',
    kk: 'Қызмет роумингте немесе нөміріңіз бұғатталған болса қолжетімсіз. eSIM алу үшін алдымен нөміріңізді бұғаттан шығарыңыз.',
  },
  esim_tariff_not_supported: {
    en: 'The tariff plan of this number does not support eSIM.',
    ru: 'Тарифный план этого номера не поддерживает eSIM.',
    kk: 'Бұл нөмірдің тарифтік жоспары eSIM-ді қолдамайды.',
  },
  esim_confirmation_required: {
    en: 'Tick "I\'m sure the eSIM is set up" to change to the eSIM.',
    ru: 'Отметьте «Я уверен, что eSIM настроена», чтобы перейти на eSIM.',
    kk: 'eSIM-ге ауысу үшін «eSIM бапталғанына сенімдімін» белгісін қойыңыз.',
  },
  esim_order_expired: {
    en: "The QR code has expired (it is valid for 1 day). Select 'Issue eSIM' again.",
    ru: 'Срок действия QR-кода истёк (он действует 1 день). Выберите «Выпустить eSIM» ещё раз.',
    kk: 'QR-кодтың жарамдылық мерзімі өтті (ол 1 күн жарамды). «eSIM шығару» батырмасын қайта таңдаңыз.',
  },
  esim_order_already_confirmed: {
    en: 'This eSIM has already been confirmed. To change to another eSIM, issue a new one.',
    ru: 'Эта eSIM уже подтверждена. Чтобы перейти на другую eSIM, выпустите новую.',
    kk: 'Бұл eSIM расталып қойған. Басқа eSIM-ге ауысу үшін жаңасын шығарыңыз.',
  },
  esim_order_failed: {
    en: 'This eSIM could not be activated. Issue a new eSIM.',
    ru: 'Эту eSIM не удалось активировать. Выпустите новую eSIM.',
    kk: 'Бұл eSIM-ді белсендіру мүмкін болмады. Жаңа eSIM шығарыңыз.',
  },
  esim_step_wifi: {
    en: 'Make sure that Wi-Fi is on.',
    ru: 'Убедитесь, что Wi-Fi включён.',
    kk: 'Wi-Fi қосулы екеніне көз жеткізіңіз.',
  },
  esim_step_ios_settings: {
    en: 'On the phone, open Settings - Mobile (Cellular) - Add a mobile plan (Add eSIM) - By QR code.',
    ru: 'На телефоне откройте Настройки - Сотовая связь - Добавить тарифный план (Добавить eSIM) - По QR-коду.',
    kk: 'Телефонда Параметрлер - Ұялы байланыс - Тарифтік жоспар қосу (eSIM қосу) - QR-код арқылы бөлімін ашыңыз.',
  },
  esim_step_ios_scan: {
    en: 'Scan the QR code and click Continue.',
    ru: 'Отсканируйте QR-код и нажмите «Продолжить».',
    kk: 'QR-кодты сканерлеп, «Жалғастыру» түймесін басыңыз.',
  },
  esim_step_ios_activation: {
    en: 'When "Activation..." appears on your phone\'s screen, tick "I\'m sure the eSIM is set up" and click "Change to eSIM".',
    ru: 'Когда на экране телефона появится «Активация...», отметьте «Я уверен, что eSIM настроена» и нажмите «Перейти на eSIM».',
    kk: 'Телефон экранында «Белсендіру...» пайда болғанда, «eSIM бапталғанына сенімдімін» белгісін қойып, «eSIM-ге ауысу» түймесін басыңыз.',
  },
  esim_step_android_scan: {
    en: 'Scan the QR code and click "Add" on your phone.',
    ru: 'Отсканируйте QR-код и нажмите «Добавить» на телефоне.',
    kk: 'QR-кодты сканерлеп, телефонда «Қосу» түймесін басыңыз.',
  },
  esim_step_android_adding: {
    en: 'When "Adding Kcell eSIM..." appears on your phone\'s screen, tick "I\'m sure the eSIM is set up" and click "Change to eSIM".',
    ru: 'Когда на экране телефона появится «Добавление eSIM Kcell...», отметьте «Я уверен, что eSIM настроена» и нажмите «Перейти на eSIM».',
    kk: 'Телефон экранында «Kcell eSIM қосылуда...» пайда болғанда, «eSIM бапталғанына сенімдімін» белгісін қойып, «eSIM-ге ауысу» түймесін басыңыз.',
  },
  esim_notice: {
    en: "The QR code is valid for 1 day. Once expired, you will need to select 'Issue eSIM' again. Cost of service - 0 tg.",
    ru: 'QR-код действует 1 день. После истечения срока нужно снова выбрать «Выпустить eSIM». Стоимость услуги — 0 тг.',
    kk: 'QR-код 1 күн жарамды. Мерзімі өткеннен кейін «eSIM шығару» батырмасын қайта таңдау қажет. Қызмет құны — 0 тг.',
  },
  esim_replacement_done: {
    en: 'Done! You have successfully replaced the eSIM.',
    ru: 'Готово! Вы успешно заменили eSIM.',
    kk: 'Дайын! Сіз eSIM-ді сәтті ауыстырдыңыз.',
  },
  esim_replacement_note: {
    en: "If the network is lost after the replacement, you need to reboot the phone. If the connection does not appear after rebooting the phone, you need to register the IMEI code. It is important to register the IMEI code on the company's BIN. The IMEI (MEID) code can be found in the phone settings.",
    ru: 'Если после замены пропала сеть, перезагрузите телефон. Если связь не появилась после перезагрузки, необходимо зарегистрировать IMEI-код. Важно зарегистрировать IMEI-код на БИН компании. Код IMEI (MEID) можно найти в настройках телефона.',
    kk: 'Ауыстырудан кейін желі жоғалса, телефонды қайта іске қосыңыз. Қайта іске қосқаннан кейін байланыс пайда болмаса, IMEI кодын тіркеу қажет. IMEI кодын компанияның БСН-іне тіркеу маңызды. IMEI (MEID) кодын телефон параметрлерінен табуға болады.',
  },
  invalid_imei: {
    en: 'Enter the IMEI: 14 digits, or 15 digits with a valid check digit.',
    ru: 'Введите IMEI: 14 цифр или 15 цифр с верной контрольной цифрой.',
    kk: 'IMEI енгізіңіз: 14 цифр немесе бақылау цифры дұрыс 15 цифр.',
  },
  invalid_iin_bin: {
    en: 'Enter a valid IIN/BIN: 12 digits with a correct check digit.',
    ru: 'Введите корректный ИИН/БИН: 12 цифр с верной контрольной цифрой.',
    kk: 'Дұрыс ЖСН/БСН енгізіңіз: бақылау цифры дұрыс 12 цифр.',
  },
  previous_owner_required: {
    en: "Enter the previous owner's number and IIN/BIN.",
    ru: 'Укажите номер и ИИН/БИН предыдущего владельца.',
    kk: 'Алдыңғы иесінің нөмірі мен ЖСН/БСН-ін көрсетіңіз.',
  },
  previous_owner_is_this_number: {
    en: "The previous owner's number must be another number, not this one.",
    ru: 'Номер предыдущего владельца должен отличаться от этого номера.',
    kk: 'Алдыңғы иесінің нөмірі осы нөмірден өзгеше болуы керек.',
  },
  terms_not_accepted: {
    en: 'Confirm that you have read the terms of re-registration and duplicate registration.',
    ru: 'Подтвердите, что ознакомились с условиями перерегистрации и регистрации дубликата.',
    kk: 'Қайта тіркеу және телнұсқаны тіркеу шарттарымен танысқаныңызды растаңыз.',
  },
  device_request_pending: {
    en: 'A request for this device is already being processed. The result will be sent via SMS within 8 hours.',
    ru: 'Запрос по этому устройству уже обрабатывается. Ответ будет предоставлен в виде SMS-сообщения в течение 8 часов.',
    kk: 'Бұл құрылғы бойынша сұрау өңделуде. Жауап 8 сағат ішінде SMS-хабарлама түрінде беріледі.',
  },
  device_already_registered: {
    en: 'This device is already registered with this number.',
    ru: 'Это устройство уже зарегистрировано с этим номером.',
    kk: 'Бұл құрылғы осы нөмірмен тіркеліп қойған.',
  },
  device_not_registered: {
    en: 'The device is not registered to this number.',
    ru: 'Устройство не зарегистрировано с этим номером.',
    kk: 'Құрылғы осы нөмірмен тіркелмеген.',
  },
  imei_registered: {
    en: 'Device {imei} is registered with number {msisdn}.',
    ru: 'Устройство {imei} зарегистрировано с номером {msisdn}.',
    kk: '{imei} құрылғысы {msisdn} нөмірімен тіркелді.',
  },
  imei_duplicate_registered: {
    en: 'Duplicate of device {imei} registered successfully with number {msisdn}.',
    ru: 'Дубликат устройства {imei} успешно зарегистрирован с номером {msisdn}.',
    kk: '{imei} құрылғысының телнұсқасы {msisdn} нөмірімен сәтті тіркелді.',
  },
  imei_removed: {
    en: 'Registration of device {imei} with number {msisdn} has been removed.',
    ru: 'Регистрация устройства {imei} с номером {msisdn} снята.',
    kk: '{imei} құрылғысының {msisdn} нөмірімен тіркелуі алынып тасталды.',
  },
  imei_needs_reregistration: {
    en: "Device {imei} is registered to another owner. To register it with number {msisdn}, re-register it with the previous owner's number and IIN/BIN.",
    ru: 'Устройство {imei} зарегистрировано на другого владельца. Чтобы зарегистрировать его с номером {msisdn}, выполните перерегистрацию, указав номер и ИИН/БИН предыдущего владельца.',
    kk: '{imei} құрылғысы басқа иеге тіркелген. Оны {msisdn} нөмірімен тіркеу үшін алдыңғы иесінің нөмірі мен ЖСН/БСН-ін көрсетіп, қайта тіркеңіз.',
  },
  imei_needs_duplicate: {
    en: 'Device {imei} is registered with a number of another provider. To use it with number {msisdn}, register a duplicate.',
    ru: 'Устройство {imei} зарегистрировано с номером другого оператора. Чтобы использовать его с номером {msisdn}, зарегистрируйте дубликат.',
    kk: '{imei} құрылғысы басқа оператордың нөмірімен тіркелген. Оны {msisdn} нөмірімен пайдалану үшін телнұсқасын тіркеңіз.',
  },
  imei_invalid: {
    en: 'The national registry did not accept IMEI {imei}. Check the IMEI in the phone settings (dial *#06#).',
    ru: 'Национальный реестр не принял IMEI {imei}. Проверьте IMEI в настройках телефона (наберите *#06#).',
    kk: 'Ұлттық тізілім {imei} IMEI-ін қабылдамады. IMEI-ді телефон параметрлерінен тексеріңіз (*#06# теріңіз).',
  },
  imei_previous_owner_mismatch: {
    en: "Re-registration of device {imei} was refused: the previous owner's number or IIN/BIN does not match the registry.",
    ru: 'В перерегистрации устройства {imei} отказано: номер или ИИН/БИН предыдущего владельца не совпадает с данными реестра.',
    kk: '{imei} құрылғысын қайта тіркеуден бас тартылды: алдыңғы иесінің нөмірі немесе ЖСН/БСН-і тізілім деректеріне сәйкес келмейді.',
  },
  imei_not_registered: {
    en: 'Device {imei} is not registered with number {msisdn}: there is nothing to remove.',
    ru: 'Устройство {imei} не зарегистрировано с номером {msisdn}: снимать нечего.',
    kk: '{imei} құрылғысы {msisdn} нөмірімен тіркелмеген: алып тастайтын ештеңе жоқ.',
  },
  imei_failed: {
    en: 'The request for device {imei} could not be completed. Please try again.',
    ru: 'Запрос по устройству {imei} не удалось выполнить. Попробуйте ещё раз.',
    kk: '{imei} құрылғысы бойынша сұрауды орындау мүмкін болмады. Қайталап көріңіз.',
  },
  request_failed: {
    en: 'The request could not be completed. Please try again later.',
    ru: 'Не удалось выполнить запрос. Попробуйте позже.',
    kk: 'Сұрауды орындау мүмкін болмады. Кейінірек қайталап көріңіз.',
  },
  // Money: amounts, balance transfers (F40), unallocated payments (F38)
  amount_not_string: {
    en: 'Send the amount as a string of tenge with at most 2 decimals, e.g. "50.00".',
    ru: 'Передайте сумму строкой в тенге, не более 2 знаков после точки, например "50.00".',
    kk: 'Соманы теңгемен жол түрінде жіберіңіз, үтірден кейін 2 таңбадан аспасын, мысалы "50.00".',
  },
  amount_invalid: {
    en: 'Enter the amount in tenge, e.g. 50.00.',
    ru: 'Введите сумму в тенге, например 50.00.',
    kk: 'Соманы теңгемен енгізіңіз, мысалы 50.00.',
  },
  amount_not_positive: {
    en: 'The amount must be greater than zero.',
    ru: 'Сумма должна быть больше нуля.',
    kk: 'Сома нөлден үлкен болуы керек.',
  },
  amount_too_many_decimals: {
    en: 'The amount can have at most 2 digits after the decimal point (tiyn).',
    ru: 'В сумме может быть не более 2 знаков после точки (тиыны).',
    kk: 'Сомада үтірден кейін 2 таңбадан артық болмауы керек (тиын).',
  },
  amount_above_maximum: {
    en: 'The amount cannot exceed {max} ₸.',
    ru: 'Сумма не может превышать {max} ₸.',
    kk: 'Сома {max} ₸-ден аспауы керек.',
  },
  transfer_same_number: {
    en: 'The sender and the recipient must be different numbers.',
    ru: 'Отправитель и получатель должны быть разными номерами.',
    kk: 'Жіберуші мен алушы әртүрлі нөмірлер болуы керек.',
  },
  transfer_insufficient_funds: {
    en: 'Not enough funds on the sender’s number: {available} ₸ available.',
    ru: 'Недостаточно средств на номере отправителя: доступно {available} ₸.',
    kk: 'Жіберуші нөмірінде қаражат жеткіліксіз: қолжетімді {available} ₸.',
  },
  transfer_sender_blocked: {
    en: 'The sender’s number is blocked: balance cannot be transferred from it. Unblock it first.',
    ru: 'Номер отправителя заблокирован: переводить с него баланс нельзя. Сначала разблокируйте его.',
    kk: 'Жіберушінің нөмірі бұғатталған: одан баланс аударуға болмайды. Алдымен оны бұғаттан шығарыңыз.',
  },
  transfer_sender_blocked_debt: {
    en: 'The sender’s number is blocked by the operator for debt: balance cannot be transferred from it.',
    ru: 'Номер отправителя заблокирован оператором за задолженность: переводить с него баланс нельзя.',
    kk: 'Жіберушінің нөмірін оператор берешек үшін бұғаттаған: одан баланс аударуға болмайды.',
  },
  transfer_sender_suspended: {
    en: 'Service on the sender’s number is suspended by the operator: balance cannot be transferred from it.',
    ru: 'Обслуживание номера отправителя приостановлено оператором: переводить с него баланс нельзя.',
    kk: 'Жіберуші нөміріне қызмет көрсетуді оператор тоқтатты: одан баланс аударуға болмайды.',
  },
  transfer_sender_terminated: {
    en: 'The contract for the sender’s number is terminated: balance cannot be transferred from it.',
    ru: 'Договор по номеру отправителя расторгнут: переводить с него баланс нельзя.',
    kk: 'Жіберуші нөмірі бойынша шарт бұзылған: одан баланс аударуға болмайды.',
  },
  transfer_recipient_blocked: {
    en: 'The recipient’s number is blocked: balance cannot be transferred to it. Unblock it first.',
    ru: 'Номер получателя заблокирован: переводить на него баланс нельзя. Сначала разблокируйте его.',
    kk: 'Алушының нөмірі бұғатталған: оған баланс аударуға болмайды. Алдымен оны бұғаттан шығарыңыз.',
  },
  transfer_recipient_blocked_debt: {
    en: 'The recipient’s number is blocked by the operator for debt: balance cannot be transferred to it.',
    ru: 'Номер получателя заблокирован оператором за задолженность: переводить на него баланс нельзя.',
    kk: 'Алушының нөмірін оператор берешек үшін бұғаттаған: оған баланс аударуға болмайды.',
  },
  transfer_recipient_suspended: {
    en: 'Service on the recipient’s number is suspended by the operator: balance cannot be transferred to it.',
    ru: 'Обслуживание номера получателя приостановлено оператором: переводить на него баланс нельзя.',
    kk: 'Алушы нөміріне қызмет көрсетуді оператор тоқтатты: оған баланс аударуға болмайды.',
  },
  transfer_recipient_terminated: {
    en: 'The contract for the recipient’s number is terminated: balance cannot be transferred to it.',
    ru: 'Договор по номеру получателя расторгнут: переводить на него баланс нельзя.',
    kk: 'Алушы нөмірі бойынша шарт бұзылған: оған баланс аударуға болмайды.',
  },
  idempotency_key_reused: {
    en: 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    ru: 'Этот Idempotency-Key уже использован для другого запроса. Для нового запроса используйте новый ключ.',
    kk: 'Бұл Idempotency-Key басқа сұрау үшін қолданылған. Жаңа сұрау үшін жаңа кілт қолданыңыз.',
  },
  unallocated_payments_instruction: {
    en: 'Dear Administrator, please note that there are unallocated payments on your account. Kindly send the payment allocation register to {email} for proper processing.',
    ru: 'Уважаемый администратор, примите во внимание, что у вас есть неразнесенные платежи. Просим отправить для зачисления платежа/ей реестр на {email}.',
    kk: 'Құрметті әкімші, сізде есепке жатқызылмаған төлемдер бар екенін ескеріңіз. Төлемді/төлемдерді есепке жатқызу үшін тізілімді {email} адресіне жіберуіңізді сұраймыз.',
  },
  unallocated_payments_none: {
    en: 'You have no unallocated payments.',
    ru: 'У вас нет неразнесенных платежей.',
    kk: 'Сізде есепке жатқызылмаған төлемдер жоқ.',
  },
  // Reports and documents (F19, F30–F37, F39)
  period_start_after_end: {
    en: 'The end of the period ({to}) is before its start ({from}).',
    ru: 'Конец периода ({to}) раньше его начала ({from}).',
    kk: 'Кезеңнің соңы ({to}) оның басынан ({from}) бұрын.',
  },
  period_in_future: {
    en: 'The period cannot end after today ({today}).',
    ru: 'Период не может заканчиваться позже сегодняшнего дня ({today}).',
    kk: 'Кезең бүгінгі күннен ({today}) кейін аяқтала алмайды.',
  },
  period_too_old: {
    en: 'This report is available from {earliest} onwards: choose a later start of the period.',
    ru: 'Этот отчёт доступен начиная с {earliest}: выберите более позднее начало периода.',
    kk: 'Бұл есеп {earliest} бастап қолжетімді: кезеңнің кейінірек басталуын таңдаңыз.',
  },
  period_not_closed: {
    en: 'The reconciliation statement for {month} will be available from {availableFrom}.',
    ru: 'Акт сверки за {month} будет доступен с {availableFrom}.',
    kk: '{month} үшін салыстыру актісі {availableFrom} бастап қолжетімді болады.',
  },
  report_accepted: {
    en: 'Your request to submit a report has been accepted.',
    ru: 'Ваш запрос на формирование отчёта принят.',
    kk: 'Есепті қалыптастыруға сұрауыңыз қабылданды.',
  },
  report_ready: {
    en: 'The report is ready: download it from the request.',
    ru: 'Отчёт готов: скачайте его из запроса.',
    kk: 'Есеп дайын: оны сұраудан жүктеп алыңыз.',
  },
  report_sent: {
    en: 'The report has been sent to {email}.',
    ru: 'Отчёт отправлен на {email}.',
    kk: 'Есеп {email} адресіне жіберілді.',
  },
  report_failed: {
    en: 'The report could not be prepared. Please order it again later.',
    ru: 'Не удалось сформировать отчёт. Закажите его позже ещё раз.',
    kk: 'Есепті қалыптастыру мүмкін болмады. Оны кейінірек қайта тапсырыс беріңіз.',
  },
  report_email_subject: {
    en: 'My Account: {report}',
    ru: 'Личный кабинет: {report}',
    kk: 'Жеке кабинет: {report}',
  },
  report_email_body: {
    en: 'Hello!\n\nThe report you ordered in My Account is attached: {report} ({file}).\n\nMy Account',
    ru: 'Здравствуйте!\n\nОтчёт, заказанный в Личном кабинете, во вложении: {report} ({file}).\n\nЛичный кабинет',
    kk: 'Сәлеметсіз бе!\n\nЖеке кабинетте тапсырыс берген есебіңіз тіркемеде: {report} ({file}).\n\nЖеке кабинет',
  },
  report_email_body_too_large: {
    en: 'Hello!\n\nThe report you ordered in My Account is ready: {report}. It is too large to attach ({size} MB): download {file} in My Account, section Requests.\n\nMy Account',
    ru: 'Здравствуйте!\n\nОтчёт, заказанный в Личном кабинете, готов: {report}. Он слишком велик для вложения ({size} МБ): скачайте {file} в Личном кабинете, раздел «Запросы».\n\nЛичный кабинет',
    kk: 'Сәлеметсіз бе!\n\nЖеке кабинетте тапсырыс берген есебіңіз дайын: {report}. Ол тіркеме үшін тым үлкен ({size} МБ): {file} файлын Жеке кабинеттің «Сұраулар» бөлімінен жүктеп алыңыз.\n\nЖеке кабинет',
  },
  invalid_invoice_number: {
    en: 'An invoice number is 13 digits.',
    ru: 'Номер счёта-фактуры состоит из 13 цифр.',
    kk: 'Шот-фактура нөмірі 13 цифрдан тұрады.',
  },
  invoice_lookup_key_required: {
    en: 'Enter either an invoice number or an e-invoice registration number.',
    ru: 'Укажите либо номер счёта-фактуры, либо регистрационный номер ЭСФ.',
    kk: 'Шот-фактура нөмірін немесе ЭШФ тіркеу нөмірін көрсетіңіз.',
  },
  invoice_not_found: {
    en: 'No invoice of your company has this number.',
    ru: 'У вашей компании нет счёта-фактуры с таким номером.',
    kk: 'Компанияңызда мұндай нөмірі бар шот-фактура жоқ.',
  },
  invoice_breakdown_not_found: {
    en: 'There is no invoice for personal account {account} for {month}.',
    ru: 'Счёта по лицевому счёту {account} за {month} нет.',
    kk: '{account} дербес шоты бойынша {month} үшін шот жоқ.',
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
