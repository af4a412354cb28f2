import type { DemoFirstStep, DemoFirstStepsList, DemoOffer, DemoTargetGroup, L10n } from '../types.ts';
import { DEMO_LANGUAGES } from '../types.ts';
import { l10n, targetGroups } from './taxonomy.ts';

interface StepDef { fieldKey: string; title: L10n; text: L10n }

export const STEP_LIBRARY = {
  register: { fieldKey: 'residence',
    title: l10n('Wohnsitz anmelden', 'Register your address', 'تسجيل عنوان السكن', 'ثبت محل سکونت', 'Зареєструйте місце проживання', 'Зарегистрируйте место жительства', 'Adres kaydı yaptırın', 'Înregistrați domiciliul', 'Регистрирайте адреса си'),
    text: l10n('Melden Sie Ihre Wohnung innerhalb von zwei Wochen beim Bürgerservice an.', 'Register your flat with the citizens’ office within two weeks of moving in.', 'سجّل عنوان سكنك لدى مكتب خدمة المواطنين خلال أسبوعين من انتقالك.', 'محل سکونت خود را ظرف دو هفته پس از نقل مکان در ادارهٔ خدمات شهروندی ثبت کنید.', 'Зареєструйте житло в службі для громадян протягом двох тижнів після заселення.', 'Зарегистрируйте жильё в службе для граждан в течение двух недель после заселения.', 'Taşındıktan sonra iki hafta içinde konutunuzu vatandaş hizmetlerine kaydettirin.', 'Înregistrați locuința la serviciul pentru cetățeni în cel mult două săptămâni de la mutare.', 'Регистрирайте жилището си в гражданската служба до две седмици след нанасянето.') },
  counselling: { fieldKey: 'counselling',
    title: l10n('Beratung nutzen', 'Get advice', 'احصل على استشارة', 'از مشاوره استفاده کنید', 'Отримайте консультацію', 'Получите консультацию', 'Danışmanlık alın', 'Cereți consiliere', 'Потърсете консултация'),
    text: l10n('Eine Migrationsberatung hilft kostenlos bei Anträgen, Briefen und den nächsten Schritten.', 'Migration counselling helps you free of charge with applications, letters and your next steps.', 'تساعدك استشارة الهجرة مجانًا في الطلبات والرسائل وخطواتك التالية.', 'مشاورهٔ مهاجرت به‌طور رایگان در درخواست‌ها، نامه‌ها و گام‌های بعدی به شما کمک می‌کند.', 'Міграційна консультація безкоштовно допоможе із заявами, листами та наступними кроками.', 'Миграционная консультация бесплатно поможет с заявлениями, письмами и следующими шагами.', 'Göç danışmanlığı başvurular, yazılar ve sonraki adımlar konusunda ücretsiz yardım eder.', 'Consilierea pentru migranți vă ajută gratuit cu cereri, scrisori și pașii următori.', 'Миграционната консултация помага безплатно със заявления, писма и следващите стъпки.') },
  language: { fieldKey: 'language',
    title: l10n('Deutschkurs finden', 'Find a German course', 'ابحث عن دورة لغة ألمانية', 'کلاس آلمانی پیدا کنید', 'Знайдіть курс німецької', 'Найдите курс немецкого', 'Almanca kursu bulun', 'Găsiți un curs de germană', 'Намерете курс по немски'),
    text: l10n('Ein Integrationskurs oder ein Sprachcafé ist der beste Start in die deutsche Sprache.', 'An integration course or a language café is the best start with German.', 'دورة الاندماج أو مقهى اللغة أفضل بداية لتعلّم الألمانية.', 'دورهٔ ادغام یا کافه زبان بهترین شروع برای یادگیری آلمانی است.', 'Інтеграційний курс або мовне кафе — найкращий початок вивчення німецької.', 'Интеграционный курс или языковое кафе — лучший старт в изучении немецкого.', 'Uyum kursu veya dil kafesi Almancaya en iyi başlangıçtır.', 'Un curs de integrare sau o cafenea lingvistică este cel mai bun început cu limba germană.', 'Интеграционният курс или езиковото кафе е най-доброто начало с немския език.') },
  residence: { fieldKey: 'residence',
    title: l10n('Aufenthalt klären', 'Clarify your residence status', 'وضّح وضع إقامتك', 'وضعیت اقامت خود را روشن کنید', 'З’ясуйте статус перебування', 'Проясните статус пребывания', 'Oturum durumunuzu netleştirin', 'Clarificați statutul de ședere', 'Изяснете статута си на пребиваване'),
    text: l10n('Lassen Sie sich unabhängig beraten, bevor Fristen für Ihren Aufenthalt ablaufen.', 'Get independent advice before any deadlines for your residence expire.', 'احصل على استشارة مستقلة قبل انتهاء المهل المتعلقة بإقامتك.', 'پیش از پایان مهلت‌های مربوط به اقامت، مشاورهٔ مستقل بگیرید.', 'Отримайте незалежну консультацію, перш ніж спливуть строки щодо вашого перебування.', 'Получите независимую консультацию до истечения сроков, связанных с вашим пребыванием.', 'Oturumunuzla ilgili süreler dolmadan bağımsız danışmanlık alın.', 'Cereți consiliere independentă înainte să expire termenele legate de ședere.', 'Потърсете независима консултация, преди да изтекат сроковете за пребиваването ви.') },
  health: { fieldKey: 'health',
    title: l10n('Gesundheit absichern', 'Take care of your health', 'اهتم بصحتك', 'سلامت خود را تأمین کنید', 'Подбайте про здоров’я', 'Позаботьтесь о здоровье', 'Sağlığınızı güvenceye alın', 'Aveți grijă de sănătate', 'Погрижете се за здравето си'),
    text: l10n('Klären Sie Ihre Krankenversicherung und suchen Sie eine Hausarztpraxis.', 'Sort out your health insurance and find a family doctor.', 'رتّب تأمينك الصحي وابحث عن طبيب أسرة.', 'بیمهٔ درمانی خود را مشخص کنید و یک پزشک خانواده پیدا کنید.', 'Оформіть медичне страхування та знайдіть сімейного лікаря.', 'Оформите медицинскую страховку и найдите семейного врача.', 'Sağlık sigortanızı netleştirin ve bir aile hekimi bulun.', 'Clarificați asigurarea de sănătate și găsiți un medic de familie.', 'Уредете здравната си осигуровка и намерете личен лекар.') },
  work: { fieldKey: 'work',
    title: l10n('Arbeit finden', 'Find work', 'ابحث عن عمل', 'کار پیدا کنید', 'Знайдіть роботу', 'Найдите работу', 'İş bulun', 'Găsiți un loc de muncă', 'Намерете работа'),
    text: l10n('Jobcoaches und Bewerbungstrainings helfen Ihnen bei der Stellensuche.', 'Job coaches and application training help you find a job.', 'يساعدك مدربو التوظيف وتدريبات طلبات العمل في إيجاد وظيفة.', 'مربیان شغلی و آموزش درخواست کار در یافتن شغل به شما کمک می‌کنند.', 'Коучі з працевлаштування та тренінги допоможуть вам знайти роботу.', 'Коучи по трудоустройству и тренинги помогут вам найти работу.', 'İş koçları ve başvuru eğitimleri iş aramanızda size yardımcı olur.', 'Consilierii și trainingurile pentru candidaturi vă ajută să găsiți un loc de muncă.', 'Консултанти и обучения за кандидатстване ви помагат да намерите работа.') },
  recognition: { fieldKey: 'work',
    title: l10n('Abschluss anerkennen lassen', 'Get your qualification recognised', 'معادلة شهادتك', 'مدرک خود را ارزشیابی کنید', 'Визнайте свій диплом', 'Признайте свой диплом', 'Diplomanızı tanıtın', 'Recunoașteți-vă diploma', 'Признайте дипломата си'),
    text: l10n('Mit einem anerkannten Abschluss finden Sie leichter Arbeit in Ihrem Beruf.', 'With a recognised qualification it is easier to find work in your profession.', 'مع شهادة معترف بها يصبح العثور على عمل في مهنتك أسهل.', 'با مدرک به رسمیت شناخته‌شده آسان‌تر در رشتهٔ خود کار پیدا می‌کنید.', 'З визнаним дипломом легше знайти роботу за фахом.', 'С признанным дипломом легче найти работу по специальности.', 'Tanınmış bir diploma ile mesleğinizde iş bulmanız kolaylaşır.', 'Cu o diplomă recunoscută găsiți mai ușor un loc de muncă în meseria dumneavoastră.', 'С призната диплома по-лесно ще намерите работа по специалността си.') },
  children: { fieldKey: 'family',
    title: l10n('Kita und Schule', 'Daycare and school', 'الحضانة والمدرسة', 'مهدکودک و مدرسه', 'Дитсадок і школа', 'Детский сад и школа', 'Kreş ve okul', 'Grădiniță și școală', 'Детска градина и училище'),
    text: l10n('Melden Sie Ihre Kinder früh für Kita oder Schule an, die Beratung hilft dabei.', 'Register your children early for daycare or school; advisers can help.', 'سجّل أطفالك مبكرًا في الحضانة أو المدرسة، وتساعدك الاستشارة في ذلك.', 'فرزندانتان را زود در مهدکودک یا مدرسه ثبت‌نام کنید؛ مشاوره در این کار کمک می‌کند.', 'Запишіть дітей до дитсадка чи школи завчасно, консультанти вам допоможуть.', 'Запишите детей в детский сад или школу заранее, консультанты вам помогут.', 'Çocuklarınızı erkenden kreşe veya okula kaydettirin; danışmanlar size yardımcı olur.', 'Înscrieți-vă copiii din timp la grădiniță sau școală; consilierii vă ajută.', 'Запишете децата си навреме в детска градина или училище, консултантите ще помогнат.') },
  housing: { fieldKey: 'housing',
    title: l10n('Wohnung finden', 'Find a flat', 'ابحث عن سكن', 'خانه پیدا کنید', 'Знайдіть житло', 'Найдите жильё', 'Ev bulun', 'Găsiți o locuință', 'Намерете жилище'),
    text: l10n('Informieren Sie sich über Mietrecht und lassen Sie sich bei der Suche helfen.', 'Learn about tenancy law and get help with your search.', 'تعرّف على قانون الإيجار واحصل على مساعدة في البحث.', 'با قوانین اجاره آشنا شوید و در جست‌وجو کمک بگیرید.', 'Дізнайтеся про орендне право та отримайте допомогу в пошуку.', 'Узнайте об арендном праве и получите помощь в поиске.', 'Kira hukuku hakkında bilgi alın ve ev aramada yardım isteyin.', 'Informați-vă despre dreptul chiriașilor și cereți ajutor la căutare.', 'Информирайте се за наемното право и потърсете помощ при търсенето.') },
  meet: { fieldKey: 'participation',
    title: l10n('Menschen kennenlernen', 'Meet people', 'تعرّف على الناس', 'با مردم آشنا شوید', 'Знайомтеся з людьми', 'Знакомьтесь с людьми', 'İnsanlarla tanışın', 'Cunoașteți oameni', 'Запознайте се с хора'),
    text: l10n('In Treffs, Vereinen und beim Ehrenamt knüpfen Sie schnell Kontakte.', 'You quickly make contacts at meeting points, in clubs and through volunteering.', 'تكوّن علاقات بسرعة في أماكن اللقاء والجمعيات ومن خلال التطوع.', 'در محل‌های دیدار، باشگاه‌ها و کار داوطلبانه به‌سرعت ارتباط برقرار می‌کنید.', 'У клубах, об’єднаннях і через волонтерство ви швидко знайдете знайомих.', 'В клубах, объединениях и через волонтёрство вы быстро заведёте знакомства.', 'Buluşma yerlerinde, derneklerde ve gönüllülükle hızla yeni bağlantılar kurarsınız.', 'La întâlniri, în asociații și prin voluntariat vă faceți repede cunoștințe.', 'В клубове, сдружения и чрез доброволчество бързо ще създадете контакти.') },
  university: { fieldKey: 'education',
    title: l10n('International Office besuchen', 'Visit the International Office', 'زر المكتب الدولي', 'به دفتر بین‌الملل مراجعه کنید', 'Відвідайте International Office', 'Посетите International Office', 'Uluslararası Ofis’e gidin', 'Mergeți la International Office', 'Посетете International Office'),
    text: l10n('Das International Office hilft bei Immatrikulation, Visum und Wohnheimplatz.', 'The International Office helps with enrolment, visas and student housing.', 'يساعدك المكتب الدولي في التسجيل الجامعي والتأشيرة والسكن الطلابي.', 'دفتر بین‌الملل در ثبت‌نام دانشگاه، ویزا و خوابگاه کمک می‌کند.', 'International Office допоможе із зарахуванням, візою та місцем у гуртожитку.', 'International Office поможет с зачислением, визой и местом в общежитии.', 'Uluslararası Ofis kayıt, vize ve yurt konusunda yardımcı olur.', 'International Office vă ajută cu înmatricularea, viza și un loc în cămin.', 'International Office помага със записването, визата и място в общежитие.') },
  youth: { fieldKey: 'counselling',
    title: l10n('Jugendmigrationsdienst kennenlernen', 'Get to know the youth migration service', 'تعرّف على خدمة الشباب المهاجرين', 'با خدمات مهاجرت جوانان آشنا شوید', 'Познайомтеся з молодіжною міграційною службою', 'Познакомьтесь с молодёжной миграционной службой', 'Gençlik Göç Servisi’ni tanıyın', 'Cunoașteți serviciul de migrație pentru tineri', 'Запознайте се с младежката миграционна служба'),
    text: l10n('Der Jugendmigrationsdienst begleitet Sie bei Schule, Ausbildung und Freizeit bis 27 Jahre.', 'The service supports you with school, training and leisure until the age of 27.', 'ترافقك الخدمة في المدرسة والتدريب المهني وأوقات الفراغ حتى سن 27.', 'این خدمات تا 27 سالگی در مدرسه، آموزش حرفه‌ای و اوقات فراغت همراه شماست.', 'Служба підтримує вас у школі, навчанні та дозвіллі до 27 років.', 'Служба поддерживает вас в школе, обучении и досуге до 27 лет.', 'Servis 27 yaşına kadar okul, meslek eğitimi ve boş zamanda size eşlik eder.', 'Serviciul vă sprijină la școală, în formare și în timpul liber până la 27 de ani.', 'Службата ви подкрепя в училище, обучението и свободното време до 27 години.') },
  women: { fieldKey: 'participation',
    title: l10n('Frauentreffs entdecken', 'Discover women’s groups', 'اكتشفي ملتقيات النساء', 'با محفل‌های زنان آشنا شوید', 'Відкрийте жіночі клуби', 'Откройте для себя женские клубы', 'Kadın buluşmalarını keşfedin', 'Descoperiți grupurile pentru femei', 'Открийте женските клубове'),
    text: l10n('In Frauentreffs und Frauenkursen lernen Sie in einem geschützten Rahmen.', 'At women’s meeting points and courses you learn in a protected setting.', 'في ملتقيات النساء ودوراتهن تتعلمين في بيئة آمنة.', 'در محفل‌ها و کلاس‌های ویژهٔ زنان در فضایی امن یاد می‌گیرید.', 'У жіночих клубах і на курсах ви навчаєтеся в безпечній атмосфері.', 'В женских клубах и на курсах вы учитесь в безопасной атмосфере.', 'Kadın buluşmalarında ve kurslarında güvenli bir ortamda öğrenirsiniz.', 'La întâlnirile și cursurile pentru femei învățați într-un cadru protejat.', 'В женските клубове и курсове учите в защитена среда.') },
  seniors: { fieldKey: 'participation',
    title: l10n('Aktiv bleiben im Alter', 'Stay active in later life', 'ابقَ نشيطًا في الكِبَر', 'در سالمندی فعال بمانید', 'Залишайтеся активними в старшому віці', 'Оставайтесь активными в старшем возрасте', 'Yaşlılıkta aktif kalın', 'Rămâneți activi la vârsta a treia', 'Останете активни на възраст'),
    text: l10n('Seniorentreffs und Bewegungsangebote bringen Abwechslung und neue Kontakte.', 'Seniors’ meetings and exercise groups bring variety and new contacts.', 'تمنحك ملتقيات كبار السن والأنشطة الرياضية التنوع وعلاقات جديدة.', 'دیدارهای سالمندان و برنامه‌های ورزشی تنوع و آشنایی‌های تازه به همراه دارند.', 'Клуби для старших людей і рухливі заняття дають різноманіття й нові знайомства.', 'Клубы для пожилых и занятия спортом дают разнообразие и новые знакомства.', 'Yaşlı buluşmaları ve hareket etkinlikleri çeşitlilik ve yeni tanışıklıklar sağlar.', 'Cluburile pentru vârstnici și activitățile de mișcare aduc varietate și cunoștințe noi.', 'Клубовете за възрастни и заниманията с движение носят разнообразие и нови контакти.') },
  discrimination: { fieldKey: 'antidiscrimination',
    title: l10n('Hilfe bei Diskriminierung', 'Help with discrimination', 'المساعدة عند التمييز', 'کمک در برابر تبعیض', 'Допомога в разі дискримінації', 'Помощь при дискриминации', 'Ayrımcılığa karşı yardım', 'Ajutor în caz de discriminare', 'Помощ при дискриминация'),
    text: l10n('Wenn Sie benachteiligt werden, gibt es vertrauliche Beratung und eine Online-Meldestelle.', 'If you are treated unfairly, there is confidential advice and an online reporting office.', 'إذا تعرّضت للتمييز فهناك استشارة سرية ومنصة إبلاغ إلكترونية.', 'اگر مورد تبعیض قرار بگیرید، مشاورهٔ محرمانه و مرکز گزارش آنلاین وجود دارد.', 'Якщо вас утискають, є конфіденційні консультації та онлайн-пункт повідомлень.', 'Если вас ущемляют, есть конфиденциальные консультации и онлайн-пункт сообщений.', 'Ayrımcılığa uğrarsanız gizli danışmanlık ve çevrimiçi bildirim merkezi var.', 'Dacă sunteți discriminat, există consiliere confidențială și un punct online de raportare.', 'Ако сте дискриминирани, има поверителни консултации и онлайн пункт за сигнали.') },
  familyreunion: { fieldKey: 'residence',
    title: l10n('Familiennachzug vorbereiten', 'Prepare family reunification', 'استعد للمّ شمل الأسرة', 'پیوستن خانواده را آماده کنید', 'Підготуйте возз’єднання сім’ї', 'Подготовьте воссоединение семьи', 'Aile birleşimine hazırlanın', 'Pregătiți reîntregirea familiei', 'Подгответе събирането на семейството'),
    text: l10n('Klären Sie früh, welche Dokumente Ihre Familie für das Visum braucht.', 'Find out early which documents your family needs for the visa.', 'تعرّف مبكرًا على الوثائق التي تحتاجها عائلتك للحصول على التأشيرة.', 'زودتر بررسی کنید خانواده‌تان برای ویزا به چه مدارکی نیاز دارد.', 'Завчасно з’ясуйте, які документи потрібні вашій сім’ї для візи.', 'Заранее выясните, какие документы нужны вашей семье для визы.', 'Ailenizin vize için hangi belgelere ihtiyacı olduğunu erkenden öğrenin.', 'Aflați din timp ce documente îi trebuie familiei pentru viză.', 'Проучете навреме какви документи са нужни на семейството ви за визата.') },
  parentsMeet: { fieldKey: 'family',
    title: l10n('Andere Eltern treffen', 'Meet other parents', 'التقِ بأهالٍ آخرين', 'با والدین دیگر آشنا شوید', 'Зустрічайтеся з іншими батьками', 'Встречайтесь с другими родителями', 'Diğer ebeveynlerle tanışın', 'Întâlniți alți părinți', 'Срещнете други родители'),
    text: l10n('Elterncafés und Eltern-Kind-Gruppen bieten Austausch und Tipps für den Familienalltag.', 'Parents’ cafés and parent and toddler groups offer exchange and tips for family life.', 'توفر مقاهي الأهالي ومجموعات الأهل والطفل تبادل الخبرات ونصائح للحياة الأسرية.', 'کافه‌های والدین و گروه‌های والدین و کودک فرصت تبادل تجربه و نکاتی برای زندگی خانوادگی فراهم می‌کنند.', 'Батьківські кафе та групи для батьків і дітей дають обмін досвідом і поради для сімейного життя.', 'Родительские кафе и группы для родителей и детей дают обмен опытом и советы для семейной жизни.', 'Veli kafeleri ve ebeveyn-çocuk grupları deneyim paylaşımı ve aile hayatı için ipuçları sunar.', 'Cafenelele și grupele pentru părinți oferă schimb de experiență și sfaturi pentru viața de familie.', 'Кафенетата и групите за родители и деца предлагат обмен на опит и съвети за семейния живот.') },
} satisfies Record<string, StepDef>;
export type StepKey = keyof typeof STEP_LIBRARY;

