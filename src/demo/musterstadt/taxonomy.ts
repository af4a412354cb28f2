import type { DemoFieldOfAction, DemoTargetGroup, L10n } from '../types.ts';

/** Helper: build an L10n from the nine strings in DEMO_LANGUAGES order (de, en, ar, fa, uk, ru, tr, ro, bg). */
export function l10n(de: string, en: string, ar: string, fa: string, uk: string, ru: string, tr: string, ro: string, bg: string): L10n {
  return { de, en, ar, fa, uk, ru, tr, ro, bg };
}

export const fieldsOfAction: DemoFieldOfAction[] = [
  { key: 'language', icon: 'speech', color: '#1D4ED8', names: l10n('Sprache', 'Language', 'اللغة', 'زبان', 'Мова', 'Язык', 'Dil', 'Limbă', 'Език') },
  { key: 'education', icon: 'book', color: '#6D28D9', names: l10n('Bildung und Schule', 'Education and school', 'التعليم والمدرسة', 'آموزش و مدرسه', 'Освіта і школа', 'Образование и школа', 'Eğitim ve okul', 'Educație și școală', 'Образование и училище') },
  { key: 'work', icon: 'briefcase', color: '#B45309', names: l10n('Ausbildung und Arbeit', 'Training and work', 'التدريب المهني والعمل', 'آموزش حرفه‌ای و کار', 'Професійне навчання і робота', 'Профобучение и работа', 'Meslek eğitimi ve iş', 'Formare profesională și muncă', 'Професионално обучение и работа') },
  { key: 'housing', icon: 'home', color: '#047857', names: l10n('Wohnen', 'Housing', 'السكن', 'مسکن', 'Житло', 'Жильё', 'Konut', 'Locuință', 'Жилище') },
  { key: 'health', icon: 'heart', color: '#B91C1C', names: l10n('Gesundheit', 'Health', 'الصحة', 'سلامت', 'Здоров’я', 'Здоровье', 'Sağlık', 'Sănătate', 'Здраве') },
  { key: 'family', icon: 'family', color: '#BE185D', names: l10n('Familie und Kinder', 'Family and children', 'الأسرة والأطفال', 'خانواده و کودکان', 'Сім’я і діти', 'Семья и дети', 'Aile ve çocuklar', 'Familie și copii', 'Семейство и деца') },
  { key: 'residence', icon: 'passport', color: '#374151', names: l10n('Aufenthalt und Recht', 'Residence and legal matters', 'الإقامة والشؤون القانونية', 'اقامت و امور حقوقی', 'Перебування і право', 'Пребывание и право', 'Oturum ve hukuki konular', 'Ședere și aspecte juridice', 'Пребиваване и правни въпроси') },
  { key: 'participation', icon: 'people', color: '#0E7490', names: l10n('Teilhabe und Alltag', 'Participation and everyday life', 'المشاركة والحياة اليومية', 'مشارکت و زندگی روزمره', 'Участь і повсякденне життя', 'Участие и повседневная жизнь', 'Katılım ve günlük yaşam', 'Participare și viața de zi cu zi', 'Участие и ежедневие') },
  { key: 'counselling', icon: 'chat', color: '#4338CA', names: l10n('Beratung', 'Counselling', 'الاستشارة', 'مشاوره', 'Консультації', 'Консультации', 'Danışmanlık', 'Consiliere', 'Консултиране') },
  { key: 'antidiscrimination', icon: 'shield', color: '#9A3412', names: l10n('Antidiskriminierung', 'Anti-discrimination', 'مكافحة التمييز', 'مقابله با تبعیض', 'Протидія дискримінації', 'Противодействие дискриминации', 'Ayrımcılıkla mücadele', 'Combaterea discriminării', 'Противодействие на дискриминацията') },
];

export const targetGroups: DemoTargetGroup[] = [
  { key: 'labour_migrants', names: l10n('Arbeitsmigrantinnen und -migranten', 'Labour migrants', 'العمال المهاجرون', 'مهاجران کاری', 'Трудові мігранти', 'Трудовые мигранты', 'İşçi göçmenler', 'Migranți pentru muncă', 'Трудови мигранти') },
  { key: 'eu_newcomers', names: l10n('Neuzugewanderte aus der EU', 'Newcomers from the EU', 'القادمون الجدد من الاتحاد الأوروبي', 'تازه‌واردان از اتحادیه اروپا', 'Новоприбулі з ЄС', 'Новоприбывшие из ЕС', 'AB’den yeni gelenler', 'Nou-veniți din UE', 'Новопристигнали от ЕС') },
  { key: 'refugees', names: l10n('Geflüchtete und Asylsuchende', 'Refugees and asylum seekers', 'اللاجئون وطالبو اللجوء', 'پناهندگان و پناهجویان', 'Біженці та шукачі притулку', 'Беженцы и лица, ищущие убежища', 'Mülteciler ve sığınmacılar', 'Refugiați și solicitanți de azil', 'Бежанци и търсещи закрила') },
  { key: 'students', names: l10n('Internationale Studierende', 'International students', 'الطلاب الدوليون', 'دانشجویان بین‌المللی', 'Іноземні студенти', 'Иностранные студенты', 'Uluslararası öğrenciler', 'Studenți internaționali', 'Международни студенти') },
  { key: 'skilled_workers', names: l10n('Fachkräfte', 'Skilled workers', 'العمالة الماهرة', 'نیروهای متخصص', 'Кваліфіковані фахівці', 'Квалифицированные специалисты', 'Nitelikli çalışanlar', 'Lucrători calificați', 'Квалифицирани специалисти') },
  { key: 'family_reunion', names: l10n('Nachziehende Familienangehörige', 'Family members joining', 'أفراد الأسرة القادمون بلمّ الشمل', 'اعضای خانواده در پیوستن به خانواده', 'Члени сім’ї, що приїжджають', 'Воссоединяющиеся члены семьи', 'Aile birleşimiyle gelenler', 'Membri de familie reîntregiți', 'Членове на семейството при събиране') },
  { key: 'women', names: l10n('Frauen', 'Women', 'النساء', 'زنان', 'Жінки', 'Женщины', 'Kadınlar', 'Femei', 'Жени') },
  { key: 'young_people', names: l10n('Junge Menschen', 'Young people', 'الشباب', 'جوانان', 'Молодь', 'Молодёжь', 'Gençler', 'Tineri', 'Млади хора') },
  { key: 'parents', names: l10n('Eltern', 'Parents', 'الآباء والأمهات', 'والدین', 'Батьки', 'Родители', 'Ebeveynler', 'Părinți', 'Родители') },
  { key: 'seniors', names: l10n('Seniorinnen und Senioren', 'Seniors', 'كبار السن', 'سالمندان', 'Люди похилого віку', 'Пожилые люди', 'Yaşlılar', 'Vârstnici', 'Възрастни хора') },
];
