import type { Language } from '../../lib/i18n.js';

export interface FaqEntry {
  id: string;
  question: Record<Language, string>;
  answer: Record<Language, string>;
}

/** F50: the manual's eight questions and answers, in the three languages of the product. */
export const faq: FaqEntry[] = [
  {
    id: 'several-companies',
    question: {
      en: 'How to manage multiple companies in My Account?',
      ru: 'Как управлять несколькими компаниями в Моём аккаунте?',
      kk: 'Менің аккаунтымда бірнеше компанияны қалай басқаруға болады?',
    },
    answer: {
      en: 'Each of those companies must submit a request to grant access rights to a specific administrator. Then switch between them with the company list in the header.',
      ru: 'Каждая из компаний должна подать заявку на предоставление прав доступа конкретному администратору. Затем переключайтесь между ними списком компаний в шапке.',
      kk: 'Әр компания белгілі бір әкімшіге қол жеткізу құқығын беру туралы өтінім беруі керек. Содан кейін олардың арасында жоғарғы жолақтағы компаниялар тізімі арқылы ауысыңыз.',
    },
  },
  {
    id: 'cannot-log-in',
    question: {
      en: 'What if I can’t log into My Account?',
      ru: 'Что делать, если не удаётся войти в Мой аккаунт?',
      kk: 'Менің аккаунтыма кіре алмасам не істеймін?',
    },
    answer: {
      en: 'Check that your login details are accurate. When you log in for the first time, use “Forgot password?”.',
      ru: 'Проверьте правильность данных для входа. При первом входе воспользуйтесь ссылкой «Забыли пароль?».',
      kk: 'Кіру деректерінің дұрыстығын тексеріңіз. Алғаш кіргенде «Құпиясөзді ұмыттыңыз ба?» сілтемесін пайдаланыңыз.',
    },
  },
  {
    id: 'old-version',
    question: {
      en: 'Can I still use the old version of My Account?',
      ru: 'Можно ли пользоваться старой версией Моего аккаунта?',
      kk: 'Менің аккаунтымның ескі нұсқасын пайдалануға бола ма?',
    },
    answer: {
      en: 'The previous version is no longer available – access has been disabled.',
      ru: 'Предыдущая версия больше недоступна – доступ к ней отключён.',
      kk: 'Алдыңғы нұсқа енді қолжетімсіз – оған кіру өшірілген.',
    },
  },
  {
    id: 'services-list',
    question: {
      en: 'Why don’t I see the full list of services that are active on a number?',
      ru: 'Почему я не вижу полный список услуг, подключённых на номере?',
      kk: 'Неге нөмірде қосылған қызметтердің толық тізімін көрмеймін?',
    },
    answer: {
      en: 'We have expanded the list of services compared to the previous version, and we keep working on it. Please send your suggestions to email@kcell.kz.',
      ru: 'Мы расширили список услуг по сравнению с предыдущей версией и продолжаем работать над ним. Присылайте предложения на email@kcell.kz.',
      kk: 'Алдыңғы нұсқамен салыстырғанда қызметтер тізімін кеңейттік және оның үстінде жұмысты жалғастырудамыз. Ұсыныстарыңызды email@kcell.kz мекенжайына жіберіңіз.',
    },
  },
  {
    id: 'error-notice',
    question: {
      en: 'What to do when I get an “error” notice when I activate or deactivate a service or perform other actions?',
      ru: 'Что делать, если при подключении или отключении услуги или другом действии появляется сообщение об ошибке?',
      kk: 'Қызметті қосқанда не өшіргенде немесе басқа әрекет кезінде қате туралы хабар шықса, не істеу керек?',
    },
    answer: {
      en: 'Wait 2–3 minutes, refresh the page and try again. If the problem remains, contact corporate customer support (9099).',
      ru: 'Подождите 2–3 минуты, обновите страницу и повторите попытку. Если проблема сохраняется, обратитесь в службу поддержки корпоративных клиентов (9099).',
      kk: '2–3 минут күтіп, бетті жаңартып, қайталап көріңіз. Мәселе шешілмесе, корпоративтік клиенттерді қолдау қызметіне хабарласыңыз (9099).',
    },
  },
  {
    id: 'no-unblock',
    question: {
      en: 'What if the number is blocked and there is no Unblock button?',
      ru: 'Что делать, если номер заблокирован, а кнопки «Разблокировать» нет?',
      kk: 'Нөмір бұғатталған, ал «Бұғаттан шығару» батырмасы жоқ болса, не істеймін?',
    },
    answer: {
      en: 'If the number status is “Blocked / Debt”, it cannot be unblocked in My Account: there are unpaid charges on the account. Once the debt is paid, the number is unblocked.',
      ru: 'Если статус номера «Заблокирован / Долг», его нельзя разблокировать в Моём аккаунте: на счёте есть неоплаченные начисления. После оплаты долга номер будет разблокирован.',
      kk: 'Нөмір мәртебесі «Бұғатталған / Қарыз» болса, оны Менің аккаунтымда бұғаттан шығару мүмкін емес: шотта төленбеген төлемдер бар. Қарыз төленгеннен кейін нөмір бұғаттан шығарылады.',
    },
  },
  {
    id: 'sim-change',
    question: {
      en: 'I can’t change my SIM card: the function is not available.',
      ru: 'Не получается заменить SIM-карту: функция недоступна.',
      kk: 'SIM-картаны ауыстыру мүмкін емес: функция қолжетімсіз.',
    },
    answer: {
      en: 'SIM replacement is only available for numbers with the “Active” status.',
      ru: 'Замена SIM-карты доступна только для номеров со статусом «Активный».',
      kk: 'SIM-картаны ауыстыру тек «Белсенді» мәртебесі бар нөмірлер үшін қолжетімді.',
    },
  },
  {
    id: 'link-does-not-open',
    question: {
      en: 'The link to My Account does not open. What should I do?',
      ru: 'Ссылка на Мой аккаунт не открывается. Что делать?',
      kk: 'Менің аккаунтыма сілтеме ашылмайды. Не істеу керек?',
    },
    answer: {
      en: 'Clear the browser cache and open the link again.',
      ru: 'Очистите кэш браузера и откройте ссылку снова.',
      kk: 'Браузер кэшін тазалап, сілтемені қайта ашыңыз.',
    },
  },
];
