/** Operator catalogues of the demo: announcements, tariffs, services, allowance bundles, devices. */
import { almatyDateOf } from '@portal/calendar';
import { addDays, monthStart } from './time.js';

export interface Localized {
  en: string;
  ru: string;
  kk: string;
}

export interface AnnouncementRow {
  language: 'en' | 'ru' | 'kk';
  title: string;
  body: string;
}

/** The manual's login-page text, in the three languages. */
export const ANNOUNCEMENTS: readonly AnnouncementRow[] = [
  {
    language: 'en',
    title: "Heads up — we've updated your account!",
    body:
      "If you're having trouble logging in, just tap 'Forgot Password'. We'll send a reset link to your " +
      "administrator's email. Didn't get the email? Be sure to check your spam or junk folder. If the " +
      "administrator's email or phone number is outdated, download the update form and send it to " +
      'email@kcell.kz. Need to double-check the admin contact details? You can do that by calling 9099, ' +
      'emailing email@kcell.kz, or getting in touch with your account manager.\n\n' +
      'We appreciate your continued support! Your trust motivates us to enhance our service daily.',
  },
  {
    language: 'ru',
    title: 'Внимание — мы обновили ваш кабинет!',
    body:
      'Если у вас не получается войти, нажмите «Забыли пароль?». Мы отправим ссылку для восстановления ' +
      'на электронную почту администратора. Не получили письмо? Проверьте папку «Спам» или «Нежелательная ' +
      'почта». Если электронная почта или номер телефона администратора устарели, скачайте форму обновления ' +
      'данных и отправьте её на email@kcell.kz. Хотите уточнить контактные данные администратора? Позвоните ' +
      'по номеру 9099, напишите на email@kcell.kz или свяжитесь с вашим персональным менеджером.\n\n' +
      'Благодарим вас за доверие! Оно вдохновляет нас каждый день делать сервис лучше.',
  },
  {
    language: 'kk',
    title: 'Назар аударыңыз — жеке кабинетіңіз жаңартылды!',
    body:
      'Кіру кезінде қиындық туындаса, «Құпиясөзді ұмыттыңыз ба?» батырмасын басыңыз. Біз әкімшінің ' +
      'электрондық поштасына қалпына келтіру сілтемесін жібереміз. Хат келмеді ме? «Спам» немесе «Қоқыс» ' +
      'қалтасын тексеріңіз. Егер әкімшінің электрондық поштасы немесе телефон нөмірі ескірген болса, ' +
      'деректерді жаңарту формасын жүктеп алып, оны email@kcell.kz мекенжайына жіберіңіз. Әкімшінің ' +
      'байланыс деректерін тексергіңіз келе ме? 9099 нөміріне қоңырау шалыңыз, email@kcell.kz мекенжайына ' +
      'жазыңыз немесе жеке менеджеріңізге хабарласыңыз.\n\n' +
      'Бізге сенім артқаныңыз үшін алғыс айтамыз! Сіздің сеніміңіз қызметімізді күн сайын жақсартуға шабыт береді.',
  },
];

export interface TariffRow {
  code: string;
  name: string;
  monthly_fee_tiyn: number;
  esim_allowed: boolean;
}

export const TARIFFS: readonly TariffRow[] = [
  { code: 'kart_blansh_plus_1000', name: 'Карт Бланш+ 1000', monthly_fee_tiyn: 100_000, esim_allowed: true },
  { code: 'biznes_klass_specialist', name: 'Бизнес Класс Специалист', monthly_fee_tiyn: 599_000, esim_allowed: true },
  { code: 'biznes_klass_menedzher', name: 'Бизнес Класс Менеджер', monthly_fee_tiyn: 899_000, esim_allowed: true },
  { code: 'kooperativ_11', name: '11 кооп', monthly_fee_tiyn: 110_000, esim_allowed: true },
  { code: 'business_connect_5000', name: 'Business Connect 5000', monthly_fee_tiyn: 500_000, esim_allowed: true },
  {
    code: 'kcell_business_unlimited',
    name: 'Kcell Business Unlimited',
    monthly_fee_tiyn: 1_299_000,
    esim_allowed: true,
  },
  { code: 'business_m2m', name: 'Business M2M Telemetry', monthly_fee_tiyn: 50_000, esim_allowed: false },
];

