/**
 * Texts of generated documents (F07): sheet and column headings, values, PDF wording, and the
 * actions history's action names, each in English, Russian and Kazakh.
 */
import type { Language } from '../../lib/i18n.js';

type Texts = Record<string, Record<Language, string>>;

const common = {
  total: { en: 'Total', ru: 'Итого', kk: 'Барлығы' },
  company: { en: 'Company: {name}, BIN {bin}', ru: 'Компания: {name}, БИН {bin}', kk: 'Компания: {name}, БСН {bin}' },
  period: { en: 'Period: {from} – {to}', ru: 'Период: {from} – {to}', kk: 'Кезең: {from} – {to}' },
  generated: {
    en: 'Generated on {at} (Almaty time)',
    ru: 'Сформирован {at} (время Алматы)',
    kk: '{at} қалыптастырылды (Алматы уақыты)',
  },
  rows: { en: 'Rows: {count}', ru: 'Строк: {count}', kk: 'Жолдар: {count}' },
  page: { en: 'Page {page}', ru: 'Страница {page}', kk: '{page}-бет' },
} satisfies Texts;

const usage = {
  usage_title: {
    en: 'Usage details for {number}',
    ru: 'Детализация по номеру {number}',
    kk: '{number} нөмірі бойынша егжей-тегжейлі есеп',
  },
  usage_sheet: { en: 'Usage details', ru: 'Детализация', kk: 'Егжей-тегжейлі есеп' },
  usage_file: { en: 'usage-details', ru: 'detalizaciya', kk: 'tolyq-esep' },
  col_occurred_at: { en: 'Date and time', ru: 'Дата и время', kk: 'Күні мен уақыты' },
  col_type: { en: 'Type', ru: 'Тип', kk: 'Түрі' },
  col_direction: { en: 'Direction', ru: 'Направление', kk: 'Бағыты' },
  col_other_party: { en: 'Other party', ru: 'Абонент', kk: 'Абонент' },
  col_duration: { en: 'Duration', ru: 'Длительность', kk: 'Ұзақтығы' },
  col_volume: { en: 'Volume, MB', ru: 'Объём, МБ', kk: 'Көлемі, МБ' },
  col_cost: { en: 'Cost, ₸', ru: 'Стоимость, ₸', kk: 'Құны, ₸' },
  type_call: { en: 'Call', ru: 'Звонок', kk: 'Қоңырау' },
  type_sms: { en: 'SMS', ru: 'SMS', kk: 'SMS' },
  type_data: { en: 'Mobile internet', ru: 'Мобильный интернет', kk: 'Мобильді интернет' },
  direction_outgoing: { en: 'Outgoing', ru: 'Исходящий', kk: 'Шығыс' },
  direction_incoming: { en: 'Incoming', ru: 'Входящий', kk: 'Кіріс' },
} satisfies Texts;

