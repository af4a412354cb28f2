import type { DemoLang } from '../types.ts';
import type { CostKey, RegKey, ReqKey } from './phrases.ts';

/** [title, summary, description] */
export type KindText = readonly [string, string, string];
/** A translated offer "kind" that is instantiated per provider / location. */
export interface OfferKind {
  key: string;
  fields: string[];
  groups: string[];
  /** ISO codes the offer is usually held in */
  langs: string[];
  costs: CostKey;
  req: ReqKey;
  reg: RegKey;
  childcare?: boolean;
  online?: boolean;
  inPerson?: boolean;
  t: Record<DemoLang, KindText>;
}

export const kindsA: OfferKind[] = [
  {
    key: 'integrationskurs', fields: ['language'], groups: ['refugees', 'eu_newcomers', 'family_reunion', 'labour_migrants'], langs: ['de'], costs: 'bamf', req: 'permit', reg: 'placement',
    t: {
      de: ['Integrationskurs', 'Deutsch lernen und das Leben in Deutschland kennenlernen.', 'Der Kurs umfasst 600 Stunden Sprachunterricht und einen Orientierungskurs zu Geschichte, Politik und Alltag. Am Ende stehen der Deutsch-Test für Zuwanderer und der Test „Leben in Deutschland“.'],
      en: ['Integration course', 'Learn German and get to know life in Germany.', 'The course includes 600 hours of German lessons and an orientation course on history, politics and everyday life. It ends with the German test for immigrants and the “Life in Germany” test.'],
      ar: ['دورة الاندماج', 'تعلّم اللغة الألمانية وتعرّف على الحياة في ألمانيا.', 'تشمل الدورة 600 ساعة من دروس اللغة ودورة توجيهية عن التاريخ والسياسة والحياة اليومية. وتنتهي باختبار اللغة الألمانية للمهاجرين واختبار «الحياة في ألمانيا».'],
      fa: ['دورهٔ ادغام', 'آلمانی بیاموزید و با زندگی در آلمان آشنا شوید.', 'این دوره شامل 600 ساعت آموزش زبان و یک دورهٔ آشنایی با تاریخ، سیاست و زندگی روزمره است. در پایان، آزمون زبان آلمانی برای مهاجران و آزمون «زندگی در آلمان» برگزار می‌شود.'],
      uk: ['Інтеграційний курс', 'Вивчайте німецьку мову та знайомтеся з життям у Німеччині.', 'Курс включає 600 годин мовних занять і орієнтаційний курс з історії, політики та повсякденного життя. Наприкінці складають мовний тест для іммігрантів і тест «Життя в Німеччині».'],
      ru: ['Интеграционный курс', 'Изучайте немецкий язык и знакомьтесь с жизнью в Германии.', 'Курс включает 600 часов языковых занятий и ориентационный курс по истории, политике и повседневной жизни. В конце сдаются языковой тест для иммигрантов и тест «Жизнь в Германии».'],
      tr: ['Uyum kursu', 'Almanca öğrenin ve Almanya’daki yaşamı tanıyın.', 'Kurs 600 saatlik dil dersi ile tarih, siyaset ve günlük yaşam üzerine bir oryantasyon kursunu kapsar. Kurs, göçmenler için Almanca sınavı ve “Almanya’da Yaşam” testiyle sona erer.'],
      ro: ['Curs de integrare', 'Învățați limba germană și cunoașteți viața în Germania.', 'Cursul cuprinde 600 de ore de limba germană și un curs de orientare despre istorie, politică și viața de zi cu zi. La final se susțin testul de germană pentru imigranți și testul „Viața în Germania”.'],
      bg: ['Интеграционен курс', 'Научете немски и се запознайте с живота в Германия.', 'Курсът включва 600 часа немски език и ориентационен курс по история, политика и ежедневие. Завършва с изпит по немски за имигранти и теста „Живот в Германия“.'],
    },
  },
  {
    key: 'alphakurs', fields: ['language', 'education'], groups: ['refugees', 'family_reunion', 'women'], langs: ['de'], costs: 'bamf', req: 'permit', reg: 'placement',
    t: {
      de: ['Integrationskurs mit Alphabetisierung', 'Lesen und Schreiben lernen und gleichzeitig Deutsch sprechen.', 'Der Kurs ist für Menschen, die nicht oder wenig in lateinischer Schrift lesen und schreiben können. In kleinen Gruppen lernen Sie in Ihrem Tempo.'],
      en: ['Integration course with literacy training', 'Learn to read and write while learning to speak German.', 'The course is for people who cannot, or can hardly, read and write in the Latin alphabet. You learn at your own pace in small groups.'],
      ar: ['دورة الاندماج مع محو الأمية', 'تعلّم القراءة والكتابة مع تعلّم التحدث بالألمانية.', 'الدورة مخصصة لمن لا يجيدون القراءة والكتابة بالحروف اللاتينية أو يجيدونها قليلًا. تتعلم في مجموعات صغيرة وبالسرعة التي تناسبك.'],
      fa: ['دورهٔ ادغام همراه با سوادآموزی', 'خواندن و نوشتن بیاموزید و همزمان آلمانی صحبت کنید.', 'این دوره برای کسانی است که خواندن و نوشتن با الفبای لاتین را نمی‌دانند یا کم می‌دانند. در گروه‌های کوچک و با سرعت خودتان یاد می‌گیرید.'],
      uk: ['Інтеграційний курс з навчанням грамоти', 'Навчіться читати й писати та водночас розмовляти німецькою.', 'Курс призначений для людей, які не вміють або погано вміють читати й писати латиницею. Ви навчаєтеся в малих групах у власному темпі.'],
      ru: ['Интеграционный курс с обучением грамоте', 'Научитесь читать и писать и одновременно говорить по-немецки.', 'Курс предназначен для тех, кто не умеет или плохо умеет читать и писать латиницей. Вы занимаетесь в небольших группах в своём темпе.'],
      tr: ['Okuma yazma destekli uyum kursu', 'Okuma yazma öğrenin ve aynı zamanda Almanca konuşun.', 'Kurs, Latin alfabesiyle hiç ya da çok az okuyup yazabilen kişiler içindir. Küçük gruplarda kendi hızınızda öğrenirsiniz.'],
      ro: ['Curs de integrare cu alfabetizare', 'Învățați să citiți și să scrieți și, în același timp, să vorbiți germana.', 'Cursul se adresează persoanelor care nu știu sau știu puțin să citească și să scrie cu alfabetul latin. Învățați în grupuri mici, în ritmul propriu.'],
      bg: ['Интеграционен курс с ограмотяване', 'Научете се да четете и пишете и едновременно да говорите немски.', 'Курсът е за хора, които не могат или трудно четат и пишат на латиница. Учите в малки групи със собствено темпо.'],
    },
  },
  {
    key: 'frauenkurs', fields: ['language', 'family'], groups: ['women', 'parents', 'family_reunion'], langs: ['de'], costs: 'bamf', req: 'permit', reg: 'placement', childcare: true,
    t: {
      de: ['Integrationskurs für Frauen mit Kinderbetreuung', 'Deutsch lernen in einer Frauengruppe, während Ihre Kinder betreut werden.', 'Der Unterricht findet vormittags statt, damit er gut zum Familienalltag passt. Kleine Kinder werden im Nebenraum von Fachkräften betreut.'],
      en: ['Integration course for women with childcare', 'Learn German in a women’s group while your children are looked after.', 'Lessons take place in the morning so they fit well into family life. Young children are cared for by qualified staff in the next room.'],
      ar: ['دورة اندماج للنساء مع رعاية الأطفال', 'تعلّمي الألمانية ضمن مجموعة نسائية بينما يُعتنى بأطفالك.', 'تُعقد الدروس صباحًا لتتناسب مع الحياة الأسرية. ويعتني مختصون بالأطفال الصغار في غرفة مجاورة.'],
      fa: ['دورهٔ ادغام زنان با نگهداری از کودکان', 'در یک گروه زنانه آلمانی بیاموزید، در حالی که از کودکانتان مراقبت می‌شود.', 'کلاس‌ها صبح‌ها برگزار می‌شود تا با زندگی خانوادگی هماهنگ باشد. از کودکان خردسال در اتاق کناری توسط مربیان مراقبت می‌شود.'],
      uk: ['Інтеграційний курс для жінок з доглядом за дітьми', 'Вивчайте німецьку в жіночій групі, поки про ваших дітей піклуються.', 'Заняття проходять зранку, щоб їх було зручно поєднувати з сімейним життям. Про маленьких дітей у сусідній кімнаті дбають фахівці.'],
      ru: ['Интеграционный курс для женщин с присмотром за детьми', 'Изучайте немецкий в женской группе, пока за вашими детьми присматривают.', 'Занятия проходят утром, чтобы их было удобно совмещать с семейной жизнью. За маленькими детьми в соседней комнате присматривают специалисты.'],
      tr: ['Çocuk bakımlı kadın uyum kursu', 'Çocuklarınıza bakılırken bir kadın grubunda Almanca öğrenin.', 'Dersler aile hayatına uyması için sabahları yapılır. Küçük çocuklara yan odada uzman personel bakar.'],
      ro: ['Curs de integrare pentru femei, cu îngrijirea copiilor', 'Învățați germana într-un grup de femei, în timp ce copiii sunt supravegheați.', 'Orele au loc dimineața, ca să se potrivească cu viața de familie. Copiii mici sunt îngrijiți de personal calificat în camera alăturată.'],
      bg: ['Интеграционен курс за жени с грижа за децата', 'Учете немски в женска група, докато за децата ви се грижат.', 'Занятията са сутрин, за да се съчетават добре със семейния живот. За малките деца се грижат специалисти в съседната стая.'],
    },
  },
  {
    key: 'jugendkurs', fields: ['language', 'education'], groups: ['young_people', 'refugees'], langs: ['de'], costs: 'bamf', req: 'young', reg: 'placement',
    t: {
      de: ['Jugendintegrationskurs', 'Deutsch lernen für junge Menschen bis 27 Jahre.', 'Der Kurs bereitet auf Schule, Ausbildung oder Studium vor. Neben dem Unterricht gibt es Ausflüge, Projekte und Hilfe bei der Berufsorientierung.'],
      en: ['Youth integration course', 'German course for young people up to 27.', 'The course prepares you for school, vocational training or university. Besides lessons there are trips, projects and support with career orientation.'],
      ar: ['دورة الاندماج للشباب', 'تعلّم الألمانية للشباب حتى سن 27 عامًا.', 'تُعدّ الدورة للمدرسة أو التدريب المهني أو الدراسة الجامعية. وإلى جانب الدروس توجد رحلات ومشاريع ودعم في التوجيه المهني.'],
      fa: ['دورهٔ ادغام ویژهٔ جوانان', 'آموزش زبان آلمانی برای جوانان تا 27 سال.', 'این دوره برای مدرسه، آموزش حرفه‌ای یا دانشگاه آماده می‌کند. در کنار کلاس، گردش‌ها، پروژه‌ها و کمک در انتخاب شغل هم وجود دارد.'],
      uk: ['Інтеграційний курс для молоді', 'Німецька мова для молодих людей до 27 років.', 'Курс готує до школи, професійного навчання або університету. Окрім занять, є екскурсії, проєкти та допомога з профорієнтацією.'],
      ru: ['Интеграционный курс для молодёжи', 'Немецкий язык для молодых людей до 27 лет.', 'Курс готовит к школе, профессиональному обучению или учёбе в вузе. Помимо занятий, есть экскурсии, проекты и помощь в профориентации.'],
      tr: ['Gençler için uyum kursu', '27 yaşına kadar gençler için Almanca kursu.', 'Kurs okula, meslek eğitimine veya üniversiteye hazırlar. Derslerin yanı sıra geziler, projeler ve meslek seçiminde destek sunulur.'],
      ro: ['Curs de integrare pentru tineri', 'Curs de germană pentru tineri de până la 27 de ani.', 'Cursul pregătește pentru școală, formare profesională sau facultate. Pe lângă lecții, există excursii, proiecte și sprijin pentru orientarea profesională.'],
      bg: ['Интеграционен курс за младежи', 'Немски език за млади хора до 27 години.', 'Курсът подготвя за училище, професионално обучение или следване. Освен занятия има екскурзии, проекти и помощ при професионалното ориентиране.'],
    },
  },
  {
    key: 'berufssprachkurs', fields: ['language', 'work'], groups: ['skilled_workers', 'labour_migrants', 'refugees'], langs: ['de'], costs: 'funded', req: 'b1', reg: 'referral',
    t: {
      de: ['Berufssprachkurs B2', 'Deutsch für den Beruf auf Niveau B2.', 'Sie üben Gespräche mit Kolleginnen, Kunden und Vorgesetzten sowie das Schreiben von E-Mails und Berichten. Der Kurs endet mit einer anerkannten Prüfung.'],
      en: ['Job-related German course B2', 'German for work at level B2.', 'You practise conversations with colleagues, customers and managers as well as writing emails and reports. The course ends with a recognised exam.'],
      ar: ['دورة اللغة المهنية B2', 'اللغة الألمانية للعمل بمستوى B2.', 'تتدرّب على المحادثة مع الزملاء والعملاء والمديرين وعلى كتابة الرسائل الإلكترونية والتقارير. وتنتهي الدورة بامتحان معترف به.'],
      fa: ['دورهٔ زبان شغلی B2', 'زبان آلمانی برای کار در سطح B2.', 'گفت‌وگو با همکاران، مشتریان و مدیران و نوشتن ایمیل و گزارش را تمرین می‌کنید. دوره با یک آزمون معتبر به پایان می‌رسد.'],
      uk: ['Професійний мовний курс B2', 'Німецька для роботи на рівні B2.', 'Ви тренуєте розмови з колегами, клієнтами та керівниками, а також написання листів і звітів. Курс завершується визнаним іспитом.'],
      ru: ['Профессиональный языковой курс B2', 'Немецкий для работы на уровне B2.', 'Вы тренируете разговоры с коллегами, клиентами и руководством, а также написание писем и отчётов. Курс завершается признанным экзаменом.'],
      tr: ['Mesleki Almanca kursu B2', 'B2 seviyesinde iş hayatı için Almanca.', 'İş arkadaşları, müşteriler ve yöneticilerle konuşmayı, e-posta ve rapor yazmayı çalışırsınız. Kurs tanınmış bir sınavla sona erer.'],
      ro: ['Curs de germană profesională B2', 'Germană pentru locul de muncă, nivelul B2.', 'Exersați discuții cu colegii, clienții și șefii, precum și scrierea de e-mailuri și rapoarte. Cursul se încheie cu un examen recunoscut.'],
      bg: ['Професионален езиков курс B2', 'Немски за работа на ниво B2.', 'Упражнявате разговори с колеги, клиенти и ръководители, както и писане на имейли и доклади. Курсът завършва с признат изпит.'],
    },
  },
  {
    key: 'sprachcafe', fields: ['language', 'participation'], groups: ['refugees', 'eu_newcomers', 'students', 'women', 'seniors'], langs: ['de', 'en'], costs: 'free', req: 'none', reg: 'none',
    t: {
      de: ['Sprachcafé', 'Deutsch sprechen üben bei Kaffee und Tee.', 'Ehrenamtliche unterhalten sich mit Ihnen über Alltagsthemen. Alle Sprachniveaus sind willkommen, auch Anfängerinnen und Anfänger.'],
      en: ['Language café', 'Practise speaking German over coffee and tea.', 'Volunteers chat with you about everyday topics. All levels are welcome, including beginners.'],
      ar: ['مقهى اللغة', 'تدرّب على التحدث بالألمانية مع القهوة والشاي.', 'يتحدث معك متطوعون عن مواضيع الحياة اليومية. جميع المستويات مرحَّب بها، بما في ذلك المبتدئون.'],
      fa: ['کافه زبان', 'صحبت کردن به آلمانی را با قهوه و چای تمرین کنید.', 'داوطلبان دربارهٔ موضوعات روزمره با شما گفت‌وگو می‌کنند. همهٔ سطوح، حتی مبتدیان، خوش آمدند.'],
      uk: ['Мовне кафе', 'Практикуйте розмовну німецьку за кавою та чаєм.', 'Волонтери спілкуються з вами на повсякденні теми. Запрошуємо всіх, зокрема початківців.'],
      ru: ['Языковое кафе', 'Практикуйте разговорный немецкий за кофе и чаем.', 'Волонтёры беседуют с вами на повседневные темы. Приглашаются все уровни, в том числе начинающие.'],
      tr: ['Dil kafesi', 'Kahve ve çay eşliğinde Almanca konuşma pratiği yapın.', 'Gönüllüler sizinle günlük konular hakkında sohbet eder. Yeni başlayanlar dahil her seviye davetlidir.'],
      ro: ['Cafenea lingvistică', 'Exersați germana vorbită la o cafea sau un ceai.', 'Voluntarii discută cu dumneavoastră despre subiecte de zi cu zi. Sunt binevenite toate nivelurile, inclusiv începătorii.'],
      bg: ['Езиково кафе', 'Упражнявайте говорим немски на кафе и чай.', 'Доброволци разговарят с вас на ежедневни теми. Добре дошли са всички нива, включително начинаещи.'],
    },
  },
  {
    key: 'onlinekurs', fields: ['language'], groups: ['students', 'skilled_workers', 'eu_newcomers'], langs: ['de', 'en'], costs: 'course', req: 'none', reg: 'online', online: true, inPerson: false,
    t: {
      de: ['Online-Deutschkurs am Abend', 'Deutsch lernen von zu Hause, zweimal pro Woche abends.', 'Der Unterricht läuft live im virtuellen Klassenzimmer mit höchstens 12 Teilnehmenden. Sie brauchen nur ein Smartphone, Tablet oder einen Computer.'],
      en: ['Online evening German course', 'Learn German from home, two evenings a week.', 'Lessons run live in a virtual classroom with a maximum of 12 participants. All you need is a smartphone, tablet or computer.'],
      ar: ['دورة ألمانية مسائية عبر الإنترنت', 'تعلّم الألمانية من المنزل، مساءين في الأسبوع.', 'تُقدَّم الدروس مباشرة في فصل افتراضي بحد أقصى 12 مشاركًا. كل ما تحتاجه هو هاتف ذكي أو جهاز لوحي أو حاسوب.'],
      fa: ['کلاس آنلاین آلمانی در عصر', 'از خانه آلمانی بیاموزید، دو شب در هفته.', 'کلاس به‌صورت زنده در یک کلاس مجازی با حداکثر 12 شرکت‌کننده برگزار می‌شود. فقط به گوشی هوشمند، تبلت یا رایانه نیاز دارید.'],
      uk: ['Вечірній онлайн-курс німецької', 'Вивчайте німецьку вдома двічі на тиждень увечері.', 'Заняття проходять наживо у віртуальному класі, де не більше 12 учасників. Потрібен лише смартфон, планшет або комп’ютер.'],
      ru: ['Вечерний онлайн-курс немецкого', 'Изучайте немецкий из дома два вечера в неделю.', 'Занятия проходят в прямом эфире в виртуальном классе, где не более 12 участников. Нужен только смартфон, планшет или компьютер.'],
      tr: ['Akşam çevrimiçi Almanca kursu', 'Haftada iki akşam evden Almanca öğrenin.', 'Dersler en fazla 12 katılımcılı sanal bir sınıfta canlı yapılır. Yalnızca akıllı telefon, tablet veya bilgisayar gerekir.'],
      ro: ['Curs online de germană seara', 'Învățați germana de acasă, în două seri pe săptămână.', 'Lecțiile au loc live, într-o clasă virtuală cu cel mult 12 participanți. Aveți nevoie doar de un telefon, o tabletă sau un calculator.'],
      bg: ['Вечерен онлайн курс по немски', 'Учете немски от вкъщи две вечери седмично.', 'Занятията са на живо във виртуална класна стая с най-много 12 участници. Нужен ви е само смартфон, таблет или компютър.'],
    },
  },
  {
    key: 'pflegedeutsch', fields: ['language', 'work', 'health'], groups: ['skilled_workers', 'labour_migrants'], langs: ['de'], costs: 'funded', req: 'b1', reg: 'referral',
    t: {
      de: ['Deutsch für Pflegeberufe', 'Fachsprache für die Arbeit in Pflege und Krankenhaus.', 'Sie lernen Wortschatz für Dokumentation, Übergaben und Gespräche mit Patientinnen und Patienten. Der Kurs bereitet auf die Anerkennung als Pflegefachkraft vor.'],
      en: ['German for nursing professions', 'Specialist language for working in care and hospitals.', 'You learn vocabulary for documentation, shift handovers and conversations with patients. The course prepares you for recognition as a registered nurse.'],
      ar: ['الألمانية لمهن التمريض', 'لغة متخصصة للعمل في التمريض والمستشفيات.', 'تتعلم مفردات التوثيق وتسليم المناوبات والحديث مع المرضى. وتُعدّك الدورة للاعتراف بك كممرض أو ممرضة مؤهلة.'],
      fa: ['آلمانی برای مشاغل پرستاری', 'زبان تخصصی برای کار در مراقبت و بیمارستان.', 'واژگان لازم برای مستندسازی، تحویل شیفت و گفت‌وگو با بیماران را یاد می‌گیرید. این دوره شما را برای به رسمیت شناخته شدن به‌عنوان پرستار آماده می‌کند.'],
      uk: ['Німецька для професій у сфері догляду', 'Фахова мова для роботи в догляді та лікарні.', 'Ви вивчаєте лексику для документації, передачі зміни та розмов із пацієнтами. Курс готує до визнання кваліфікації медсестри чи медбрата.'],
      ru: ['Немецкий для профессий в сфере ухода', 'Профессиональный язык для работы в уходе и больнице.', 'Вы изучаете лексику для документации, передачи смены и бесед с пациентами. Курс готовит к признанию квалификации медсестры или медбрата.'],
      tr: ['Bakım meslekleri için Almanca', 'Bakım ve hastanede çalışmak için mesleki dil.', 'Dokümantasyon, vardiya devri ve hastalarla konuşma için kelime bilgisi öğrenirsiniz. Kurs, hemşire olarak denklik almaya hazırlar.'],
      ro: ['Germană pentru profesii din îngrijire', 'Limbaj de specialitate pentru îngrijire și spital.', 'Învățați vocabularul pentru documentare, predarea turei și discuțiile cu pacienții. Cursul vă pregătește pentru recunoașterea ca asistent medical.'],
      bg: ['Немски за професии в грижите', 'Специализиран език за работа в грижите и болницата.', 'Учите лексика за документиране, предаване на смяната и разговори с пациенти. Курсът подготвя за признаване като медицинска сестра.'],
    },
  },
  {
    key: 'sprachpaten', fields: ['language', 'participation'], groups: ['refugees', 'family_reunion', 'women', 'seniors'], langs: ['de', 'en'], costs: 'free', req: 'none', reg: 'contact',
    t: {
      de: ['Sprachpatenschaft', 'Eine ehrenamtliche Patin oder ein Pate übt mit Ihnen Deutsch.', 'Sie treffen sich einmal pro Woche, zum Beispiel in der Bibliothek oder im Café. Die Patenschaft hilft auch bei Briefen und Terminen.'],
      en: ['Language mentoring', 'A volunteer mentor practises German with you.', 'You meet once a week, for example in the library or a café. Your mentor can also help with letters and appointments.'],
      ar: ['رعاية لغوية', 'يتدرّب معك متطوع أو متطوعة على اللغة الألمانية.', 'تلتقيان مرة في الأسبوع، مثلًا في المكتبة أو في مقهى. ويمكن للمتطوع أيضًا المساعدة في الرسائل والمواعيد.'],
      fa: ['همراه زبانی داوطلب', 'یک داوطلب با شما آلمانی تمرین می‌کند.', 'هفته‌ای یک بار همدیگر را می‌بینید، مثلاً در کتابخانه یا کافه. همراه زبانی در نامه‌ها و وقت‌های اداری هم کمک می‌کند.'],
      uk: ['Мовне наставництво', 'Волонтер-наставник практикує з вами німецьку.', 'Ви зустрічаєтеся раз на тиждень, наприклад у бібліотеці чи кафе. Наставник також допомагає з листами та візитами до установ.'],
      ru: ['Языковое наставничество', 'Волонтёр-наставник практикует с вами немецкий.', 'Вы встречаетесь раз в неделю, например в библиотеке или кафе. Наставник также помогает с письмами и визитами в учреждения.'],
      tr: ['Dil mentorluğu', 'Gönüllü bir mentor sizinle Almanca pratik yapar.', 'Haftada bir kez, örneğin kütüphanede veya bir kafede buluşursunuz. Mentorunuz mektuplar ve randevular konusunda da yardımcı olur.'],
      ro: ['Mentorat lingvistic', 'Un mentor voluntar exersează germana cu dumneavoastră.', 'Vă întâlniți o dată pe săptămână, de exemplu la bibliotecă sau la o cafenea. Mentorul vă ajută și cu scrisori și programări.'],
      bg: ['Езиково наставничество', 'Доброволец наставник упражнява немски с вас.', 'Срещате се веднъж седмично, например в библиотеката или в кафене. Наставникът помага и с писма и посещения в институции.'],
    },
  },
  {
    key: 'hausaufgabenhilfe', fields: ['education', 'family'], groups: ['young_people', 'parents', 'refugees'], langs: ['de', 'ar', 'tr'], costs: 'free', req: 'none', reg: 'contact',
    t: {
      de: ['Hausaufgabenhilfe', 'Unterstützung bei Hausaufgaben für Schulkinder.', 'Ehrenamtliche und Studierende helfen nach der Schule bei Hausaufgaben und beim Lernen für Klassenarbeiten. Ein kleiner Snack ist inklusive.'],
      en: ['Homework help', 'Homework support for school children.', 'Volunteers and students help after school with homework and preparing for tests. A small snack is included.'],
      ar: ['المساعدة في الواجبات المدرسية', 'دعم تلاميذ المدارس في واجباتهم المنزلية.', 'يساعد متطوعون وطلاب جامعيون بعد المدرسة في الواجبات والاستعداد للاختبارات. وتُقدَّم وجبة خفيفة.'],
      fa: ['کمک در تکالیف مدرسه', 'پشتیبانی از دانش‌آموزان در انجام تکالیف.', 'داوطلبان و دانشجویان بعد از مدرسه در انجام تکالیف و آمادگی برای امتحان کمک می‌کنند. یک میان‌وعدهٔ کوچک هم داده می‌شود.'],
      uk: ['Допомога з домашніми завданнями', 'Підтримка школярів із домашніми завданнями.', 'Волонтери та студенти після уроків допомагають з домашніми завданнями й підготовкою до контрольних. Невеликий перекус включено.'],
      ru: ['Помощь с домашними заданиями', 'Поддержка школьников в выполнении домашних заданий.', 'Волонтёры и студенты после уроков помогают с домашними заданиями и подготовкой к контрольным. Небольшой перекус включён.'],
      tr: ['Ödev yardımı', 'Okul çocukları için ödev desteği.', 'Gönüllüler ve üniversite öğrencileri okuldan sonra ödevlere ve sınavlara hazırlığa yardım eder. Küçük bir atıştırmalık da verilir.'],
      ro: ['Ajutor la teme', 'Sprijin la teme pentru elevi.', 'Voluntari și studenți ajută după școală la teme și la pregătirea lucrărilor. Este inclusă și o mică gustare.'],
      bg: ['Помощ с домашните', 'Подкрепа за ученици при домашните задачи.', 'Доброволци и студенти помагат след училище с домашните и подготовката за контролни. Включена е и малка закуска.'],
    },
  },
  {
    key: 'schulberatung', fields: ['education', 'family'], groups: ['parents', 'family_reunion', 'eu_newcomers'], langs: ['de', 'ar', 'tr', 'ro', 'bg'], costs: 'free', req: 'parents', reg: 'appointment',
    t: {
      de: ['Elternberatung zum Schulsystem', 'Wie funktioniert Schule in Deutschland? Wir erklären es Ihnen.', 'Wir informieren über Schulanmeldung, Schulformen, Zeugnisse und Übergänge. Bei Bedarf begleiten wir Sie zum Gespräch mit der Schule.'],
      en: ['Advice for parents on the school system', 'How does school work in Germany? We explain it to you.', 'We inform you about school registration, types of school, reports and transitions. If needed, we accompany you to meetings with the school.'],
      ar: ['استشارة الأهالي حول النظام المدرسي', 'كيف يعمل النظام المدرسي في ألمانيا؟ نشرح لك ذلك.', 'نقدّم معلومات عن تسجيل الأطفال في المدرسة وأنواع المدارس والشهادات والانتقال بين المراحل. وعند الحاجة نرافقك إلى اللقاء مع المدرسة.'],
      fa: ['مشاورهٔ والدین دربارهٔ نظام مدرسه', 'مدرسه در آلمان چگونه کار می‌کند؟ برایتان توضیح می‌دهیم.', 'دربارهٔ ثبت‌نام در مدرسه، انواع مدرسه، کارنامه‌ها و انتقال بین مقاطع اطلاعات می‌دهیم. در صورت نیاز شما را در گفت‌وگو با مدرسه همراهی می‌کنیم.'],
      uk: ['Консультація для батьків про шкільну систему', 'Як працює школа в Німеччині? Ми пояснимо.', 'Ми розповідаємо про запис до школи, типи шкіл, табелі та переходи між ступенями. За потреби супроводжуємо вас на розмову зі школою.'],
      ru: ['Консультация для родителей о школьной системе', 'Как устроена школа в Германии? Мы объясним.', 'Мы рассказываем о записи в школу, типах школ, табелях и переходах между ступенями. При необходимости сопровождаем вас на встречу со школой.'],
      tr: ['Okul sistemi hakkında veli danışmanlığı', 'Almanya’da okul nasıl işler? Size anlatıyoruz.', 'Okul kaydı, okul türleri, karneler ve kademe geçişleri hakkında bilgi veriyoruz. Gerekirse okulla görüşmenize eşlik ediyoruz.'],
      ro: ['Consiliere pentru părinți despre școală', 'Cum funcționează școala în Germania? Vă explicăm.', 'Vă informăm despre înscrierea la școală, tipurile de școli, carnetele de note și trecerea între cicluri. La nevoie, vă însoțim la discuția cu școala.'],
      bg: ['Консултация за родители за училището', 'Как работи училището в Германия? Ще ви обясним.', 'Информираме за записването в училище, видовете училища, бележниците и преминаването между степените. При нужда ви придружаваме на разговор с училището.'],
    },
  },
  {
    key: 'hochschulberatung', fields: ['education', 'counselling'], groups: ['students'], langs: ['de', 'en'], costs: 'free', req: 'students', reg: 'appointment',
    t: {
      de: ['Beratung für internationale Studierende', 'Hilfe rund um Studium, Visum, Finanzierung und Alltag.', 'Das Team berät zu Studienorganisation, Krankenversicherung, Nebenjobs und Aufenthalt. Regelmäßige Infoveranstaltungen erleichtern den Start ins Semester.'],
      en: ['Advice for international students', 'Help with studies, visas, funding and everyday life.', 'The team advises on organising your studies, health insurance, part-time jobs and residence. Regular information events make starting the semester easier.'],
      ar: ['استشارة للطلاب الدوليين', 'مساعدة في الدراسة والتأشيرة والتمويل والحياة اليومية.', 'يقدّم الفريق المشورة حول تنظيم الدراسة والتأمين الصحي والعمل الجانبي والإقامة. وتسهّل اللقاءات الإعلامية المنتظمة بداية الفصل الدراسي.'],
      fa: ['مشاوره برای دانشجویان بین‌المللی', 'کمک در زمینهٔ تحصیل، ویزا، تأمین مالی و زندگی روزمره.', 'تیم مشاوره دربارهٔ برنامه‌ریزی تحصیلی، بیمهٔ درمانی، کار دانشجویی و اقامت راهنمایی می‌کند. جلسات اطلاع‌رسانی منظم شروع ترم را آسان‌تر می‌کند.'],
      uk: ['Консультації для іноземних студентів', 'Допомога з навчанням, візою, фінансуванням і побутом.', 'Команда консультує щодо організації навчання, медичного страхування, підробітку та перебування. Регулярні інформаційні зустрічі полегшують початок семестру.'],
      ru: ['Консультации для иностранных студентов', 'Помощь с учёбой, визой, финансированием и бытом.', 'Команда консультирует по организации учёбы, медицинской страховке, подработке и пребыванию. Регулярные информационные встречи облегчают начало семестра.'],
      tr: ['Uluslararası öğrenciler için danışmanlık', 'Eğitim, vize, finansman ve günlük yaşamla ilgili yardım.', 'Ekip ders planlaması, sağlık sigortası, yan işler ve oturum konularında danışmanlık yapar. Düzenli bilgilendirme etkinlikleri döneme başlamayı kolaylaştırır.'],
      ro: ['Consiliere pentru studenți internaționali', 'Ajutor privind studiile, viza, finanțarea și viața de zi cu zi.', 'Echipa oferă consiliere despre organizarea studiilor, asigurarea de sănătate, joburile part-time și șederea. Sesiunile de informare regulate ușurează începutul semestrului.'],
      bg: ['Консултации за международни студенти', 'Помощ за следването, визата, финансирането и ежедневието.', 'Екипът консултира за организацията на следването, здравната осигуровка, почасовата работа и пребиваването. Редовни информационни срещи улесняват началото на семестъра.'],
    },
  },
  {
    key: 'schulabschluss', fields: ['education', 'work'], groups: ['young_people', 'refugees'], langs: ['de'], costs: 'free', req: 'young', reg: 'contact',
    t: {
      de: ['Hauptschulabschluss nachholen', 'In einem Jahr zum ersten Schulabschluss.', 'Der Kurs vermittelt Deutsch, Mathematik und Englisch und endet mit einer Prüfung. Sozialpädagoginnen unterstützen bei Fragen zu Ausbildung und Alltag.'],
      en: ['Catch up on a school-leaving certificate', 'Get your first school certificate in one year.', 'The course teaches German, maths and English and ends with an exam. Social workers support you with questions about training and everyday life.'],
      ar: ['الحصول على شهادة المدرسة الأساسية', 'احصل على أول شهادة مدرسية خلال عام واحد.', 'تُدرَّس في الدورة الألمانية والرياضيات والإنجليزية وتنتهي بامتحان. ويدعمك أخصائيون اجتماعيون في أسئلة التدريب المهني والحياة اليومية.'],
      fa: ['اخذ مدرک پایان دورهٔ متوسطهٔ اول', 'در یک سال اولین مدرک مدرسه را بگیرید.', 'در این دوره آلمانی، ریاضی و انگلیسی آموزش داده می‌شود و با یک امتحان پایان می‌یابد. مددکاران اجتماعی در پرسش‌های مربوط به آموزش حرفه‌ای و زندگی روزمره کمک می‌کنند.'],
      uk: ['Здобуття шкільного атестата', 'Перший шкільний атестат за один рік.', 'На курсі вивчають німецьку, математику й англійську, наприкінці складають іспит. Соціальні педагоги допомагають з питаннями про профнавчання та побут.'],
      ru: ['Получение школьного аттестата', 'Первый школьный аттестат за один год.', 'На курсе изучают немецкий, математику и английский, в конце сдают экзамен. Социальные педагоги помогают с вопросами о профобучении и быте.'],
      tr: ['Ortaokul diploması tamamlama', 'Bir yılda ilk okul diplomanızı alın.', 'Kursta Almanca, matematik ve İngilizce öğretilir ve kurs bir sınavla sona erer. Sosyal pedagoglar meslek eğitimi ve günlük yaşamla ilgili sorularda destek olur.'],
      ro: ['Recuperarea diplomei de absolvire', 'Primul certificat școlar în doar un an.', 'Cursul predă germană, matematică și engleză și se încheie cu un examen. Asistenții sociali vă sprijină cu întrebări despre formare și viața de zi cu zi.'],
      bg: ['Завършване на основно образование', 'Първа диплома за училищно образование за една година.', 'Курсът обхваща немски, математика и английски и завършва с изпит. Социални педагози помагат с въпроси за професионалното обучение и ежедневието.'],
    },
  },
  {
    key: 'computerkurs', fields: ['education', 'participation'], groups: ['seniors', 'women', 'refugees'], langs: ['de', 'ar', 'fa'], costs: 'fee', req: 'none', reg: 'contact',
    t: {
      de: ['Computer und Smartphone für Einsteiger', 'Digitale Grundlagen Schritt für Schritt lernen.', 'Sie lernen E-Mails schreiben, Online-Formulare ausfüllen und sicher im Internet surfen. Geräte können ausgeliehen werden.'],
      en: ['Computers and smartphones for beginners', 'Learn digital basics step by step.', 'You learn to write emails, fill in online forms and browse the internet safely. Devices can be borrowed.'],
      ar: ['الحاسوب والهاتف الذكي للمبتدئين', 'تعلّم أساسيات التقنية الرقمية خطوة بخطوة.', 'تتعلم كتابة الرسائل الإلكترونية وتعبئة النماذج الإلكترونية وتصفح الإنترنت بأمان. ويمكن استعارة الأجهزة.'],
      fa: ['رایانه و گوشی هوشمند برای مبتدیان', 'مبانی دیجیتال را گام‌به‌گام بیاموزید.', 'نوشتن ایمیل، پر کردن فرم‌های آنلاین و استفادهٔ امن از اینترنت را یاد می‌گیرید. امکان امانت گرفتن دستگاه وجود دارد.'],
      uk: ['Комп’ютер і смартфон для початківців', 'Цифрові основи крок за кроком.', 'Ви навчитеся писати електронні листи, заповнювати онлайн-форми та безпечно користуватися інтернетом. Пристрої можна взяти напрокат.'],
      ru: ['Компьютер и смартфон для начинающих', 'Цифровые основы шаг за шагом.', 'Вы научитесь писать электронные письма, заполнять онлайн-формы и безопасно пользоваться интернетом. Устройства можно взять на время.'],
      tr: ['Yeni başlayanlara bilgisayar ve akıllı telefon', 'Dijital temel bilgileri adım adım öğrenin.', 'E-posta yazmayı, çevrimiçi formları doldurmayı ve internette güvenle gezinmeyi öğrenirsiniz. Cihaz ödünç alınabilir.'],
      ro: ['Calculator și smartphone pentru începători', 'Noțiuni digitale de bază, pas cu pas.', 'Învățați să scrieți e-mailuri, să completați formulare online și să navigați în siguranță pe internet. Dispozitivele pot fi împrumutate.'],
      bg: ['Компютър и смартфон за начинаещи', 'Дигитални основи стъпка по стъпка.', 'Ще се научите да пишете имейли, да попълвате онлайн формуляри и да сърфирате безопасно. Устройства могат да бъдат заети.'],
    },
  },
  {
    key: 'bewerbungstraining', fields: ['work'], groups: ['labour_migrants', 'refugees', 'young_people', 'eu_newcomers'], langs: ['de', 'en', 'ar'], costs: 'free', req: 'none', reg: 'contact',
    t: {
      de: ['Bewerbungstraining', 'Lebenslauf, Anschreiben und Vorstellungsgespräch üben.', 'Gemeinsam erstellen Sie Ihre Bewerbungsunterlagen und üben Vorstellungsgespräche. Sie lernen außerdem, wie Sie online nach Stellen suchen.'],
      en: ['Job application training', 'Practise your CV, cover letter and job interview.', 'Together we prepare your application documents and practise interviews. You also learn how to search for jobs online.'],
      ar: ['تدريب على طلبات التوظيف', 'تدرّب على السيرة الذاتية ورسالة التقديم ومقابلة العمل.', 'نُعدّ معًا ملف طلب التوظيف ونتدرّب على المقابلات. وتتعلم أيضًا كيفية البحث عن الوظائف عبر الإنترنت.'],
      fa: ['آموزش درخواست کار', 'رزومه، نامهٔ درخواست و مصاحبهٔ کاری را تمرین کنید.', 'با هم مدارک درخواست کار شما را آماده می‌کنیم و مصاحبه را تمرین می‌کنیم. همچنین یاد می‌گیرید چگونه آنلاین دنبال کار بگردید.'],
      uk: ['Тренінг з пошуку роботи', 'Резюме, супровідний лист і співбесіда на практиці.', 'Разом ми готуємо ваші документи для подання та тренуємо співбесіди. Ви також дізнаєтеся, як шукати вакансії онлайн.'],
      ru: ['Тренинг по трудоустройству', 'Резюме, сопроводительное письмо и собеседование на практике.', 'Вместе мы готовим ваши документы для отклика и тренируем собеседования. Вы также узнаете, как искать вакансии онлайн.'],
      tr: ['İş başvurusu eğitimi', 'Özgeçmiş, ön yazı ve iş görüşmesi pratiği.', 'Başvuru belgelerinizi birlikte hazırlıyor ve iş görüşmesi çalışıyoruz. Ayrıca internette nasıl iş arayacağınızı öğrenirsiniz.'],
      ro: ['Training pentru candidaturi', 'Exersați CV-ul, scrisoarea de intenție și interviul.', 'Pregătim împreună dosarul de candidatură și exersăm interviurile. Învățați și cum să căutați locuri de muncă online.'],
      bg: ['Обучение за кандидатстване за работа', 'Упражнете автобиография, мотивационно писмо и интервю.', 'Заедно подготвяме документите ви за кандидатстване и упражняваме интервюта. Научавате и как да търсите работа онлайн.'],
    },
  },
  {
    key: 'anerkennungsberatung', fields: ['work', 'counselling'], groups: ['skilled_workers', 'refugees', 'students'], langs: ['de', 'en', 'ru', 'uk'], costs: 'free', req: 'certificates', reg: 'appointment',
    t: {
      de: ['Anerkennungsberatung', 'Beratung zur Anerkennung ausländischer Berufs- und Studienabschlüsse.', 'Wir prüfen, welche Stelle für Ihren Abschluss zuständig ist und welche Unterlagen Sie brauchen. Auch Anpassungsqualifizierungen und Fördermöglichkeiten sind Thema.'],
      en: ['Recognition counselling', 'Advice on recognising foreign vocational and academic qualifications.', 'We check which authority is responsible for your qualification and which documents you need. Bridging courses and funding options are also covered.'],
      ar: ['استشارة معادلة الشهادات', 'استشارة حول الاعتراف بالشهادات المهنية والجامعية الأجنبية.', 'نتحقق من الجهة المختصة بشهادتك ومن الوثائق التي تحتاجها. كما نتناول دورات التأهيل التكميلي وإمكانيات التمويل.'],
      fa: ['مشاورهٔ ارزشیابی مدارک', 'مشاوره برای به رسمیت شناختن مدارک حرفه‌ای و دانشگاهی خارجی.', 'بررسی می‌کنیم کدام نهاد مسئول مدرک شماست و چه مدارکی لازم دارید. دوره‌های تکمیلی و امکانات حمایت مالی هم بررسی می‌شوند.'],
      uk: ['Консультації з визнання кваліфікацій', 'Консультації щодо визнання іноземних професійних і вишівських дипломів.', 'Ми з’ясовуємо, яка установа відповідає за ваш диплом і які документи потрібні. Також говоримо про курси адаптації та можливості фінансування.'],
      ru: ['Консультации по признанию дипломов', 'Консультации по признанию иностранных профессиональных и вузовских дипломов.', 'Мы выясняем, какое ведомство отвечает за ваш диплом и какие документы нужны. Также обсуждаем курсы доквалификации и возможности финансирования.'],
      tr: ['Diploma denkliği danışmanlığı', 'Yurt dışı meslek ve üniversite diplomalarının tanınması hakkında danışmanlık.', 'Diplomanızdan hangi kurumun sorumlu olduğunu ve hangi belgelere ihtiyacınız olduğunu inceleriz. Uyum eğitimleri ve destek imkânları da ele alınır.'],
      ro: ['Consiliere pentru recunoașterea diplomelor', 'Consiliere privind recunoașterea diplomelor profesionale și universitare străine.', 'Verificăm ce autoritate este competentă pentru diploma dumneavoastră și ce documente sunt necesare. Discutăm și despre cursuri de adaptare și posibilități de finanțare.'],
      bg: ['Консултации за признаване на дипломи', 'Консултации за признаване на чуждестранни професионални и университетски дипломи.', 'Проверяваме коя институция отговаря за вашата диплома и какви документи са нужни. Обсъждаме и адаптационни курсове и възможности за финансиране.'],
    },
  },
  {
    key: 'jobcafe', fields: ['work', 'participation'], groups: ['labour_migrants', 'eu_newcomers', 'refugees'], langs: ['de', 'ro', 'bg'], costs: 'free', req: 'none', reg: 'none',
    t: {
      de: ['Job-Café', 'Offener Treff für Fragen rund um Arbeit und Stellensuche.', 'Bei Kaffee beantworten Jobcoaches Fragen zu Stellenangeboten, Arbeitsverträgen und Minijobs. Regionale Betriebe stellen sich regelmäßig vor.'],
      en: ['Job café', 'Drop-in meeting for questions about work and job hunting.', 'Over coffee, job coaches answer questions about vacancies, employment contracts and mini-jobs. Local companies introduce themselves regularly.'],
      ar: ['مقهى العمل', 'لقاء مفتوح للأسئلة حول العمل والبحث عن وظيفة.', 'يجيب مدربو التوظيف مع فنجان قهوة عن أسئلة الوظائف الشاغرة وعقود العمل والوظائف الصغيرة. وتعرّف الشركات المحلية بنفسها بانتظام.'],
      fa: ['کافه کاریابی', 'دیدار آزاد برای پرسش‌های مربوط به کار و کاریابی.', 'مربیان شغلی در کنار یک فنجان قهوه به پرسش‌ها دربارهٔ آگهی‌های شغلی، قرارداد کار و مینی‌جاب پاسخ می‌دهند. شرکت‌های محلی به‌طور منظم خود را معرفی می‌کنند.'],
      uk: ['Джоб-кафе', 'Відкриті зустрічі з питань роботи та пошуку вакансій.', 'За кавою коучі з працевлаштування відповідають на питання про вакансії, трудові договори й мініджоби. Місцеві підприємства регулярно себе презентують.'],
      ru: ['Джоб-кафе', 'Открытые встречи по вопросам работы и поиска вакансий.', 'За чашкой кофе коучи по трудоустройству отвечают на вопросы о вакансиях, трудовых договорах и мини-работе. Местные предприятия регулярно представляют себя.'],
      tr: ['İş kafesi', 'İş ve iş arama konusundaki sorular için açık buluşma.', 'İş koçları kahve eşliğinde iş ilanları, iş sözleşmeleri ve mini işler hakkındaki soruları yanıtlar. Bölgedeki işletmeler düzenli olarak kendilerini tanıtır.'],
      ro: ['Cafenea pentru locuri de muncă', 'Întâlnire deschisă pentru întrebări despre muncă și căutarea unui job.', 'La o cafea, consilierii răspund la întrebări despre anunțuri, contracte de muncă și minijoburi. Firmele din regiune se prezintă regulat.'],
      bg: ['Кафе за работа', 'Отворена среща за въпроси за работа и търсене на работа.', 'На чаша кафе консултанти отговарят на въпроси за свободни места, трудови договори и мини работа. Местни фирми редовно се представят.'],
    },
  },
];