export function tariffByCode(code: string): TariffRow {
  const tariff = TARIFFS.find((t) => t.code === code);
  if (!tariff) throw new Error(`unknown tariff ${code}`);
  return tariff;
}

export type ServiceCategory = 'calls_sms' | 'data' | 'roaming' | 'additional' | 'promotions';

export interface ServiceRow {
  code: string;
  category: ServiceCategory;
  name: Localized;
  terms: Localized;
  monthly_fee_tiyn: number;
  exclusive_group: string | null;
  requires_service_code: string | null;
  allowed_tariffs: string[] | null;
  operator_only: boolean;
  allowed_while_blocked: boolean;
  is_restriction: boolean;
  available_until: string | null;
  sort_order: number;
}

type ServiceInput = Pick<ServiceRow, 'code' | 'category' | 'name' | 'terms' | 'monthly_fee_tiyn'> &
  Partial<Omit<ServiceRow, 'code' | 'category' | 'name' | 'terms' | 'monthly_fee_tiyn'>>;

function service(input: ServiceInput, sortOrder: number): ServiceRow {
  return {
    exclusive_group: null,
    requires_service_code: null,
    allowed_tariffs: null,
    operator_only: false,
    allowed_while_blocked: false,
    is_restriction: false,
    available_until: null,
    ...input,
    sort_order: input.sort_order ?? sortOrder,
  };
}

const DATA_PACK_TERMS = (gb: number, fee: number): Localized => ({
  en: `${gb} GB of mobile internet in Kazakhstan for 30 days, ${fee} ₸ a month. Only one internet pack can be connected at a time.`,
  ru: `${gb} ГБ мобильного интернета по Казахстану на 30 дней, ${fee} ₸ в месяц. Одновременно может быть подключён только один пакет интернета.`,
  kk: `Қазақстан бойынша 30 күнге ${gb} ГБ мобильді интернет, айына ${fee} ₸. Бір уақытта тек бір интернет пакетін қосуға болады.`,
});