const numbers = {
  numbers_title: { en: 'List of numbers', ru: 'Отчёт по списку номеров', kk: 'Нөмірлер тізімі бойынша есеп' },
  numbers_sheet: { en: 'Numbers', ru: 'Номера', kk: 'Нөмірлер' },
  numbers_file: { en: 'numbers', ru: 'nomera', kk: 'nomirler' },
  col_number: { en: 'Number', ru: 'Номер', kk: 'Нөмір' },
  col_billing_method: { en: 'Billing method', ru: 'Метод расчёта', kk: 'Есеп айырысу әдісі' },
  col_credit_limit: { en: 'Credit limit, ₸', ru: 'Кредитный лимит, ₸', kk: 'Кредиттік лимит, ₸' },
  col_debt: { en: 'Debt, ₸', ru: 'Задолженность, ₸', kk: 'Берешек, ₸' },
  col_balance: { en: 'Balance, ₸', ru: 'Баланс, ₸', kk: 'Баланс, ₸' },
  col_remaining_limit: {
    en: 'Remaining credit limit, ₸',
    ru: 'Остаток кредитного лимита, ₸',
    kk: 'Кредиттік лимит қалдығы, ₸',
  },
  col_tariff: { en: 'Tariff plan', ru: 'Тарифный план', kk: 'Тарифтік жоспар' },
  col_status: { en: 'Status', ru: 'Статус', kk: 'Күйі' },
  billing_credit: { en: 'Credit (postpaid)', ru: 'Кредитный (постоплата)', kk: 'Кредиттік (кейін төлеу)' },
  billing_advance: { en: 'Advance (prepaid)', ru: 'Авансовый (предоплата)', kk: 'Аванстық (алдын ала төлеу)' },
  status_active: { en: 'Active', ru: 'Активный', kk: 'Белсенді' },
  status_blocked: { en: 'Blocked', ru: 'Заблокирован', kk: 'Бұғатталған' },
  status_blocked_debt: { en: 'Blocked / Debt', ru: 'Заблокирован / Долг', kk: 'Бұғатталған / Қарыз' },
  status_suspended: { en: 'Suspended', ru: 'Приостановлен', kk: 'Тоқтатылған' },
  status_terminated: { en: 'Terminated', ru: 'Расторгнут', kk: 'Бұзылған' },
} satisfies Texts;

const invoices = {
  register_title: { en: 'Invoice register', ru: 'Реестр счетов-фактур', kk: 'Шот-фактуралар тізілімі' },
  register_sheet: { en: 'Invoices', ru: 'Счета-фактуры', kk: 'Шот-фактуралар' },
  register_file: { en: 'invoice-register', ru: 'reestr-schetov-faktur', kk: 'shot-fakturalar-tizilimi' },
  col_invoice_number: { en: 'Invoice number', ru: 'Номер счёта-фактуры', kk: 'Шот-фактура нөмірі' },
  col_e_invoice: {
    en: 'E-invoice registration number',
    ru: 'Регистрационный номер ЭСФ',
    kk: 'ЭШФ тіркеу нөмірі',
  },
  col_issued_on: { en: 'Issue date', ru: 'Дата выписки', kk: 'Жазылған күні' },
  col_billing_period: { en: 'Billing period', ru: 'Расчётный период', kk: 'Есеп айырысу кезеңі' },
  col_account: { en: 'Personal account', ru: 'Лицевой счёт', kk: 'Дербес шот' },
  col_net: { en: 'Amount excl. VAT, ₸', ru: 'Сумма без НДС, ₸', kk: 'ҚҚС-сыз сомасы, ₸' },
  col_vat: { en: 'VAT, ₸', ru: 'НДС, ₸', kk: 'ҚҚС, ₸' },
  col_total: { en: 'Total incl. VAT, ₸', ru: 'Сумма с НДС, ₸', kk: 'ҚҚС-пен сомасы, ₸' },
  lookup_sheet: { en: 'Numbers by invoice', ru: 'Номера по счёту-фактуре', kk: 'Шот-фактура бойынша нөмірлер' },
  lookup_title: {
    en: 'Numbers on invoice {invoice}',
    ru: 'Номера по счёту-фактуре {invoice}',
    kk: '{invoice} шот-фактурасы бойынша нөмірлер',
  },
  lookup_file: { en: 'numbers-by-invoice', ru: 'nomera-po-schetu', kk: 'shot-boiynsha-nomirler' },
  col_phone: { en: 'Phone number', ru: 'Номер телефона', kk: 'Телефон нөмірі' },
} satisfies Texts;

