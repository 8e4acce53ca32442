import type { FastifyPluginAsync } from 'fastify';
import type { Language } from '../../lib/i18n.js';

const labels: Record<Language, Record<string, string>> = {
  en: {
    title: 'Request to update the administrator’s contact details',
    intro:
      'Fill in, sign and stamp this form, then send a scan to {email}. The operator updates the details within one working day.',
    company: 'Company (full name)',
    bin: 'BIN',
    admin: 'Administrator’s full name',
    oldPhone: 'Current administrator phone',
    newPhone: 'New administrator phone (+7 7XX XXX XX XX)',
    newEmail: 'New administrator e-mail',
    head: 'Head of the company (name, signature, stamp)',
    date: 'Date',
  },
  ru: {
    title: 'Заявление на изменение контактных данных администратора',
    intro:
      'Заполните, подпишите и заверьте печатью эту форму, затем отправьте скан на {email}. Оператор обновит данные в течение одного рабочего дня.',
    company: 'Компания (полное наименование)',
    bin: 'БИН',
    admin: 'ФИО администратора',
    oldPhone: 'Текущий номер администратора',
    newPhone: 'Новый номер администратора (+7 7XX XXX XX XX)',
    newEmail: 'Новый e-mail администратора',
    head: 'Руководитель компании (ФИО, подпись, печать)',
    date: 'Дата',
  },
  kk: {
    title: 'Әкімшінің байланыс деректерін өзгертуге өтініш',
    intro:
      'Осы нысанды толтырып, қол қойып, мөрмен растаңыз, содан кейін сканерленген көшірмесін {email} мекенжайына жіберіңіз. Оператор деректерді бір жұмыс күні ішінде жаңартады.',
    company: 'Компания (толық атауы)',
    bin: 'БСН',
    admin: 'Әкімшінің аты-жөні',
    oldPhone: 'Әкімшінің қазіргі нөмірі',
    newPhone: 'Әкімшінің жаңа нөмірі (+7 7XX XXX XX XX)',
    newEmail: 'Әкімшінің жаңа e-mail-і',
    head: 'Компания басшысы (аты-жөні, қолы, мөрі)',
    date: 'Күні',
  },
};

/** F03: the contact-update form linked from the login page, printable, in the caller's language. */
export const contactUpdateFormRoutes: FastifyPluginAsync = async (app) => {
  app.get('/forms/contact-update', { schema: { hide: true } }, async (request, reply) => {
    const asked = (request.query as { lang?: string }).lang;
    const lang: Language = asked === 'en' || asked === 'ru' || asked === 'kk' ? asked : request.language;
    const l = labels[lang];
    const email = app.ctx.config.SUPPORT_EMAIL;
    const field = (key: string) =>
      `<div class="f"><label for="${key}">${l[key]}</label><input id="${key}" name="${key}"></div>`;
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${l.title}</title>
<style>body{font:16px system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.f{margin:1rem 0}label{display:block;font-weight:600;margin-bottom:.25rem}
input{width:100%;box-sizing:border-box;border:0;border-bottom:1px solid #555;font:inherit;padding:.4rem 0}</style></head><body><main><h1>${l.title}</h1>
<p>${l.intro!.replace('{email}', `<a href="mailto:${email}">${email}</a>`)}</p>
<form>${['company', 'bin', 'admin', 'oldPhone', 'newPhone', 'newEmail', 'head', 'date'].map(field).join('')}</form>
</main></body></html>`);
  });
};