/** The services catalog; promotions' end dates are relative to `now`. */
export function servicesCatalog(now: Date): ServiceRow[] {
  const promoEnds = almatyDateOf(addDays(monthStart(now, 2), -1));
  const promoEnded = almatyDateOf(addDays(monthStart(now, 0), -1));
  const roamingPromoEnds = almatyDateOf(addDays(monthStart(now, 4), -1));
  const inputs: ServiceInput[] = [
    {
      code: 'onnet_unlimited',
      category: 'calls_sms',
      name: {
        en: 'Unlimited calls to Kcell/activ',
        ru: 'Безлимитные звонки на Kcell/activ',
        kk: 'Kcell/activ нөмірлеріне шексіз қоңыраулар',
      },
      terms: {
        en: 'Unlimited outgoing calls to Kcell and activ numbers across Kazakhstan. 990 ₸ a month.',
        ru: 'Безлимитные исходящие звонки на номера Kcell и activ по всему Казахстану. 990 ₸ в месяц.',
        kk: 'Қазақстан бойынша Kcell және activ нөмірлеріне шексіз шығыс қоңыраулар. Айына 990 ₸.',
      },
      monthly_fee_tiyn: 99_000,
    },
    {
      code: 'offnet_100',
      category: 'calls_sms',
      name: {
        en: '100 minutes to other operators',
        ru: '100 минут на других операторов',
        kk: 'Басқа операторларға 100 минут',
      },
      terms: {
        en: '100 minutes a month to other mobile operators in Kazakhstan. 1,200 ₸ a month.',
        ru: '100 минут в месяц на номера других мобильных операторов Казахстана. 1 200 ₸ в месяц.',
        kk: 'Қазақстанның басқа ұялы операторларына айына 100 минут. Айына 1 200 ₸.',
      },
      monthly_fee_tiyn: 120_000,
      exclusive_group: 'offnet_minutes',
    },
    {
      code: 'offnet_300',
      category: 'calls_sms',
      name: {
        en: '300 minutes to other operators',
        ru: '300 минут на других операторов',
        kk: 'Басқа операторларға 300 минут',
      },
      terms: {
        en: '300 minutes a month to other mobile operators in Kazakhstan. 2,900 ₸ a month.',
        ru: '300 минут в месяц на номера других мобильных операторов Казахстана. 2 900 ₸ в месяц.',
        kk: 'Қазақстанның басқа ұялы операторларына айына 300 минут. Айына 2 900 ₸.',
      },
      monthly_fee_tiyn: 290_000,
      exclusive_group: 'offnet_minutes',
    },
    {
      code: 'landline_50',
      category: 'calls_sms',
      name: {
        en: 'Minutes to KZ landlines',
        ru: 'Минуты на городские номера РК',
        kk: 'ҚР қалалық нөмірлеріне минуттар',
      },
      terms: {
        en: '50 minutes a month to landline numbers in Kazakhstan. 500 ₸ a month.',
        ru: '50 минут в месяц на городские номера Казахстана. 500 ₸ в месяц.',
        kk: 'Қазақстанның қалалық нөмірлеріне айына 50 минут. Айына 500 ₸.',
      },
      monthly_fee_tiyn: 50_000,
    },
    {
      code: 'sms_100',
      category: 'calls_sms',
      name: { en: '100 SMS to all KZ mobiles', ru: '100 SMS на все номера РК', kk: 'ҚР барлық нөмірлеріне 100 SMS' },
      terms: {
        en: '100 SMS a month to all mobile numbers in Kazakhstan. 300 ₸ a month.',
        ru: '100 SMS в месяц на все мобильные номера Казахстана. 300 ₸ в месяц.',
        kk: 'Қазақстанның барлық ұялы нөмірлеріне айына 100 SMS. Айына 300 ₸.',
      },
      monthly_fee_tiyn: 30_000,
      exclusive_group: 'sms_pack',
    },
    {
      code: 'sms_500',
      category: 'calls_sms',
      name: { en: 'SMS to all KZ mobiles', ru: 'SMS на все мобильные номера РК', kk: 'ҚР барлық ұялы нөмірлеріне SMS' },
      terms: {
        en: '500 SMS a month to all mobile numbers in Kazakhstan. 900 ₸ a month.',
        ru: '500 SMS в месяц на все мобильные номера Казахстана. 900 ₸ в месяц.',
        kk: 'Қазақстанның барлық ұялы нөмірлеріне айына 500 SMS. Айына 900 ₸.',
      },
      monthly_fee_tiyn: 90_000,
      exclusive_group: 'sms_pack',
    },
    {
      code: 'intl_calls_60',
      category: 'calls_sms',
      name: {
        en: 'International calls: 60 minutes',
        ru: 'Международные звонки: 60 минут',
        kk: 'Халықаралық қоңыраулар: 60 минут',
      },
      terms: {
        en: '60 minutes a month to the CIS, Europe, China and Turkey. 3,500 ₸ a month. Available on Business Connect 5000, Бизнес Класс Менеджер and Kcell Business Unlimited.',
        ru: '60 минут в месяц на СНГ, Европу, Китай и Турцию. 3 500 ₸ в месяц. Доступно на тарифах Business Connect 5000, Бизнес Класс Менеджер и Kcell Business Unlimited.',
        kk: 'ТМД, Еуропа, Қытай және Түркияға айына 60 минут. Айына 3 500 ₸. Business Connect 5000, Бизнес Класс Менеджер және Kcell Business Unlimited тарифтерінде қолжетімді.',
      },
      monthly_fee_tiyn: 350_000,
      allowed_tariffs: ['business_connect_5000', 'biznes_klass_menedzher', 'kcell_business_unlimited'],
    },
    {
      code: 'data_5gb',
      category: 'data',
      name: { en: 'Internet 5 GB', ru: 'Интернет 5 ГБ', kk: 'Интернет 5 ГБ' },
      terms: DATA_PACK_TERMS(5, 1500),
      monthly_fee_tiyn: 150_000,
      exclusive_group: 'data_pack',
    },
    {
      code: 'data_10gb',
      category: 'data',
      name: { en: 'Internet 10 GB', ru: 'Интернет 10 ГБ', kk: 'Интернет 10 ГБ' },
      terms: DATA_PACK_TERMS(10, 2500),
      monthly_fee_tiyn: 250_000,
      exclusive_group: 'data_pack',
    },
    {
      code: 'data_20gb',
      category: 'data',
      name: { en: 'Internet 20 GB', ru: 'Интернет 20 ГБ', kk: 'Интернет 20 ГБ' },
      terms: DATA_PACK_TERMS(20, 4000),
      monthly_fee_tiyn: 400_000,
      exclusive_group: 'data_pack',
    },
    {
      code: 'data_messengers',
      category: 'data',
      name: { en: 'Unlimited messengers', ru: 'Безлимитные мессенджеры', kk: 'Шексіз мессенджерлер' },
      terms: {
        en: 'WhatsApp and Telegram without using your data allowance. 500 ₸ a month. Available on Карт Бланш+ 1000, Бизнес Класс Специалист and 11 кооп.',
        ru: 'WhatsApp и Telegram без расхода интернет-трафика. 500 ₸ в месяц. Доступно на тарифах Карт Бланш+ 1000, Бизнес Класс Специалист и 11 кооп.',
        kk: 'WhatsApp және Telegram интернет-трафикті жұмсамай. Айына 500 ₸. Карт Бланш+ 1000, Бизнес Класс Специалист және 11 кооп тарифтерінде қолжетімді.',
      },
      monthly_fee_tiyn: 50_000,
      allowed_tariffs: ['kart_blansh_plus_1000', 'biznes_klass_specialist', 'kooperativ_11'],
    },
    {
      code: 'data_night',
      category: 'data',
      name: { en: 'Night unlimited internet', ru: 'Ночной безлимитный интернет', kk: 'Түнгі шексіз интернет' },
      terms: {
        en: 'Unlimited internet from 01:00 to 07:00. 700 ₸ a month.',
        ru: 'Безлимитный интернет с 01:00 до 07:00. 700 ₸ в месяц.',
        kk: '01:00-ден 07:00-ге дейін шексіз интернет. Айына 700 ₸.',
      },
      monthly_fee_tiyn: 70_000,
    },
    {
      code: 'roaming_registration',
      category: 'roaming',
      name: {
        en: 'Registration on roaming network',
        ru: 'Регистрация в роуминговой сети',
        kk: 'Роуминг желісінде тіркелу',
      },
      terms: {
        en: 'Lets the number register on partner networks abroad. Connected by the operator on request of the company; required for all roaming packages.',
        ru: 'Позволяет номеру регистрироваться в сетях партнёров за рубежом. Подключается оператором по заявке компании; необходима для всех роуминговых пакетов.',
        kk: 'Нөмірге шетелдегі серіктес желілерде тіркелуге мүмкіндік береді. Компанияның өтініші бойынша оператор қосады; барлық роуминг пакеттері үшін қажет.',
      },
      monthly_fee_tiyn: 0,
      operator_only: true,
      allowed_while_blocked: true,
    },
    {
      code: 'business_travel',
      category: 'roaming',
      name: { en: 'Business travel', ru: 'Деловая поездка', kk: 'Іссапар' },
      terms: {
        en: 'Calls and 1 GB a day in 60 countries at a fixed daily fee of 2,500 ₸ on days of use; 5,000 ₸ a month. Requires registration on roaming network.',
        ru: 'Звонки и 1 ГБ в день в 60 странах по фиксированной суточной плате 2 500 ₸ в дни использования; 5 000 ₸ в месяц. Требуется регистрация в роуминговой сети.',
        kk: '60 елде қоңыраулар және күніне 1 ГБ, пайдаланылған күндері тәулігіне 2 500 ₸ тіркелген төлеммен; айына 5 000 ₸. Роуминг желісінде тіркелу қажет.',
      },
      monthly_fee_tiyn: 500_000,
      requires_service_code: 'roaming_registration',
    },
    {
      code: 'roaming_data_1gb',
      category: 'roaming',
      name: { en: 'Roaming internet 1 GB', ru: 'Интернет в роуминге 1 ГБ', kk: 'Роумингтегі интернет 1 ГБ' },
      terms: {
        en: '1 GB in roaming for 30 days. 3,000 ₸. Requires registration on roaming network.',
        ru: '1 ГБ в роуминге на 30 дней. 3 000 ₸. Требуется регистрация в роуминговой сети.',
        kk: 'Роумингте 30 күнге 1 ГБ. 3 000 ₸. Роуминг желісінде тіркелу қажет.',
      },
      monthly_fee_tiyn: 300_000,
      exclusive_group: 'roaming_data',
      requires_service_code: 'roaming_registration',
    },
    {
      code: 'roaming_data_3gb',
      category: 'roaming',
      name: { en: 'Roaming internet 3 GB', ru: 'Интернет в роуминге 3 ГБ', kk: 'Роумингтегі интернет 3 ГБ' },
      terms: {
        en: '3 GB in roaming for 30 days. 7,500 ₸. Requires registration on roaming network.',
        ru: '3 ГБ в роуминге на 30 дней. 7 500 ₸. Требуется регистрация в роуминговой сети.',
        kk: 'Роумингте 30 күнге 3 ГБ. 7 500 ₸. Роуминг желісінде тіркелу қажет.',
      },
      monthly_fee_tiyn: 750_000,
      exclusive_group: 'roaming_data',
      requires_service_code: 'roaming_registration',
    },
    {
      code: 'ussd_ban',
      category: 'additional',
      name: {
        en: 'USSD and short-code access ban',
        ru: 'Запрет доступа к USSD и коротким номерам',
        kk: 'USSD және қысқа нөмірлерге тыйым салу',
      },
      terms: {
        en: 'Blocks USSD requests and calls and SMS to paid short numbers. Free of charge.',
        ru: 'Запрещает USSD-запросы, звонки и SMS на платные короткие номера. Бесплатно.',
        kk: 'USSD сұрауларына, ақылы қысқа нөмірлерге қоңыраулар мен SMS-ке тыйым салады. Тегін.',
      },
      monthly_fee_tiyn: 0,
      is_restriction: true,
      allowed_while_blocked: true,
    },
    {
      code: 'content_block',
      category: 'additional',
      name: {
        en: 'Subscription (content) blocking',
        ru: 'Блокировка подписок (контент-услуг)',
        kk: 'Жазылымдарды (контент қызметтерін) бұғаттау',
      },
      terms: {
        en: 'Prevents paid content subscriptions from being connected to the number. Free of charge.',
        ru: 'Запрещает подключение платных контентных подписок на номер. Бесплатно.',
        kk: 'Нөмірге ақылы контент жазылымдарын қосуға тыйым салады. Тегін.',
      },
      monthly_fee_tiyn: 0,
      is_restriction: true,
      allowed_while_blocked: true,
    },
    {
      code: 'hidden_caller_id',
      category: 'additional',
      name: { en: 'Hidden caller ID', ru: 'Скрытие номера (АнтиАОН)', kk: 'Нөмірді жасыру (АнтиАОН)' },
      terms: {
        en: 'Your number is not shown to the people you call. 300 ₸ a month.',
        ru: 'Ваш номер не отображается у вызываемого абонента. 300 ₸ в месяц.',
        kk: 'Сіз қоңырау шалған абонентке нөміріңіз көрсетілмейді. Айына 300 ₸.',
      },
      monthly_fee_tiyn: 30_000,
      is_restriction: true,
    },
    {
      code: 'missed_call_2050',
      category: 'additional',
      name: {
        en: 'Missed call notification 2050',
        ru: 'Уведомления о пропущенных звонках 2050',
        kk: 'Өткізіп алған қоңыраулар туралы хабарлама 2050',
      },
      terms: {
        en: 'An SMS about calls received while the phone was off or out of coverage. Free of charge; works with call forwarding to 2050.',
        ru: 'SMS о звонках, поступивших, когда телефон был выключен или вне зоны действия сети. Бесплатно; работает с переадресацией на 2050.',
        kk: 'Телефон өшірулі немесе желіден тыс болғанда келген қоңыраулар туралы SMS. Тегін; 2050-ге қайта бағыттаумен жұмыс істейді.',
      },
      monthly_fee_tiyn: 0,
    },
    {
      code: 'voicemail',
      category: 'additional',
      name: { en: 'Voicemail', ru: 'Голосовая почта', kk: 'Дауыстық пошта' },
      terms: {
        en: 'Callers can leave a voice message when you cannot answer. 200 ₸ a month.',
        ru: 'Звонящие могут оставить голосовое сообщение, если вы не можете ответить. 200 ₸ в месяц.',
        kk: 'Жауап бере алмасаңыз, қоңырау шалушылар дауыстық хабар қалдыра алады. Айына 200 ₸.',
      },
      monthly_fee_tiyn: 20_000,
    },
    {
      code: 'caller_tune',
      category: 'additional',
      name: { en: 'Corporate ringback tone', ru: 'Корпоративный гудок', kk: 'Корпоративтік сигнал' },
      terms: {
        en: 'Callers hear your company greeting instead of the ringing tone. 250 ₸ a month.',
        ru: 'Вместо гудков звонящие слышат приветствие вашей компании. 250 ₸ в месяц.',
        kk: 'Қоңырау шалушылар сигналдың орнына компанияңыздың сәлемдесуін естиді. Айына 250 ₸.',
      },
      monthly_fee_tiyn: 25_000,
    },
    {
      code: 'promo_double_data',
      category: 'promotions',
      name: { en: 'Double data', ru: 'Двойной интернет', kk: 'Екі есе интернет' },
      terms: {
        en: 'Doubles the connected internet pack for three months at no charge. Connect before the offer ends.',
        ru: 'Удваивает подключённый пакет интернета на три месяца бесплатно. Подключите до окончания акции.',
        kk: 'Қосылған интернет пакетін үш айға тегін екі есе арттырады. Акция аяқталғанға дейін қосыңыз.',
      },
      monthly_fee_tiyn: 0,
      available_until: promoEnds,
    },
    {
      code: 'promo_roaming_half_price',
      category: 'promotions',
      name: { en: 'Roaming at half price', ru: 'Роуминг за полцены', kk: 'Роуминг жарты бағаға' },
      terms: {
        en: '50% off roaming packages while the offer lasts. Requires registration on roaming network.',
        ru: 'Скидка 50% на роуминговые пакеты на время акции. Требуется регистрация в роуминговой сети.',
        kk: 'Акция кезінде роуминг пакеттеріне 50% жеңілдік. Роуминг желісінде тіркелу қажет.',
      },
      monthly_fee_tiyn: 0,
      requires_service_code: 'roaming_registration',
      available_until: roamingPromoEnds,
    },
    {
      code: 'promo_welcome_5gb',
      category: 'promotions',
      name: { en: 'Welcome bonus: +5 GB', ru: 'Приветственный бонус: +5 ГБ', kk: 'Сәлемдесу бонусы: +5 ГБ' },
      terms: {
        en: '5 GB extra for new corporate numbers. The offer has ended.',
        ru: '5 ГБ дополнительно для новых корпоративных номеров. Акция завершена.',
        kk: 'Жаңа корпоративтік нөмірлерге қосымша 5 ГБ. Акция аяқталды.',
      },
      monthly_fee_tiyn: 0,
      available_until: promoEnded,
    },
  ];
  return inputs.map((input, i) => service(input, (i + 1) * 10));
}

