import type { LocalizedText } from './taxonomy.table.ts';

/** Fields of action used across the German programmes; every new tenant starts with them. */
export const DEFAULT_FIELDS_OF_ACTION: Array<{ key: string; icon: string; color: string; names: LocalizedText }> = [
  { key: 'language', icon: 'book', color: '#1d4ed8', names: { de: 'Sprache', en: 'Language', ar: 'اللغة', fa: 'زبان', uk: 'Мова', ru: 'Язык', tr: 'Dil', ro: 'Limbă', bg: 'Език' } },
  { key: 'education', icon: 'school', color: '#7c3aed', names: { de: 'Bildung und Schule', en: 'Education and school', ar: 'التعليم والمدرسة', fa: 'آموزش و مدرسه', uk: 'Освіта і школа', ru: 'Образование и школа', tr: 'Eğitim ve okul', ro: 'Educație și școală', bg: 'Образование и училище' } },
  { key: 'work', icon: 'briefcase', color: '#b45309', names: { de: 'Ausbildung und Arbeit', en: 'Training and work', ar: 'التدريب المهني والعمل', fa: 'کارآموزی و کار', uk: 'Професійне навчання і робота', ru: 'Профобучение и работа', tr: 'Meslek eğitimi ve iş', ro: 'Formare și muncă', bg: 'Професионално обучение и работа' } },
  { key: 'housing', icon: 'home', color: '#047857', names: { de: 'Wohnen', en: 'Housing', ar: 'السكن', fa: 'مسکن', uk: 'Житло', ru: 'Жильё', tr: 'Konut', ro: 'Locuință', bg: 'Жилище' } },
  { key: 'health', icon: 'heart', color: '#be123c', names: { de: 'Gesundheit', en: 'Health', ar: 'الصحة', fa: 'سلامت', uk: "Здоров'я", ru: 'Здоровье', tr: 'Sağlık', ro: 'Sănătate', bg: 'Здраве' } },
  { key: 'family', icon: 'users', color: '#c2410c', names: { de: 'Familie und Kinder', en: 'Family and children', ar: 'الأسرة والأطفال', fa: 'خانواده و کودکان', uk: "Сім'я і діти", ru: 'Семья и дети', tr: 'Aile ve çocuklar', ro: 'Familie și copii', bg: 'Семейство и деца' } },
  { key: 'residence', icon: 'scale', color: '#334155', names: { de: 'Aufenthalt und Recht', en: 'Residence and legal matters', ar: 'الإقامة والشؤون القانونية', fa: 'اقامت و امور حقوقی', uk: 'Перебування і правові питання', ru: 'Пребывание и правовые вопросы', tr: 'Oturum ve hukuki konular', ro: 'Ședere și aspecte juridice', bg: 'Пребиваване и правни въпроси' } },
  { key: 'participation', icon: 'handshake', color: '#0e7490', names: { de: 'Teilhabe und Alltag', en: 'Participation and everyday life', ar: 'المشاركة والحياة اليومية', fa: 'مشارکت و زندگی روزمره', uk: 'Участь і повсякдення', ru: 'Участие и повседневная жизнь', tr: 'Katılım ve günlük yaşam', ro: 'Participare și viața de zi cu zi', bg: 'Участие и ежедневие' } },
  { key: 'counselling', icon: 'chat', color: '#4d7c0f', names: { de: 'Beratung', en: 'Counselling', ar: 'الاستشارة', fa: 'مشاوره', uk: 'Консультації', ru: 'Консультации', tr: 'Danışmanlık', ro: 'Consiliere', bg: 'Консултиране' } },
  { key: 'antidiscrimination', icon: 'shield', color: '#9d174d', names: { de: 'Antidiskriminierung', en: 'Anti-discrimination', ar: 'مكافحة التمييز', fa: 'مبارزه با تبعیض', uk: 'Протидія дискримінації', ru: 'Противодействие дискриминации', tr: 'Ayrımcılıkla mücadele', ro: 'Antidiscriminare', bg: 'Противодействие на дискриминацията' } },
];