const FIRST_STEPS_PREFIX = l10n('Erste Schritte', 'First steps', 'الخطوات الأولى', 'نخستین گام‌ها', 'Перші кроки', 'Первые шаги', 'İlk adımlar', 'Primii pași', 'Първи стъпки');
export const FIRST_STEPS_INTRO = l10n(
  'Diese Schritte helfen Ihnen beim Ankommen. Zu jedem Schritt finden Sie passende Angebote in Ihrer Nähe.',
  'These steps help you settle in. For each step you will find suitable offers near you.',
  'تساعدك هذه الخطوات على الاستقرار. ولكل خطوة تجد عروضًا مناسبة بالقرب منك.',
  'این گام‌ها به شما در جاافتادن کمک می‌کنند. برای هر گام، خدمات مناسبی در نزدیکی خود پیدا می‌کنید.',
  'Ці кроки допоможуть вам облаштуватися. Для кожного кроку ви знайдете відповідні пропозиції поруч.',
  'Эти шаги помогут вам обустроиться. Для каждого шага вы найдёте подходящие предложения рядом с вами.',
  'Bu adımlar yerleşmenize yardımcı olur. Her adım için yakınınızda uygun hizmetler bulabilirsiniz.',
  'Acești pași vă ajută să vă acomodați. Pentru fiecare pas găsiți oferte potrivite în apropiere.',
  'Тези стъпки ще ви помогнат да се установите. За всяка стъпка ще намерите подходящи предложения наблизо.',
);

