import type { L10n } from '../types.ts';
import { l10n } from './taxonomy.ts';

/** Shared, translated one-sentence phrases for offer costs, requirements and registration. */
export const costs = {
  free: l10n('Kostenlos.', 'Free of charge.', 'مجاني.', 'رایگان.', 'Безкоштовно.', 'Бесплатно.', 'Ücretsiz.', 'Gratuit.', 'Безплатно.'),
  bamf: l10n(
    '2,29 € pro Unterrichtsstunde; Befreiung bei Bezug von Sozialleistungen möglich.',
    '€2.29 per lesson; exemption possible for people receiving benefits.',
    '2,29 يورو للحصة، ويمكن الإعفاء لمن يتلقون مساعدات اجتماعية.',
    '2,29 یورو برای هر جلسه؛ برای دریافت‌کنندگان کمک‌هزینه معافیت ممکن است.',
    '2,29 € за урок; для отримувачів соціальної допомоги можливе звільнення від оплати.',
    '2,29 € за урок; получатели социальной помощи могут быть освобождены от оплаты.',
    'Ders saati başına 2,29 €; sosyal yardım alanlar muaf tutulabilir.',
    '2,29 € pe lecție; scutire posibilă pentru beneficiarii de ajutor social.',
    '2,29 € на учебен час; възможно е освобождаване за получатели на социални помощи.',
  ),
  fee: l10n(
    'Geringe Teilnahmegebühr, Ermäßigung mit Sozialpass.',
    'Small fee; reduced rate with a social pass.',
    'رسوم رمزية، مع تخفيض لحاملي البطاقة الاجتماعية.',
    'هزینهٔ اندک؛ با کارت اجتماعی تخفیف دارد.',
    'Невеликий внесок; знижка із соціальною карткою.',
    'Небольшой взнос; скидка по социальной карте.',
    'Düşük katılım ücreti; sosyal kartla indirimli.',
    'Taxă mică; reducere cu legitimația socială.',
    'Малка такса; отстъпка със социална карта.',
  ),
  funded: l10n(
    'Kostenlos bei Förderung durch Jobcenter oder Agentur für Arbeit.',
    'Free of charge if funded by the Jobcenter or the employment agency.',
    'مجاني عند التمويل من مركز العمل أو وكالة العمل.',
    'در صورت حمایت مالی جاب‌سنتر یا ادارهٔ کار رایگان است.',
    'Безкоштовно за фінансування від Jobcenter або агентства праці.',
    'Бесплатно при финансировании Jobcenter или агентством по труду.',
    'Jobcenter veya İş Ajansı tarafından desteklenirse ücretsiz.',
    'Gratuit dacă este finanțat de Jobcenter sau de Agenția pentru Muncă.',
    'Безплатно при финансиране от Jobcenter или Агенцията по труда.',
  ),
  membership: l10n(
    'Mitgliedsbeitrag des Vereins, die ersten Probestunden sind kostenlos.',
    'Club membership fee; the first trial sessions are free.',
    'رسوم عضوية النادي، والحصص التجريبية الأولى مجانية.',
    'حق عضویت باشگاه؛ جلسات آزمایشی اول رایگان است.',
    'Членський внесок клубу; перші пробні заняття безкоштовні.',
    'Членский взнос клуба; первые пробные занятия бесплатны.',
    'Kulüp üyelik aidatı; ilk deneme dersleri ücretsiz.',
    'Cotizație de membru; primele ședințe de probă sunt gratuite.',
    'Членски внос в клуба; първите пробни занятия са безплатни.',
  ),
  course: l10n(
    'Kursgebühr ab 60 € pro Modul; Ratenzahlung möglich.',
    'Course fee from €60 per module; payment in instalments possible.',
    'رسوم الدورة تبدأ من 60 يورو لكل وحدة، ويمكن الدفع بالتقسيط.',
    'شهریهٔ دوره از 60 یورو برای هر بخش؛ پرداخت قسطی ممکن است.',
    'Вартість від 60 € за модуль; можлива оплата частинами.',
    'Стоимость от 60 € за модуль; возможна оплата в рассрочку.',
    'Modül başına 60 €’dan başlayan kurs ücreti; taksitle ödeme mümkün.',
    'Taxă de la 60 € pe modul; plata în rate este posibilă.',
    'Такса от 60 € за модул; възможно е разсрочено плащане.',
  ),
} satisfies Record<string, L10n>;
export type CostKey = keyof typeof costs;
/** Cost phrases that mean "no cost for participants". */
export const FREE_COSTS: readonly CostKey[] = ['free', 'funded'];

