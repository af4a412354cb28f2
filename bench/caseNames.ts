/**
 * Fictional but realistic persons for the case-management benchmark (bench/cases.ts): names of the
 * countries people in German integration management come from, in Latin transliteration and — where
 * the person writes them so — in the original script (Arabic, Persian, Cyrillic, Ge'ez, Georgian),
 * German spellings of transliterations, birth dates, nationalities, languages and residence titles.
 * Deterministic (seeded), so every seeding builds the same data set.
 */
import type { OtherName } from '../src/domains/cases/case.table.ts';

/** [Latin, original script] — original '' when the name is written in Latin letters. */
type Name = readonly [string, string];

interface Origin {
  nationality: string;
  weight: number;
  /** ISO 15924 code of the original script ('' for Latin) */
  script: '' | 'Arab' | 'Cyrl' | 'Ethi' | 'Geor';
  /** share of persons recorded with their name in the original script as the main name */
  originalMain: number;
  female: readonly Name[];
  male: readonly Name[];
  family: readonly Name[];
  /** family names with a female form (Russian, Bulgarian: -ov → -ova) */
  femaleFamily?: (latin: string, original: string) => Name;
  /** a second given name (father's name for Arabic names) */
  secondGiven?: number;
  languages: readonly string[];
  residence: readonly string[];
}