/** list: target group → [step, offer kinds referenced by the step][] */
export type FirstStepsDef = Record<string, [StepKey, string[]][]>;

export function buildFirstSteps(def: FirstStepsDef, offers: DemoOffer[], groups: DemoTargetGroup[] = targetGroups): DemoFirstStepsList[] {
  const byKind = new Map<string, string[]>();
  for (const o of offers) {
    if (!o.kindKey) continue;
    const list = byKind.get(o.kindKey) ?? [];
    list.push(o.key);
    byKind.set(o.kindKey, list);
  }
  return Object.entries(def).map(([groupKey, steps]) => {
    const group = groups.find((g) => g.key === groupKey);
    if (!group) throw new Error(`unknown target group ${groupKey}`);
    const title = {} as L10n;
    for (const lang of DEMO_LANGUAGES) title[lang] = `${FIRST_STEPS_PREFIX[lang]}: ${group.names[lang]}`;
    const built: DemoFirstStep[] = steps.map(([stepKey, kinds]) => {
      const lib = STEP_LIBRARY[stepKey];
      const offerKeys: string[] = [];
      for (const k of kinds) {
        const first = byKind.get(k)?.[0];
        if (first && offerKeys.length < 4) offerKeys.push(first);
      }
      if (offerKeys.length === 0) throw new Error(`first step ${stepKey} of ${groupKey} references no existing offer`);
      return { title: { ...lib.title }, text: { ...lib.text }, fieldKey: lib.fieldKey, offerKeys };
    });
    return { targetGroupKey: groupKey, title, intro: { ...FIRST_STEPS_INTRO }, steps: built };
  });
}