/** Monthly fees of the catalog by code (fees do not depend on `now`). */
export const SERVICE_FEES: ReadonlyMap<string, number> = new Map(
  servicesCatalog(new Date(0)).map((s) => [s.code, s.monthly_fee_tiyn]),
);

export interface AllowanceDef {
  name: Localized;
  unit: 'min' | 'sms' | 'mb';
  /** null: unlimited */
  total: number | null;
}

const ALLOWANCE_NAMES = {
  onnet: {
    en: 'Unlimited calls to Kcell/activ',
    ru: 'Безлимитные звонки на Kcell/activ',
    kk: 'Kcell/activ нөмірлеріне шексіз қоңыраулар',
  },
  landline: {
    en: 'Minutes to KZ landlines',
    ru: 'Минуты на городские номера РК',
    kk: 'ҚР қалалық нөмірлеріне минуттар',
  },
  offnet: {
    en: 'Minutes to other KZ mobiles',
    ru: 'Минуты на других мобильных операторов РК',
    kk: 'ҚР басқа ұялы операторларына минуттар',
  },
  sms: { en: 'SMS to all KZ mobiles', ru: 'SMS на все мобильные номера РК', kk: 'ҚР барлық ұялы нөмірлеріне SMS' },
  mb: { en: 'MB', ru: 'МБ', kk: 'МБ' },
} as const satisfies Record<string, Localized>;