const payments = {
  payments_title: { en: 'Payments report', ru: 'Отчёт по платежам', kk: 'Төлемдер бойынша есеп' },
  payments_sheet: { en: 'Payments', ru: 'Платежи', kk: 'Төлемдер' },
  payments_file: { en: 'payments', ru: 'platezhi', kk: 'tolemder' },
  col_paid_on: { en: 'Payment date', ru: 'Дата платежа', kk: 'Төлем күні' },
  col_order_number: { en: 'Payment order number', ru: 'Номер платёжного поручения', kk: 'Төлем тапсырмасының нөмірі' },
  col_amount: { en: 'Amount, ₸', ru: 'Сумма, ₸', kk: 'Сомасы, ₸' },
  col_allocation: { en: 'Allocation', ru: 'Разнесение', kk: 'Есепке жатқызу' },
  col_allocated_on: { en: 'Allocated on', ru: 'Дата разнесения', kk: 'Есепке жатқызылған күні' },
  payment_allocated: { en: 'Allocated', ru: 'Разнесён', kk: 'Есепке жатқызылды' },
  payment_unallocated: { en: 'Unallocated', ru: 'Не разнесён', kk: 'Есепке жатқызылмаған' },
} satisfies Texts;

const devices = {
  devices_title: {
    en: 'Registered devices report',
    ru: 'Отчёт по зарегистрированным устройствам',
    kk: 'Тіркелген құрылғылар бойынша есеп',
  },
  devices_sheet: { en: 'Devices', ru: 'Устройства', kk: 'Құрылғылар' },
  devices_file: { en: 'registered-devices', ru: 'zaregistrirovannye-ustroistva', kk: 'tirkelgen-qurylgylar' },
  col_imei: { en: 'IMEI', ru: 'IMEI', kk: 'IMEI' },
  col_registration_kind: { en: 'Registration type', ru: 'Тип регистрации', kk: 'Тіркеу түрі' },
  col_registered_on: { en: 'Registered on', ru: 'Дата регистрации', kk: 'Тіркелген күні' },
  registration_register: { en: 'Registration', ru: 'Регистрация', kk: 'Тіркеу' },
  registration_reregister: { en: 'Re-registration', ru: 'Перерегистрация', kk: 'Қайта тіркеу' },
  registration_duplicate: { en: 'Duplicate registration', ru: 'Регистрация дубликата', kk: 'Телнұсқаны тіркеу' },
} satisfies Texts;