export const requirements = {
  none: l10n('Keine Voraussetzungen.', 'No requirements.', 'لا توجد شروط مسبقة.', 'بدون پیش‌نیاز.', 'Жодних передумов.', 'Без особых требований.', 'Ön koşul yok.', 'Nu există condiții prealabile.', 'Няма изисквания.'),
  permit: l10n(
    'Berechtigung oder Verpflichtung durch BAMF, Jobcenter oder Ausländerbehörde.',
    'Entitlement or obligation from the BAMF, the Jobcenter or the immigration office.',
    'تصريح أو إلزام من المكتب الاتحادي للهجرة أو مركز العمل أو دائرة الأجانب.',
    'مجوز یا الزام از سوی BAMF، جاب‌سنتر یا ادارهٔ اتباع خارجی.',
    'Дозвіл або зобов’язання від BAMF, Jobcenter чи відомства у справах іноземців.',
    'Допуск или обязательство от BAMF, Jobcenter или ведомства по делам иностранцев.',
    'BAMF, Jobcenter veya Yabancılar Dairesi’nden katılım hakkı ya da yükümlülüğü.',
    'Drept sau obligație de participare de la BAMF, Jobcenter sau Biroul pentru străini.',
    'Право или задължение за участие от BAMF, Jobcenter или службата за чужденци.',
  ),
  b1: l10n('Deutschkenntnisse mindestens auf Niveau B1.', 'German at level B1 or higher.', 'معرفة باللغة الألمانية بمستوى B1 على الأقل.', 'دانش زبان آلمانی حداقل در سطح B1.', 'Знання німецької щонайменше на рівні B1.', 'Знание немецкого не ниже уровня B1.', 'En az B1 seviyesinde Almanca bilgisi.', 'Cunoștințe de germană cel puțin la nivelul B1.', 'Немски език поне на ниво B1.'),
  young: l10n('Alter zwischen 12 und 27 Jahren.', 'Aged between 12 and 27.', 'العمر بين 12 و27 عامًا.', 'سن بین 12 تا 27 سال.', 'Вік від 12 до 27 років.', 'Возраст от 12 до 27 лет.', '12 ile 27 yaş arası.', 'Vârsta între 12 și 27 de ani.', 'Възраст между 12 и 27 години.'),
  women: l10n('Das Angebot richtet sich nur an Frauen.', 'For women only.', 'للنساء فقط.', 'فقط برای زنان.', 'Лише для жінок.', 'Только для женщин.', 'Yalnızca kadınlar için.', 'Doar pentru femei.', 'Само за жени.'),
  parents: l10n('Für Eltern, Kinder sind willkommen.', 'For parents; children are welcome.', 'للآباء والأمهات، والأطفال مرحَّب بهم.', 'برای والدین؛ کودکان هم خوش آمدند.', 'Для батьків; діти теж бажані.', 'Для родителей; дети тоже приветствуются.', 'Ebeveynler için; çocuklar da davetlidir.', 'Pentru părinți; copiii sunt bineveniți.', 'За родители; децата също са добре дошли.'),
  students: l10n('Einschreibung an einer Hochschule in der Region.', 'Enrolment at a university in the region.', 'التسجيل في جامعة في المنطقة.', 'ثبت‌نام در یکی از دانشگاه‌های منطقه.', 'Зарахування до закладу вищої освіти в регіоні.', 'Зачисление в вуз региона.', 'Bölgedeki bir yükseköğretim kurumuna kayıt.', 'Înmatriculare la o universitate din regiune.', 'Записване във висше училище в региона.'),
  documents: l10n('Bitte Ausweis und Aufenthaltsdokumente mitbringen.', 'Please bring your ID and residence documents.', 'يرجى إحضار الهوية ووثائق الإقامة.', 'لطفاً مدرک شناسایی و مدارک اقامت را همراه داشته باشید.', 'Візьміть із собою посвідчення особи та документи про перебування.', 'Возьмите с собой удостоверение личности и документы о пребывании.', 'Lütfen kimlik ve oturum belgelerinizi getirin.', 'Vă rugăm să aduceți actul de identitate și documentele de ședere.', 'Моля, носете лична карта и документи за пребиваване.'),
  certificates: l10n('Bitte Zeugnisse und Abschlüsse mitbringen, wenn vorhanden.', 'Please bring certificates and diplomas if you have them.', 'يرجى إحضار الشهادات والمؤهلات إن وجدت.', 'لطفاً در صورت امکان مدارک تحصیلی و گواهی‌ها را بیاورید.', 'За наявності візьміть атестати та дипломи.', 'При наличии возьмите аттестаты и дипломы.', 'Varsa diploma ve belgelerinizi getirin.', 'Aduceți diplomele și certificatele, dacă le aveți.', 'Носете дипломи и удостоверения, ако имате такива.'),
  seniors: l10n('Für Menschen ab 60 Jahren.', 'For people aged 60 and over.', 'للأشخاص من عمر 60 عامًا فأكثر.', 'برای افراد 60 سال به بالا.', 'Для людей віком від 60 років.', 'Для людей от 60 лет.', '60 yaş ve üzeri kişiler için.', 'Pentru persoane de peste 60 de ani.', 'За хора над 60 години.'),
  refugees: l10n('Für Geflüchtete und Asylsuchende.', 'For refugees and asylum seekers.', 'للاجئين وطالبي اللجوء.', 'برای پناهندگان و پناهجویان.', 'Для біженців і шукачів притулку.', 'Для беженцев и лиц, ищущих убежища.', 'Mülteciler ve sığınmacılar için.', 'Pentru refugiați și solicitanți de azil.', 'За бежанци и търсещи закрила.'),
} satisfies Record<string, L10n>;
export type ReqKey = keyof typeof requirements;