export const MUSTERSTADT_FIRST_STEPS: FirstStepsDef = {
  labour_migrants: [['register', ['mbe']], ['counselling', ['mbe', 'sozialberatung']], ['language', ['integrationskurs', 'berufssprachkurs']], ['work', ['bewerbungstraining', 'jobcafe', 'arbeitsrecht']], ['housing', ['wohnungssuche', 'mieterberatung']]],
  eu_newcomers: [['register', ['stadtrundgang']], ['work', ['jobcafe', 'arbeitsrecht', 'gleichbehandlung']], ['health', ['gesundheitslotsen', 'impfsprechstunde']], ['language', ['integrationskurs', 'sprachcafe']], ['counselling', ['mbe', 'sozialberatung']]],
  refugees: [['residence', ['asylverfahrensberatung', 'aufenthaltsberatung']], ['counselling', ['mbe', 'sozialberatung']], ['language', ['integrationskurs', 'alphakurs', 'sprachcafe']], ['health', ['gesundheitslotsen', 'psychosozial']], ['housing', ['wohnungssuche', 'wohnfuehrerschein']], ['meet', ['stadtrundgang', 'sprachpaten']]],
  students: [['university', ['hochschulberatung']], ['register', ['welcomeservice']], ['language', ['onlinekurs', 'sprachcafe']], ['meet', ['stadtrundgang', 'engagement']]],
  skilled_workers: [['recognition', ['anerkennungsberatung']], ['residence', ['welcomeservice']], ['language', ['berufssprachkurs', 'pflegedeutsch', 'onlinekurs']], ['register', ['welcomeservice', 'stadtrundgang']]],
  family_reunion: [['familyreunion', ['familiennachzug']], ['register', ['mbe']], ['language', ['integrationskurs', 'frauenkurs']], ['children', ['kitaberatung', 'schulberatung']]],
  women: [['women', ['frauentreff', 'frauenkurs', 'frauenschwimmen']], ['language', ['frauenkurs', 'sprachcafe']], ['counselling', ['familienberatung', 'mbe']], ['discrimination', ['adb', 'empowerment', 'meldestelle']]],
  young_people: [['youth', ['jmd', 'ausbildungsberatung']], ['language', ['jugendkurs']], ['meet', ['fussball', 'hausaufgabenhilfe']], ['discrimination', ['empowerment', 'meldestelle']]],
  parents: [['children', ['kitaberatung', 'schulberatung', 'hausaufgabenhilfe']], ['parentsMeet', ['elterncafe', 'elternkindgruppe']], ['health', ['impfsprechstunde']], ['counselling', ['familienberatung']]],
  seniors: [['seniors', ['seniorentreff', 'gymnastik']], ['counselling', ['mbe', 'sozialberatung']], ['health', ['gesundheitslotsen']], ['meet', ['computerkurs', 'sprachcafe']]],
};