const reconciliation = {
  reconciliation_title: {
    en: 'Reconciliation statement',
    ru: 'Акт сверки взаимных расчётов',
    kk: 'Өзара есеп айырысуды салыстыру актісі',
  },
  reconciliation_file: { en: 'reconciliation-statement', ru: 'akt-sverki', kk: 'salystyru-aktisi' },
  reconciliation_subtitle: {
    en: 'between {operator} and {company} for {from} – {to}',
    ru: 'между {operator} и {company} за период {from} – {to}',
    kk: '{from} – {to} кезеңі үшін {operator} және {company} арасында',
  },
  reconciliation_services: {
    en: 'Services covered: mobile communication, fixed internet, vehicle monitoring, telemetry, contract phones.',
    ru: 'Услуги: мобильная связь, фиксированный интернет, мониторинг транспорта, телеметрия, контрактные телефоны.',
    kk: 'Қызметтер: мобильді байланыс, тіркелген интернет, көлік мониторингі, телеметрия, келісімшарттық телефондар.',
  },
  reconciliation_valid: {
    en: 'The data are valid as of {at}.',
    ru: 'Данные актуальны на {at}.',
    kk: 'Деректер {at} бойынша өзекті.',
  },
  col_date: { en: 'Date', ru: 'Дата', kk: 'Күні' },
  col_document: { en: 'Document', ru: 'Документ', kk: 'Құжат' },
  col_debit: { en: 'Debit, ₸', ru: 'Дебет, ₸', kk: 'Дебет, ₸' },
  col_credit: { en: 'Credit, ₸', ru: 'Кредит, ₸', kk: 'Кредит, ₸' },
  col_service: { en: 'Service', ru: 'Услуга', kk: 'Қызмет' },
  opening_balance: { en: 'Opening balance', ru: 'Сальдо на начало периода', kk: 'Кезең басындағы сальдо' },
  closing_balance: { en: 'Closing balance', ru: 'Сальдо на конец периода', kk: 'Кезең соңындағы сальдо' },
  turnover: { en: 'Turnover for the period', ru: 'Обороты за период', kk: 'Кезеңдегі айналым' },
  doc_invoice: {
    en: 'Services rendered, invoice No. {number}, account {account}',
    ru: 'Оказание услуг, счёт-фактура № {number}, лицевой счёт {account}',
    kk: 'Қызмет көрсету, шот-фактура № {number}, дербес шот {account}',
  },
  doc_payment: {
    en: 'Payment, payment order No. {number}',
    ru: 'Оплата, платёжное поручение № {number}',
    kk: 'Төлем, төлем тапсырмасы № {number}',
  },
  doc_payment_unallocated: {
    en: 'Payment, payment order No. {number} (unallocated)',
    ru: 'Оплата, платёжное поручение № {number} (не разнесён)',
    kk: 'Төлем, төлем тапсырмасы № {number} (есепке жатқызылмаған)',
  },
  by_service: { en: 'Charges by service', ru: 'Начисления по услугам', kk: 'Қызметтер бойынша есептеулер' },
  service_mobile: { en: 'Mobile communication', ru: 'Мобильная связь', kk: 'Мобильді байланыс' },
  service_fixed_internet: { en: 'Fixed internet', ru: 'Фиксированный интернет', kk: 'Тіркелген интернет' },
  service_vehicle_monitoring: { en: 'Vehicle monitoring', ru: 'Мониторинг транспорта', kk: 'Көлік мониторингі' },
  service_telemetry: { en: 'Telemetry', ru: 'Телеметрия', kk: 'Телеметрия' },
  service_contract_phones: { en: 'Contract phones', ru: 'Контрактные телефоны', kk: 'Келісімшарттық телефондар' },
  debt_to_operator: {
    en: 'Debt of {company} to {operator}: {amount}',
    ru: 'Задолженность {company} перед {operator}: {amount}',
    kk: '{company} компаниясының {operator} алдындағы берешегі: {amount}',
  },
  overpaid: {
    en: 'Overpayment of {company}: {amount}',
    ru: 'Переплата {company}: {amount}',
    kk: '{company} артық төлемі: {amount}',
  },
  settled: { en: 'No debt on either side.', ru: 'Задолженность отсутствует.', kk: 'Берешек жоқ.' },
  operator_side: { en: 'For {name}', ru: 'От {name}', kk: '{name} атынан' },
  customer_side: { en: 'For {name}', ru: 'От {name}', kk: '{name} атынан' },
} satisfies Texts;