/** Target groups named in the source documents. */
export const DEFAULT_TARGET_GROUPS: Array<{ key: string; names: LocalizedText }> = [
  { key: 'labour_migrants', names: { de: 'Arbeitsmigrantinnen und -migranten', en: 'Labour migrants', ar: 'المهاجرون من أجل العمل', fa: 'مهاجران کاری', uk: 'Трудові мігранти', ru: 'Трудовые мигранты', tr: 'İşçi göçmenler', ro: 'Migranți pentru muncă', bg: 'Трудови мигранти' } },
  { key: 'eu_newcomers', names: { de: 'Neuzugewanderte aus der EU', en: 'EU newcomers', ar: 'القادمون الجدد من الاتحاد الأوروبي', fa: 'تازه‌واردان از اتحادیه اروپا', uk: 'Новоприбулі з ЄС', ru: 'Новоприбывшие из ЕС', tr: 'AB’den yeni gelenler', ro: 'Nou-veniți din UE', bg: 'Новопристигнали от ЕС' } },
  { key: 'refugees', names: { de: 'Geflüchtete und Asylsuchende', en: 'Refugees and asylum seekers', ar: 'اللاجئون وطالبو اللجوء', fa: 'پناهندگان و پناهجویان', uk: 'Біженці та шукачі притулку', ru: 'Беженцы и лица, ищущие убежища', tr: 'Mülteciler ve sığınmacılar', ro: 'Refugiați și solicitanți de azil', bg: 'Бежанци и търсещи убежище' } },
  { key: 'students', names: { de: 'Internationale Studierende', en: 'International students', ar: 'الطلاب الدوليون', fa: 'دانشجویان بین‌المللی', uk: 'Іноземні студенти', ru: 'Иностранные студенты', tr: 'Uluslararası öğrenciler', ro: 'Studenți internaționali', bg: 'Чуждестранни студенти' } },
  { key: 'skilled_workers', names: { de: 'Fachkräfte', en: 'Skilled workers', ar: 'العمالة الماهرة', fa: 'نیروی کار متخصص', uk: 'Кваліфіковані фахівці', ru: 'Квалифицированные специалисты', tr: 'Nitelikli çalışanlar', ro: 'Specialiști calificați', bg: 'Квалифицирани специалисти' } },
  { key: 'family_reunion', names: { de: 'Familiennachzug', en: 'Family members joining', ar: 'لمّ شمل الأسرة', fa: 'پیوستن اعضای خانواده', uk: "Возз'єднання сім'ї", ru: 'Воссоединение семьи', tr: 'Aile birleşimi', ro: 'Reîntregirea familiei', bg: 'Събиране на семейството' } },
  { key: 'women', names: { de: 'Frauen', en: 'Women', ar: 'النساء', fa: 'زنان', uk: 'Жінки', ru: 'Женщины', tr: 'Kadınlar', ro: 'Femei', bg: 'Жени' } },
  { key: 'young_people', names: { de: 'Junge Menschen', en: 'Young people', ar: 'الشباب', fa: 'جوانان', uk: 'Молодь', ru: 'Молодёжь', tr: 'Gençler', ro: 'Tineri', bg: 'Млади хора' } },
  { key: 'parents', names: { de: 'Eltern', en: 'Parents', ar: 'الآباء والأمهات', fa: 'والدین', uk: 'Батьки', ru: 'Родители', tr: 'Ebeveynler', ro: 'Părinți', bg: 'Родители' } },
  { key: 'seniors', names: { de: 'Seniorinnen und Senioren', en: 'Seniors', ar: 'كبار السن', fa: 'سالمندان', uk: 'Люди похилого віку', ru: 'Пожилые люди', tr: 'Yaşlılar', ro: 'Vârstnici', bg: 'Възрастни хора' } },
];