/** The "remaining" allowance that comes with the on-net unlimited service. */
export const ONNET_UNLIMITED_ALLOWANCE: AllowanceDef = { name: ALLOWANCE_NAMES.onnet, unit: 'min', total: null };

/** "Additional" allowances included in each tariff. */
export const TARIFF_ALLOWANCES: Readonly<Record<string, readonly AllowanceDef[]>> = {
  kart_blansh_plus_1000: [
    { name: ALLOWANCE_NAMES.landline, unit: 'min', total: 50 },
    { name: ALLOWANCE_NAMES.sms, unit: 'sms', total: 500 },
    { name: ALLOWANCE_NAMES.mb, unit: 'mb', total: 20480 },
  ],
  biznes_klass_specialist: [
    { name: ALLOWANCE_NAMES.offnet, unit: 'min', total: 300 },
    { name: ALLOWANCE_NAMES.sms, unit: 'sms', total: 300 },
    { name: ALLOWANCE_NAMES.mb, unit: 'mb', total: 10240 },
  ],
  biznes_klass_menedzher: [
    { name: ALLOWANCE_NAMES.offnet, unit: 'min', total: 600 },
    { name: ALLOWANCE_NAMES.landline, unit: 'min', total: 100 },
    { name: ALLOWANCE_NAMES.sms, unit: 'sms', total: 500 },
    { name: ALLOWANCE_NAMES.mb, unit: 'mb', total: 30720 },
  ],
  kooperativ_11: [
    { name: ALLOWANCE_NAMES.landline, unit: 'min', total: 50 },
    { name: ALLOWANCE_NAMES.mb, unit: 'mb', total: 5120 },
  ],
  business_connect_5000: [
    { name: ALLOWANCE_NAMES.offnet, unit: 'min', total: 200 },
    { name: ALLOWANCE_NAMES.sms, unit: 'sms', total: 500 },
    { name: ALLOWANCE_NAMES.mb, unit: 'mb', total: 40960 },
  ],
  kcell_business_unlimited: [
    { name: ALLOWANCE_NAMES.offnet, unit: 'min', total: 1000 },
    { name: ALLOWANCE_NAMES.landline, unit: 'min', total: 200 },
    { name: ALLOWANCE_NAMES.sms, unit: 'sms', total: 1000 },
    { name: ALLOWANCE_NAMES.mb, unit: 'mb', total: null },
  ],
  business_m2m: [{ name: ALLOWANCE_NAMES.mb, unit: 'mb', total: 1024 }],
};