const documents = {
  certificate_title: {
    en: 'Certificate of completed works (services rendered) No. {number}',
    ru: 'Акт выполненных работ (оказанных услуг) № {number}',
    kk: 'Орындалған жұмыстар (көрсетілген қызметтер) актісі № {number}',
  },
  certificate_file: { en: 'certificate', ru: 'akt', kk: 'akti' },
  dated: { en: 'dated {date}', ru: 'от {date}', kk: '{date} бастап' },
  executor: { en: 'Executor', ru: 'Исполнитель', kk: 'Орындаушы' },
  customer: { en: 'Customer', ru: 'Заказчик', kk: 'Тапсырыс беруші' },
  requisites: {
    en: '{name}, BIN {bin}, {address}',
    ru: '{name}, БИН {bin}, {address}',
    kk: '{name}, БСН {bin}, {address}',
  },
  invoice_ref: {
    en: 'Invoice No. {number} (e-invoice {eInvoice}), personal account {account}, billing period {period}',
    ru: 'Счёт-фактура № {number} (ЭСФ {eInvoice}), лицевой счёт {account}, расчётный период {period}',
    kk: 'Шот-фактура № {number} (ЭШФ {eInvoice}), дербес шот {account}, есеп айырысу кезеңі {period}',
  },
  col_no: { en: 'No.', ru: '№', kk: '№' },
  col_service_name: { en: 'Service', ru: 'Наименование услуги', kk: 'Қызмет атауы' },
  col_description: { en: 'Description', ru: 'Описание', kk: 'Сипаттамасы' },
  net_total: { en: 'Total excl. VAT', ru: 'Итого без НДС', kk: 'ҚҚС-сыз барлығы' },
  vat_total: { en: 'VAT 12%', ru: 'НДС 12%', kk: 'ҚҚС 12%' },
  grand_total: { en: 'Total incl. VAT', ru: 'Всего с НДС', kk: 'ҚҚС-пен барлығы' },
  in_words: { en: 'Total in words: {words}', ru: 'Всего прописью: {words}', kk: 'Барлығы жазбаша: {words}' },
  certificate_statement: {
    en: 'The services above were rendered in full and on time. The customer has no claims as to their volume, quality or timing.',
    ru: 'Вышеперечисленные услуги оказаны полностью и в срок. Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет.',
    kk: 'Жоғарыда көрсетілген қызметтер толық және мерзімінде көрсетілді. Тапсырыс берушінің қызметтердің көлеміне, сапасына және мерзіміне шағымы жоқ.',
  },
  breakdown_title: { en: 'Invoice breakdown', ru: 'Расшифровка счёта', kk: 'Шоттың толық жазбасы' },
  breakdown_by_number: { en: 'Breakdown by number', ru: 'Расшифровка по номерам', kk: 'Нөмірлер бойынша толық жазба' },
  breakdown_file: { en: 'invoice-breakdown', ru: 'rasshifrovka-scheta', kk: 'shot-zhazbasy' },
  breakdown_heading: {
    en: 'Personal account {account}, {period}, invoice No. {number}',
    ru: 'Лицевой счёт {account}, {period}, счёт-фактура № {number}',
    kk: 'Дербес шот {account}, {period}, шот-фактура № {number}',
  },
  account_level: { en: 'Account (all numbers)', ru: 'По счёту (все номера)', kk: 'Шот бойынша (барлық нөмірлер)' },
  signature: { en: 'Signature ____________', ru: 'Подпись ____________', kk: 'Қолы ____________' },
  category_subscription: { en: 'Monthly fee', ru: 'Абонентская плата', kk: 'Абоненттік төлем' },
  category_calls: { en: 'Calls', ru: 'Звонки', kk: 'Қоңыраулар' },
  category_sms: { en: 'SMS', ru: 'SMS-сообщения', kk: 'SMS-хабарламалар' },
  category_data: { en: 'Mobile internet', ru: 'Мобильный интернет', kk: 'Мобильді интернет' },
  category_services: {
    en: 'Packages and additional services',
    ru: 'Пакеты и дополнительные услуги',
    kk: 'Пакеттер және қосымша қызметтер',
  },
  category_instalment: { en: 'Device instalment', ru: 'Рассрочка за устройство', kk: 'Құрылғы үшін бөліп төлеу' },
  category_other: { en: 'Other', ru: 'Прочее', kk: 'Басқа' },
} satisfies Texts;

const actions = {
  actions_title: { en: 'Actions history', ru: 'История действий', kk: 'Әрекеттер тарихы' },
  actions_sheet: { en: 'Actions', ru: 'Действия', kk: 'Әрекеттер' },
  actions_file: { en: 'actions-history', ru: 'istoriya-deistvii', kk: 'areketter-tarihy' },
  col_action: { en: 'Action', ru: 'Действие', kk: 'Әрекет' },
  col_action_status: { en: 'Status', ru: 'Статус', kk: 'Күйі' },
  col_administrator: { en: 'Administrator', ru: 'Администратор', kk: 'Әкімші' },
  action_success: { en: 'Success', ru: 'Успешно', kk: 'Сәтті' },
  action_failure: { en: 'Failure', ru: 'Ошибка', kk: 'Сәтсіз' },
} satisfies Texts;