const arabicFemale: Name[] = [
  ['Fatima', 'فاطمة'], ['Amal', 'أمل'], ['Rana', 'رنا'], ['Lina', 'لينا'], ['Aisha', 'عائشة'], ['Mariam', 'مريم'], ['Nour', 'نور'],
  ['Huda', 'هدى'], ['Layla', 'ليلى'], ['Zainab', 'زينب'], ['Salma', 'سلمى'], ['Reem', 'ريم'], ['Rasha', 'رشا'], ['Hiba', 'هبة'],
  ['Dima', 'ديما'], ['Yasmin', 'ياسمين'], ['Ghada', 'غادة'], ['Nadia', 'نادية'], ['Samira', 'سميرة'], ['Bushra', 'بشرى'],
];
const arabicMale: Name[] = [
  ['Mohammed', 'محمد'], ['Ahmad', 'أحمد'], ['Yusuf', 'يوسف'], ['Omar', 'عمر'], ['Khaled', 'خالد'], ['Hassan', 'حسن'], ['Samir', 'سمير'],
  ['Rami', 'رامي'], ['Ali', 'علي'], ['Karim', 'كريم'], ['Ibrahim', 'إبراهيم'], ['Tarek', 'طارق'], ['Mahmoud', 'محمود'], ['Bilal', 'بلال'],
  ['Mustafa', 'مصطفى'], ['Anas', 'أنس'], ['Jamal', 'جمال'], ['Walid', 'وليد'], ['Fadi', 'فادي'], ['Hamza', 'حمزة'], ['Abdulrahman', 'عبد الرحمن'],
];
const arabicFamily: Name[] = [
  ['Al-Hassan', 'الحسن'], ['Haddad', 'حداد'], ['Khalil', 'خليل'], ['Al-Ahmad', 'الأحمد'], ['Darwish', 'درويش'], ['Hamdan', 'حمدان'],
  ['Mansour', 'منصور'], ['Saleh', 'صالح'], ['Nasser', 'ناصر'], ['Al-Khatib', 'الخطيب'], ['Othman', 'عثمان'], ['Youssef', 'يوسف'],
  ['Kassem', 'قاسم'], ['Sabbagh', 'صباغ'], ['Jaber', 'جابر'], ['Abdullah', 'عبدالله'], ['Al-Masri', 'المصري'], ['Barakat', 'بركات'],
  ['Shami', 'شامي'], ['Hijazi', 'حجازي'], ['Al-Obaidi', 'العبيدي'], ['Al-Jubouri', 'الجبوري'], ['Suleiman', 'سليمان'], ['Aziz', 'عزيز'],
  ['Al-Sayed', 'السيد'], ['Bakr', 'بكر'], ['Halabi', 'حلبي'], ['Zidan', 'زيدان'], ['Qasim', 'قاسم'], ['Rashid', 'رشيد'],
];
const persianFemale: Name[] = [
  ['Zahra', 'زهرا'], ['Maryam', 'مریم'], ['Shirin', 'شیرین'], ['Fereshta', 'فرشته'], ['Nargis', 'نرگس'], ['Parisa', 'پریسا'], ['Sima', 'سیما'],
  ['Mahtab', 'مهتاب'], ['Soraya', 'ثریا'], ['Laila', 'لیلا'], ['Fatemeh', 'فاطمه'], ['Roya', 'رویا'], ['Mursal', 'مرسل'], ['Hosai', 'هوسۍ'],
];
const persianMale: Name[] = [
  ['Ahmad', 'احمد'], ['Mohammad', 'محمد'], ['Farid', 'فرید'], ['Ali', 'علی'], ['Hamid', 'حمید'], ['Reza', 'رضا'], ['Sadiq', 'صادق'],
  ['Mahmood', 'محمود'], ['Jawad', 'جواد'], ['Mustafa', 'مصطفی'], ['Hamidullah', 'حمیدالله'], ['Ramin', 'رامین'], ['Sohrab', 'سهراب'],
  ['Navid', 'نوید'], ['Khalid', 'خالد'], ['Wahid', 'وحید'], ['Bashir', 'بشیر'], ['Nasir', 'ناصر'],
];
const persianFamily: Name[] = [
  ['Ahmadi', 'احمدی'], ['Rahimi', 'رحیمی'], ['Hosseini', 'حسینی'], ['Karimi', 'کریمی'], ['Mohammadi', 'محمدی'], ['Nazari', 'نظری'],
  ['Sultani', 'سلطانی'], ['Rezai', 'رضایی'], ['Hakimi', 'حکیمی'], ['Jafari', 'جعفری'], ['Sharifi', 'شریفی'], ['Amiri', 'امیری'],
  ['Haidari', 'حیدری'], ['Noori', 'نوری'], ['Sadat', 'سادات'], ['Popal', 'پوپل'], ['Stanikzai', 'ستانکزی'], ['Wardak', 'وردک'],
  ['Azizi', 'عزیزی'], ['Rasuli', 'رسولی'],
];
const ukrainianFemale: Name[] = [
  ['Olena', 'Олена'], ['Iryna', 'Ірина'], ['Tetiana', 'Тетяна'], ['Nataliia', 'Наталія'], ['Yuliia', 'Юлія'], ['Oksana', 'Оксана'],
  ['Kateryna', 'Катерина'], ['Svitlana', 'Світлана'], ['Halyna', 'Галина'], ['Liudmyla', 'Людмила'], ['Anastasiia', 'Анастасія'],
  ['Viktoriia', 'Вікторія'], ['Daryna', 'Дарина'], ['Sofiia', 'Софія'], ['Mariia', 'Марія'], ['Valentyna', 'Валентина'],
];
const ukrainianMale: Name[] = [
  ['Oleksandr', 'Олександр'], ['Andrii', 'Андрій'], ['Serhii', 'Сергій'], ['Dmytro', 'Дмитро'], ['Mykola', 'Микола'], ['Viktor', 'Віктор'],
  ['Volodymyr', 'Володимир'], ['Maksym', 'Максим'], ['Yurii', 'Юрій'], ['Oleh', 'Олег'], ['Bohdan', 'Богдан'], ['Taras', 'Тарас'],
  ['Vasyl', 'Василь'], ['Ihor', 'Ігор'],
];
const ukrainianFamily: Name[] = [
  ['Kovalenko', 'Коваленко'], ['Shevchenko', 'Шевченко'], ['Bondarenko', 'Бондаренко'], ['Tkachenko', 'Ткаченко'], ['Kravchenko', 'Кравченко'],
  ['Melnyk', 'Мельник'], ['Oliinyk', 'Олійник'], ['Shevchuk', 'Шевчук'], ['Polishchuk', 'Поліщук'], ['Lysenko', 'Лисенко'],
  ['Marchenko', 'Марченко'], ['Rudenko', 'Руденко'], ['Savchenko', 'Савченко'], ['Moroz', 'Мороз'], ['Petrenko', 'Петренко'],
  ['Boiko', 'Бойко'], ['Kovalchuk', 'Ковальчук'], ['Tkachuk', 'Ткачук'], ['Hrytsenko', 'Гриценко'], ['Zinchenko', 'Зінченко'],
  ['Pavlenko', 'Павленко'], ['Karpenko', 'Карпенко'], ['Ponomarenko', 'Пономаренко'], ['Yakovenko', 'Яковенко'],
];
const russianFemale: Name[] = [['Elena', 'Елена'], ['Olga', 'Ольга'], ['Anna', 'Анна'], ['Natalia', 'Наталья'], ['Irina', 'Ирина'], ['Svetlana', 'Светлана'], ['Yekaterina', 'Екатерина']];
const russianMale: Name[] = [['Ivan', 'Иван'], ['Sergei', 'Сергей'], ['Dmitri', 'Дмитрий'], ['Alexei', 'Алексей'], ['Mikhail', 'Михаил'], ['Nikolai', 'Николай'], ['Andrei', 'Андрей']];
const russianFamily: Name[] = [['Petrov', 'Петров'], ['Sokolov', 'Соколов'], ['Popov', 'Попов'], ['Volkov', 'Волков'], ['Kuznetsov', 'Кузнецов'], ['Morozov', 'Морозов'], ['Lebedev', 'Лебедев'], ['Novikov', 'Новиков']];
const bulgarianFemale: Name[] = [['Maria', 'Мария'], ['Elena', 'Елена'], ['Petya', 'Петя'], ['Desislava', 'Десислава'], ['Ivanka', 'Иванка'], ['Gergana', 'Гергана']];
const bulgarianMale: Name[] = [['Georgi', 'Георги'], ['Ivan', 'Иван'], ['Dimitar', 'Димитър'], ['Nikolai', 'Николай'], ['Stoyan', 'Стоян'], ['Hristo', 'Христо']];
const bulgarianFamily: Name[] = [['Dimitrov', 'Димитров'], ['Georgiev', 'Георгиев'], ['Ivanov', 'Иванов'], ['Petrov', 'Петров'], ['Nikolov', 'Николов'], ['Stoyanov', 'Стоянов'], ['Asenov', 'Асенов']];
const eritreanFemale: Name[] = [['Semhar', 'ሰምሃር'], ['Helen', 'ሄለን'], ['Saba', 'ሳባ'], ['Mebrat', 'መብራት'], ['Selam', 'ሰላም'], ['Luwam', 'ሉዋም'], ['Senait', 'ሰናይት'], ['Yordanos', 'ዮርዳኖስ']];
const eritreanMale: Name[] = [['Yonas', 'ዮናስ'], ['Tesfay', 'ተስፋይ'], ['Dawit', 'ዳዊት'], ['Filmon', 'ፊልሞን'], ['Robel', 'ሮቤል'], ['Abraham', 'ኣብርሃም'], ['Merhawi', 'መርሃዊ'], ['Samuel', 'ሳሙኤል']];
const eritreanFamily: Name[] = [
  ['Tesfamariam', 'ተስፋማርያም'], ['Gebremedhin', 'ገብረመድህን'], ['Haile', 'ሃይለ'], ['Tekle', 'ተክለ'], ['Woldemichael', 'ወልደሚካኤል'],
  ['Berhane', 'ብርሃነ'], ['Kidane', 'ኪዳነ'], ['Ghebreyesus', 'ገብረየሱስ'], ['Mehari', 'መሓሪ'], ['Andemariam', 'ኣንደማርያም'],
];
const georgianFemale: Name[] = [['Nino', 'ნინო'], ['Tamar', 'თამარ'], ['Mariam', 'მარიამ'], ['Ana', 'ანა'], ['Eka', 'ეკა']];
const georgianMale: Name[] = [['Giorgi', 'გიორგი'], ['Levan', 'ლევან'], ['Davit', 'დავით'], ['Irakli', 'ირაკლი'], ['Zurab', 'ზურაბ']];
const georgianFamily: Name[] = [['Beridze', 'ბერიძე'], ['Kapanadze', 'კაპანაძე'], ['Gelashvili', 'გელაშვილი'], ['Maisuradze', 'მაისურაძე'], ['Lomidze', 'ლომიძე'], ['Tsiklauri', 'წიკლაური']];
const latin = (...names: string[]): Name[] => names.map((n) => [n, ''] as const);