/** Extra MB allowance of each data pack service. */
export const DATA_PACK_MB: Readonly<Record<string, { name: Localized; mb: number }>> = {
  data_5gb: { name: { en: 'Internet 5 GB', ru: 'Интернет 5 ГБ', kk: 'Интернет 5 ГБ' }, mb: 5120 },
  data_10gb: { name: { en: 'Internet 10 GB', ru: 'Интернет 10 ГБ', kk: 'Интернет 10 ГБ' }, mb: 10240 },
  data_20gb: { name: { en: 'Internet 20 GB', ru: 'Интернет 20 ГБ', kk: 'Интернет 20 ГБ' }, mb: 20480 },
};

export interface ContractDevice {
  name: string;
  type: string;
  priceTiyn: number;
}

/** The manual's contract phone, kept exactly. */
export const MANUAL_CONTRACT_DEVICE: ContractDevice = {
  name: 'ТЕЛЕФОН IPHONE 11 BLACK 128 GB',
  type: 'Телефон',
  priceTiyn: 120_000,
};

export const CONTRACT_DEVICES: readonly ContractDevice[] = [
  MANUAL_CONTRACT_DEVICE,
  { name: 'ТЕЛЕФОН IPHONE 15 BLACK 128 GB', type: 'Телефон', priceTiyn: 46_990_000 },
  { name: 'ТЕЛЕФОН SAMSUNG GALAXY A55 5G 256 GB', type: 'Телефон', priceTiyn: 21_990_000 },
  { name: 'ТЕЛЕФОН SAMSUNG GALAXY S24 256 GB', type: 'Телефон', priceTiyn: 44_990_000 },
  { name: 'ТЕЛЕФОН XIAOMI REDMI NOTE 13 128 GB', type: 'Телефон', priceTiyn: 10_990_000 },
  { name: 'ПЛАНШЕТ SAMSUNG GALAXY TAB A9+ 64 GB', type: 'Планшет', priceTiyn: 12_990_000 },
  { name: 'МОДЕМ HUAWEI E8372 4G', type: 'Модем', priceTiyn: 1_990_000 },
];

export const CONTRACT_PROMOTIONS: readonly (string | null)[] = [
  'Business Phone Plus',
  'Business Phone Plus',
  'Смартфон в рассрочку 0%',
  null,
];

/** Type allocation codes (the first 8 IMEI digits) of common devices; the first three are the manual's. */
export const IMEI_TACS: readonly string[] = [
  '35367807',
  '86931904',
  '35400310',
  '35391110',
  '35290611',
  '86769504',
  '35884110',
  '35202084',
  '86440205',
  '35665811',
];