const months = {
  month_1: { en: 'January', ru: 'Январь', kk: 'Қаңтар' },
  month_2: { en: 'February', ru: 'Февраль', kk: 'Ақпан' },
  month_3: { en: 'March', ru: 'Март', kk: 'Наурыз' },
  month_4: { en: 'April', ru: 'Апрель', kk: 'Сәуір' },
  month_5: { en: 'May', ru: 'Май', kk: 'Мамыр' },
  month_6: { en: 'June', ru: 'Июнь', kk: 'Маусым' },
  month_7: { en: 'July', ru: 'Июль', kk: 'Шілде' },
  month_8: { en: 'August', ru: 'Август', kk: 'Тамыз' },
  month_9: { en: 'September', ru: 'Сентябрь', kk: 'Қыркүйек' },
  month_10: { en: 'October', ru: 'Октябрь', kk: 'Қазан' },
  month_11: { en: 'November', ru: 'Ноябрь', kk: 'Қараша' },
  month_12: { en: 'December', ru: 'Декабрь', kk: 'Желтоқсан' },
} satisfies Texts;

/**
 * Names of the actions in the history (F31); `{target}` is the number, invoice or e-mail acted
 * on. An action without a name here is shown by its code.
 */
export const actionNames = {
  'auth.login': { en: 'Log in', ru: 'Вход в систему', kk: 'Жүйеге кіру' },
  'auth.logout': { en: 'Log out', ru: 'Выход из системы', kk: 'Жүйеден шығу' },
  'auth.code_sent': { en: 'One-time code sent', ru: 'Отправка одноразового кода', kk: 'Бір реттік кодты жіберу' },
  'auth.code_verify': { en: 'One-time code check', ru: 'Проверка одноразового кода', kk: 'Бір реттік кодты тексеру' },
  'auth.password_reset_requested': {
    en: 'Password reset requested',
    ru: 'Запрос на сброс пароля',
    kk: 'Құпиясөзді қалпына келтіру сұрауы',
  },
  'auth.password_reset': { en: 'Password reset', ru: 'Сброс пароля', kk: 'Құпиясөзді қалпына келтіру' },
  'profile.email_changed': { en: 'E-mail changed', ru: 'Изменение e-mail', kk: 'E-mail өзгерту' },
  'profile.password_changed': { en: 'Password changed', ru: 'Изменение пароля', kk: 'Құпиясөзді өзгерту' },
  'profile.session_ended': { en: 'Session ended', ru: 'Завершение сеанса', kk: 'Сеансты аяқтау' },
  'company.alias_changed': {
    en: 'Company alias changed',
    ru: 'Изменение псевдонима компании',
    kk: 'Компания лақап атын өзгерту',
  },
  'number.block': { en: 'Number blocking {target}', ru: 'Блокировка номера {target}', kk: '{target} нөмірін бұғаттау' },
  'number.unblock': {
    en: 'Number unblocking {target}',
    ru: 'Разблокировка номера {target}',
    kk: '{target} нөмірін бұғаттан шығару',
  },
  'service.activate': {
    en: 'Service connection {target}',
    ru: 'Подключение услуги {target}',
    kk: '{target} қызметті қосу',
  },
  'service.deactivate': {
    en: 'Service disconnection {target}',
    ru: 'Отключение услуги {target}',
    kk: '{target} қызметті ажырату',
  },
  'forwarding.add': {
    en: 'Call forwarding added {target}',
    ru: 'Добавление переадресации {target}',
    kk: '{target} қайта бағыттауды қосу',
  },
  'forwarding.remove': {
    en: 'Call forwarding removed {target}',
    ru: 'Удаление переадресации {target}',
    kk: '{target} қайта бағыттауды жою',
  },
  'sim.secrets.view': { en: 'View PIN/PUK {target}', ru: 'Просмотр PIN/PUK {target}', kk: '{target} PIN/PUK қарау' },
  'sim.secrets_viewed': { en: 'View PIN/PUK {target}', ru: 'Просмотр PIN/PUK {target}', kk: '{target} PIN/PUK қарау' },
  'sim.replace': {
    en: 'SIM replacement {target}',
    ru: 'Замена SIM-карты {target}',
    kk: '{target} SIM-картаны ауыстыру',
  },
  'esim.issue': { en: 'eSIM issue {target}', ru: 'Выпуск eSIM {target}', kk: '{target} eSIM шығару' },
  'device.register': {
    en: 'Device registration {target}',
    ru: 'Регистрация устройства {target}',
    kk: '{target} құрылғыны тіркеу',
  },
  'balance.transfer': {
    en: 'Balance transfer {target}',
    ru: 'Перевод баланса {target}',
    kk: '{target} балансты аудару',
  },
  balance_transfer: { en: 'Balance transfer {target}', ru: 'Перевод баланса {target}', kk: '{target} балансты аудару' },
  'payments.unallocated.view': {
    en: 'View Unknown payments',
    ru: 'Просмотр неразнесённых платежей',
    kk: 'Есепке жатқызылмаған төлемдерді қарау',
  },
  'invoice.find_numbers': {
    en: 'Getting a list of mobile numbers by invoice number {target}',
    ru: 'Получение списка мобильных номеров по номеру счёта-фактуры {target}',
    kk: '{target} шот-фактура нөмірі бойынша мобильді нөмірлер тізімін алу',
  },
  'document.certificate': {
    en: 'Service delivery certificate {target}',
    ru: 'Акт выполненных работ {target}',
    kk: '{target} орындалған жұмыстар актісі',
  },
  'document.invoice_breakdown': {
    en: 'Invoice breakdown {target}',
    ru: 'Расшифровка счёта {target}',
    kk: '{target} шоттың толық жазбасы',
  },
  'report.usage': { en: 'Usage details {target}', ru: 'Детализация {target}', kk: '{target} егжей-тегжейлі есеп' },
  'report.numbers': { en: 'List of numbers report', ru: 'Отчёт по списку номеров', kk: 'Нөмірлер тізімі бойынша есеп' },
  'report.invoice_register': { en: 'Invoice register', ru: 'Реестр счетов-фактур', kk: 'Шот-фактуралар тізілімі' },
  'report.reconciliation': { en: 'Reconciliation statement', ru: 'Акт сверки', kk: 'Салыстыру актісі' },
  'report.registered_devices': {
    en: 'Registered devices report',
    ru: 'Отчёт по зарегистрированным устройствам',
    kk: 'Тіркелген құрылғылар бойынша есеп',
  },
  'report.payments': { en: 'Payments report', ru: 'Отчёт по платежам', kk: 'Төлемдер бойынша есеп' },
} satisfies Texts;

const all = {
  ...common,
  ...usage,
  ...numbers,
  ...invoices,
  ...payments,
  ...devices,
  ...reconciliation,
  ...documents,
  ...actions,
  ...months,
} satisfies Texts;

export type ReportTextKey = keyof typeof all;
export const reportTexts: Record<ReportTextKey, Record<Language, string>> = all;

/** A document text in a language, `{name}` placeholders filled. */
export function rt(key: ReportTextKey, lang: Language, params: Record<string, string | number> = {}): string {
  const template = all[key][lang];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** "April 2025" of a `YYYY-MM` month. */
export function monthName(month: string, lang: Language): string {
  const m = Number(month.slice(5, 7));
  return `${rt(`month_${m}` as ReportTextKey, lang)} ${month.slice(0, 4)}`;
}

/** The history's name of an action, or its code when it has none. */
export function actionName(action: string, target: string | null, lang: Language): string {
  const names = actionNames as Record<string, Record<Language, string>>;
  const template = names[action]?.[lang];
  if (!template) return target ? `${action} ${target}` : action;
  return template
    .replace('{target}', target ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