export const registration = {
  none: l10n('Ohne Anmeldung, einfach vorbeikommen.', 'No registration needed, just drop in.', 'دون تسجيل مسبق، تعال ببساطة.', 'بدون ثبت‌نام؛ کافی است بیایید.', 'Без реєстрації, просто приходьте.', 'Без записи, просто приходите.', 'Kayıt gerekmez, doğrudan gelebilirsiniz.', 'Fără înscriere, veniți pur și simplu.', 'Без записване, просто елате.'),
  contact: l10n('Anmeldung per Telefon oder E-Mail.', 'Register by phone or email.', 'التسجيل عبر الهاتف أو البريد الإلكتروني.', 'ثبت‌نام از طریق تلفن یا ایمیل.', 'Реєстрація телефоном або електронною поштою.', 'Запись по телефону или электронной почте.', 'Telefon veya e-posta ile kayıt.', 'Înscriere prin telefon sau e-mail.', 'Записване по телефон или имейл.'),
  appointment: l10n('Termin nach Vereinbarung.', 'By appointment.', 'بموعد مسبق.', 'با تعیین وقت قبلی.', 'За попереднім записом.', 'По предварительной записи.', 'Randevu ile.', 'Cu programare.', 'С предварително записване на час.'),
  online: l10n('Anmeldung über das Online-Formular.', 'Register via the online form.', 'التسجيل عبر النموذج الإلكتروني.', 'ثبت‌نام از طریق فرم آنلاین.', 'Реєстрація через онлайн-форму.', 'Запись через онлайн-форму.', 'Çevrimiçi form üzerinden kayıt.', 'Înscriere prin formularul online.', 'Записване чрез онлайн формуляра.'),
  placement: l10n('Anmeldung mit Einstufungstest beim Kursträger.', 'Register with a placement test at the course provider.', 'التسجيل مع اختبار تحديد المستوى لدى مقدم الدورة.', 'ثبت‌نام با آزمون تعیین سطح نزد برگزارکنندهٔ دوره.', 'Реєстрація з тестом на рівень в організатора курсу.', 'Запись с тестом на уровень у организатора курса.', 'Kurs sağlayıcıda seviye testiyle kayıt.', 'Înscriere cu test de plasare la furnizorul cursului.', 'Записване с тест за ниво при организатора на курса.'),
  referral: l10n('Zugang über Beratungsstelle, Jobcenter oder Agentur für Arbeit.', 'Access via a counselling service, the Jobcenter or the employment agency.', 'الالتحاق عبر مركز استشارة أو مركز العمل أو وكالة العمل.', 'دسترسی از طریق مرکز مشاوره، جاب‌سنتر یا ادارهٔ کار.', 'Через консультаційний центр, Jobcenter або агентство праці.', 'Через консультационный центр, Jobcenter или агентство по труду.', 'Danışma merkezi, Jobcenter veya İş Ajansı aracılığıyla.', 'Prin centrul de consiliere, Jobcenter sau Agenția pentru Muncă.', 'Чрез консултантски център, Jobcenter или Агенцията по труда.'),
} satisfies Record<string, L10n>;
export type RegKey = keyof typeof registration;