const femaleForm = (suffixLatin: string, suffixOriginal: string) => (l: string, o: string): Name => [`${l}${suffixLatin}`, `${o}${suffixOriginal}`];

const ORIGINS: Origin[] = [
  { nationality: 'SY', weight: 20, script: 'Arab', originalMain: 0.03, female: arabicFemale, male: arabicMale, family: arabicFamily, secondGiven: 0.35, languages: ['ar', 'ku', 'en'], residence: ['recognised_refugee', 'subsidiary_protection', 'asylum_seeker', 'settlement_permit'] },
  { nationality: 'UA', weight: 19, script: 'Cyrl', originalMain: 0.35, female: ukrainianFemale, male: ukrainianMale, family: ukrainianFamily, languages: ['uk', 'ru', 'en'], residence: ['temporary_protection', 'temporary_protection', 'residence_permit'] },
  { nationality: 'AF', weight: 12, script: 'Arab', originalMain: 0.02, female: persianFemale, male: persianMale, family: persianFamily, languages: ['prs', 'ps', 'fa', 'en'], residence: ['asylum_seeker', 'recognised_refugee', 'deportation_ban', 'toleration', 'residence_permit'] },
  { nationality: 'TR', weight: 8, script: '', originalMain: 0, female: latin('Ayşe', 'Emine', 'Zeynep', 'Elif', 'Fatma', 'Çağla', 'Şeyma', 'Gülşen', 'Berfin', 'Rojda', 'Hatice', 'Merve'), male: latin('Mehmet', 'Mustafa', 'Hüseyin', 'Ömer', 'Yusuf', 'İbrahim', 'Deniz', 'Serhat', 'Emre', 'Burak', 'Ahmet', 'Murat'), family: latin('Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kurt', 'Koç', 'Polat', 'Güneş'), languages: ['tr', 'ku', 'de'], residence: ['asylum_seeker', 'recognised_refugee', 'residence_permit', 'settlement_permit'] },
  { nationality: 'IQ', weight: 7, script: 'Arab', originalMain: 0.02, female: arabicFemale, male: arabicMale, family: arabicFamily, secondGiven: 0.45, languages: ['ar', 'ku', 'ckb'], residence: ['asylum_seeker', 'subsidiary_protection', 'toleration', 'recognised_refugee'] },
  { nationality: 'ER', weight: 4, script: 'Ethi', originalMain: 0.05, female: eritreanFemale, male: eritreanMale, family: eritreanFamily, languages: ['ti', 'ar', 'en'], residence: ['recognised_refugee', 'subsidiary_protection', 'asylum_seeker'] },
  { nationality: 'IR', weight: 4, script: 'Arab', originalMain: 0.03, female: persianFemale, male: persianMale, family: persianFamily, languages: ['fa', 'en'], residence: ['asylum_seeker', 'recognised_refugee', 'residence_permit'] },
  { nationality: 'RO', weight: 4, script: '', originalMain: 0, female: latin('Ioana', 'Elena', 'Maria', 'Gabriela', 'Cristina', 'Andreea', 'Mihaela', 'Alina'), male: latin('Andrei', 'Mihai', 'Alexandru', 'Ionuț', 'Ștefan', 'Florin', 'Marius', 'Cătălin'), family: latin('Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stoica', 'Stan', 'Gheorghe', 'Rusu', 'Munteanu', 'Matei', 'Constantin', 'Șerban'), languages: ['ro', 'en'], residence: ['eu_citizen'] },
  { nationality: 'BG', weight: 3, script: 'Cyrl', originalMain: 0.2, female: bulgarianFemale, male: bulgarianMale, family: bulgarianFamily, femaleFamily: femaleForm('a', 'а'), languages: ['bg', 'tr'], residence: ['eu_citizen'] },
  { nationality: 'NG', weight: 3, script: '', originalMain: 0, female: latin('Ngozi', 'Oluwaseun', 'Adaeze', 'Funmilayo', 'Blessing', 'Chiamaka', 'Ifeoma', 'Yetunde'), male: latin('Chinedu', 'Emeka', 'Tunde', 'Ifeanyi', 'Chukwuemeka', 'Babatunde', 'Olumide', 'Obinna'), family: latin('Okafor', 'Adeyemi', 'Okonkwo', 'Nwosu', 'Eze', 'Balogun', 'Okeke', 'Adebayo', 'Obi', 'Chukwu'), languages: ['en', 'fr'], residence: ['asylum_seeker', 'toleration', 'residence_permit'] },
  { nationality: 'SO', weight: 2, script: '', originalMain: 0, female: latin('Hodan', 'Amina', 'Khadra', 'Sahra', 'Faadumo', 'Hibaaq', 'Ifrah'), male: latin('Abdirahman', 'Mohamed', 'Abdullahi', 'Farah', 'Abdiwali', 'Cabdi', 'Liban'), family: latin('Warsame', 'Farah', 'Hussein', 'Jama', 'Osman', 'Abdi', 'Mohamud', 'Ali', 'Nur', 'Hirsi'), languages: ['so', 'ar', 'en'], residence: ['asylum_seeker', 'subsidiary_protection', 'recognised_refugee'] },
  { nationality: 'GE', weight: 2, script: 'Geor', originalMain: 0.1, female: georgianFemale, male: georgianMale, family: georgianFamily, languages: ['ru', 'en'], residence: ['asylum_seeker', 'visa', 'residence_permit'] },
  { nationality: 'RU', weight: 2, script: 'Cyrl', originalMain: 0.3, female: russianFemale, male: russianMale, family: russianFamily, femaleFamily: femaleForm('a', 'а'), languages: ['ru', 'en'], residence: ['asylum_seeker', 'residence_permit', 'settlement_permit'] },
  { nationality: 'XK', weight: 2, script: '', originalMain: 0, female: latin('Blerta', 'Fatime', 'Arta', 'Liridona', 'Drita', 'Vlora'), male: latin('Arben', 'Driton', 'Valon', 'Besnik', 'Fitim', 'Agron'), family: latin('Krasniqi', 'Gashi', 'Berisha', 'Morina', 'Hoxha', 'Shala', 'Bytyqi', 'Kelmendi'), languages: ['sq', 'sr', 'de'], residence: ['residence_permit', 'toleration', 'settlement_permit'] },
  { nationality: 'PL', weight: 2, script: '', originalMain: 0, female: latin('Agnieszka', 'Katarzyna', 'Małgorzata', 'Magdalena', 'Joanna', 'Anna'), male: latin('Piotr', 'Tomasz', 'Paweł', 'Łukasz', 'Krzysztof', 'Marcin'), family: latin('Nowak', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Dąbrowski'), languages: ['pl', 'de'], residence: ['eu_citizen'] },
  { nationality: 'VN', weight: 1, script: '', originalMain: 0, female: latin('Thị Lan', 'Thị Hương', 'Thu Trang', 'Ngọc Anh', 'Thị Mai'), male: latin('Văn Minh', 'Đức Anh', 'Quang Huy', 'Văn Nam', 'Minh Tuấn'), family: latin('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng'), languages: ['vi', 'en'], residence: ['residence_permit', 'settlement_permit', 'visa'] },
  { nationality: 'stateless', weight: 1, script: 'Arab', originalMain: 0.02, female: arabicFemale, male: arabicMale, family: arabicFamily, secondGiven: 0.3, languages: ['ar', 'ku'], residence: ['recognised_refugee', 'subsidiary_protection', 'toleration'] },
];

/**
 * German spellings of transliterated names as they appear in older German papers (Schewtschenko,
 * Jussuf, Mohamad …) — recorded as other names, so the duplicate check meets them.
 */
function germanSpelling(name: string): string {
  const out = name
    .replace(/^Yu/, 'Ju')
    .replace(/^Y/, 'J')
    .replace(/shch/g, 'schtsch')
    .replace(/ch/g, 'tsch')
    .replace(/sh/g, 'sch')
    .replace(/kh/g, 'ch')
    .replace(/zh/g, 'sch')
    .replace(/v/g, 'w')
    .replace(/ii$/, 'ij')
    .replace(/y/g, 'j')
    .replace(/ou/g, 'u')
    .replace(/Mohammed|Mohammad/, 'Mohamad');
  return out;
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const totalWeight = ORIGINS.reduce((s, o) => s + o.weight, 0);

function pickOrigin(random: Random): Origin {
  let r = random() * totalWeight;
  for (const o of ORIGINS) {
    r -= o.weight;
    if (r < 0) return o;
  }
  return ORIGINS[0]!;
}

export interface FakePerson {
  givenName: string;
  familyName: string;
  otherNames: OtherName[];
  gender: 'female' | 'male' | 'diverse' | 'unspecified';
  birthDate: string;
  nationalities: string[];
  languages: string[];
  preferredLanguage: string | null;
  residenceStatus: string;
  /** months from today until the residence title expires (null: none) */
  residenceMonths: number | null;
  accommodation: string;
  phone: string | null;
  email: string | null;
  street: string;
  postcode: string;
  town: string;
}

const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Goethestraße', 'Gartenweg', 'Lindenallee', 'Mühlweg', 'Am Markt', 'Friedrichstraße', 'Kirchgasse', 'Rosenstraße', 'Schulstraße'];
const ACCOMMODATION = ['reception_centre', 'shared_accommodation', 'shared_accommodation', 'own_flat', 'own_flat', 'own_flat', 'own_flat', 'with_relatives', 'homeless', 'other'];

/** Birth date for an age in years (plus a random day) relative to `today`. */
function birthDateFor(random: Random, today: string, minAge: number, maxAge: number): string {
  const t = Date.parse(`${today}T00:00:00Z`);
  const ageDays = Math.floor((minAge + random() * (maxAge - minAge)) * 365.25);
  return new Date(t - ageDays * 86_400_000).toISOString().slice(0, 10);
}

/** One person; `family` forces a family name (household members), `age` an age range. */
export function fakePerson(random: Random, today: string, options: { family?: { origin: Origin; name: Name }; age?: [number, number] } = {}): FakePerson & { origin: Origin; family: Name } {
  const origin = options.family?.origin ?? pickOrigin(random);
  const r = random();
  const gender = r < 0.49 ? 'female' : r < 0.995 ? 'male' : r < 0.998 ? 'diverse' : 'unspecified';
  const givenPool = gender === 'female' ? origin.female : gender === 'male' ? origin.male : random() < 0.5 ? origin.female : origin.male;
  let given = pick(random, givenPool);
  if (origin.secondGiven && random() < origin.secondGiven) {
    const father = pick(random, origin.male);
    given = [`${given[0]} ${father[0]}`, given[1] ? `${given[1]} ${father[1]}` : ''];
  }
  const family0 = options.family?.name ?? pick(random, origin.family);
  const family = gender === 'female' && origin.femaleFamily ? origin.femaleFamily(family0[0], family0[1]) : family0;
  const otherNames: OtherName[] = [];
  let givenName = given[0];
  let familyName = family[0];
  if (origin.script && given[1] && family[1]) {
    if (random() < origin.originalMain) {
      // recorded in the original script, the transliteration as another name
      givenName = given[1];
      familyName = family[1];
      otherNames.push({ givenName: given[0], familyName: family[0], script: 'Latn' });
    } else if (random() < 0.7) {
      otherNames.push({ givenName: given[1], familyName: family[1], script: origin.script });
    }
  }
  if (random() < 0.18) {
    const g = germanSpelling(given[0]);
    const f = germanSpelling(family[0]);
    if (g !== given[0] || f !== family[0]) otherNames.push({ givenName: g, familyName: f, script: 'Passport' });
  }
  const age = options.age ?? (() => {
    const a = random();
    return a < 0.34 ? ([18, 30] as [number, number]) : a < 0.7 ? ([30, 45] as [number, number]) : a < 0.92 ? ([45, 65] as [number, number]) : a < 0.97 ? ([16, 18] as [number, number]) : ([65, 80] as [number, number]);
  })();
  const nationalities = [origin.nationality];
  if (origin.nationality === 'SY' && random() < 0.05) nationalities.splice(0, 1, 'stateless');
  if (random() < 0.02) nationalities.push(pick(random, ['DE', 'TR', 'RU', 'IQ']));
  const languages = [origin.languages[0]!];
  for (const l of origin.languages.slice(1)) if (random() < 0.3) languages.push(l);
  if (random() < 0.45) languages.push('de');
  if (random() < 0.3 && !languages.includes('en')) languages.push('en');
  const residenceStatus = pick(random, origin.residence);
  const residenceMonths = ['eu_citizen', 'settlement_permit', 'german_citizen'].includes(residenceStatus) ? null : Math.floor(random() * 48) - 6;
  const hasPhone = random() < 0.85;
  const ascii = normalizeAscii(`${given[0].split(' ')[0]}.${family[0]}`);
  return {
    origin,
    family: family0,
    givenName,
    familyName,
    otherNames,
    gender,
    birthDate: birthDateFor(random, today, age[0], age[1]),
    nationalities,
    languages: [...new Set(languages)],
    preferredLanguage: random() < 0.8 ? origin.languages[0]! : null,
    residenceStatus,
    residenceMonths,
    accommodation: pick(random, ACCOMMODATION),
    phone: hasPhone ? `+49 15${Math.floor(random() * 10)} ${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null,
    email: random() < 0.35 ? `${ascii}${Math.floor(random() * 1000)}@example.org` : null,
    street: `${pick(random, STREETS)} ${1 + Math.floor(random() * 120)}`,
    postcode: `7${String(Math.floor(random() * 10000)).padStart(4, '0')}`,
    town: 'Lotsenhausen',
  };
}

function normalizeAscii(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/[^A-Za-z0-9.]+/g, '')
    .toLowerCase();
}

/** German staff names for the accounts. */
const STAFF_GIVEN = ['Sabine', 'Thomas', 'Julia', 'Michael', 'Anna', 'Stefan', 'Katrin', 'Markus', 'Laura', 'Daniel', 'Nadine', 'Jan', 'Sevgi', 'Ali', 'Olga', 'Leyla', 'Christian', 'Miriam', 'Tobias', 'Yasemin'];
const STAFF_FAMILY = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Yıldırım', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger'];
export function staffName(random: Random): string {
  return `${pick(random, STAFF_GIVEN)} ${pick(random, STAFF_FAMILY)}`;
}

/** Districts for the team names. */
export const DISTRICTS = [
  'Altstadt', 'Nordstadt', 'Südstadt', 'Weststadt', 'Oststadt', 'Bahnhofsviertel', 'Hafen', 'Neckarau', 'Lindenhof', 'Rheinau',
  'Waldhof', 'Gartenstadt', 'Schönau', 'Sandhofen', 'Käfertal', 'Vogelstang', 'Wallstadt', 'Feudenheim', 'Seckenheim', 'Friedrichsfeld',
  'Neuostheim', 'Almenhof', 'Niederfeld', 'Jungbusch', 'Luzenberg', 'Schwetzingerstadt', 'Oststadt-Süd', 'Herzogenried', 'Neckarstadt-West', 'Neckarstadt-Ost',
  'Blumenau', 'Scharhof', 'Kirschgartshausen', 'Hochstätt', 'Pfingstberg', 'Casterfeld', 'Rheinau-Süd', 'Wohlgelegen', 'Turley', 'Franklin',
  'Benjamin-Franklin', 'Taylor', 'Spinelli', 'Quadrate', 'Ring', 'Kepler', 'Mühlau', 'Strohmarkt', 'Glückstein', 'Schlossgarten',
];
