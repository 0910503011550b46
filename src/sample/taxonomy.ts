/**
 * The vocabulary of the synthetic cohort generator: departments and their skills, goals, offices
 * (time zone, city, local languages, name cultures) and first/last names. Weights are rough shares
 * of a mid-size technology company; they only need to look plausible.
 */

export interface DepartmentSpec {
  readonly name: string;
  readonly weight: number;
  readonly skills: readonly string[];
}

export const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: "Engineering",
    weight: 0.32,
    skills: ["TypeScript", "Python", "Go", "Java", "system design", "distributed systems", "cloud infrastructure", "Kubernetes", "application security", "testing", "code review", "mobile development"],
  },
  { name: "Product", weight: 0.09, skills: ["product strategy", "roadmapping", "prioritisation", "product analytics", "product discovery", "writing specs"] },
  { name: "Design", weight: 0.06, skills: ["user research", "interaction design", "visual design", "prototyping", "design systems", "accessibility"] },
  { name: "Data", weight: 0.09, skills: ["SQL", "statistics", "machine learning", "data visualisation", "data engineering", "experimentation"] },
  { name: "Sales", weight: 0.12, skills: ["enterprise sales", "deal negotiation", "account management", "pipeline management", "solution selling", "CRM"] },
  { name: "Marketing", weight: 0.08, skills: ["content marketing", "SEO", "brand strategy", "marketing analytics", "copywriting", "event management"] },
  { name: "Finance", weight: 0.06, skills: ["financial modelling", "budgeting", "accounting", "forecasting", "pricing", "spreadsheet modelling"] },
  { name: "People", weight: 0.05, skills: ["recruiting", "coaching", "compensation", "learning design", "employee relations"] },
  { name: "Operations", weight: 0.08, skills: ["project management", "process improvement", "vendor management", "supply chain", "business operations"] },
  { name: "Legal", weight: 0.05, skills: ["contract drafting", "privacy law", "compliance", "intellectual property", "risk assessment"] },
];

/** Skills anyone may teach or want, whatever their department. */
export const CROSS_SKILLS: readonly string[] = ["presentation skills", "people management", "business writing", "facilitation"];

/** Career stage a goal suits: 0 early career (levels 1–3), 1 mid (4–5), 2 senior (6–8). */
export type Stage = 0 | 1 | 2;

export interface GoalSpec {
  readonly name: string;
  readonly weight: number;
  readonly stage: Stage;
}

export const GOALS: readonly GoalSpec[] = [
  { name: "technical depth", weight: 3, stage: 0 },
  { name: "promotion readiness", weight: 3, stage: 1 },
  { name: "confidence building", weight: 2, stage: 0 },
  { name: "communication", weight: 2, stage: 0 },
  { name: "time management", weight: 1.5, stage: 0 },
  { name: "receiving feedback", weight: 1, stage: 0 },
  { name: "networking", weight: 1.5, stage: 0 },
  { name: "career change", weight: 1.5, stage: 0 },
  { name: "imposter syndrome", weight: 1, stage: 0 },
  { name: "work-life balance", weight: 1.5, stage: 1 },
  { name: "leadership", weight: 3, stage: 1 },
  { name: "first-time manager", weight: 2, stage: 1 },
  { name: "public speaking", weight: 2, stage: 1 },
  { name: "giving feedback", weight: 1.5, stage: 1 },
  { name: "influencing without authority", weight: 1.5, stage: 1 },
  { name: "stakeholder management", weight: 1.5, stage: 1 },
  { name: "cross-functional collaboration", weight: 1.5, stage: 1 },
  { name: "negotiation", weight: 1.5, stage: 1 },
  { name: "product sense", weight: 1, stage: 1 },
  { name: "business acumen", weight: 1, stage: 1 },
  { name: "conflict resolution", weight: 1, stage: 1 },
  { name: "building a personal brand", weight: 1, stage: 1 },
  { name: "returning from leave", weight: 0.5, stage: 1 },
  { name: "international career", weight: 0.7, stage: 1 },
  { name: "navigating ambiguity", weight: 1, stage: 2 },
  { name: "strategic thinking", weight: 1.5, stage: 2 },
  { name: "executive presence", weight: 1, stage: 2 },
  { name: "people management", weight: 1.5, stage: 2 },
  { name: "inclusive leadership", weight: 1, stage: 2 },
  { name: "decision making", weight: 1, stage: 2 },
  { name: "entrepreneurship", weight: 0.5, stage: 2 },
];

/** Name cultures: feminine and masculine first names and family names. */
export interface NameCulture {
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly family: readonly string[];
  /** A heritage language that a share of people from this culture also speak. */
  readonly language?: string;
}

export const CULTURES = {
  anglo: {
    female: ["Emma", "Olivia", "Sarah", "Hannah", "Grace", "Chloe", "Megan", "Rachel", "Laura", "Jessica", "Abigail", "Natalie"],
    male: ["James", "Liam", "Michael", "Daniel", "Ryan", "Thomas", "Matthew", "Ethan", "Owen", "Connor", "Samuel", "Nathan"],
    family: ["Smith", "Johnson", "Brown", "Taylor", "Walker", "Murphy", "O'Brien", "Clarke", "Hughes", "Bennett", "Foster", "Reid", "Campbell", "Parker"],
  },
  hispanic: {
    female: ["María", "Lucía", "Sofía", "Valentina", "Camila", "Daniela", "Gabriela", "Isabel", "Carmen", "Ximena"],
    male: ["José", "Carlos", "Diego", "Javier", "Luis", "Alejandro", "Mateo", "Andrés", "Miguel", "Santiago"],
    family: ["García", "Hernández", "López", "Martínez", "Rodríguez", "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Morales"],
    language: "Spanish",
  },
  german: {
    female: ["Anna", "Lena", "Julia", "Katharina", "Sophie", "Leonie", "Miriam", "Franziska"],
    male: ["Lukas", "Jonas", "Felix", "Maximilian", "Tobias", "Florian", "Jan", "Stefan"],
    family: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Wagner", "Braun"],
    language: "German",
  },
  french: {
    female: ["Camille", "Manon", "Chloé", "Léa", "Élodie", "Juliette", "Margaux", "Inès"],
    male: ["Louis", "Hugo", "Théo", "Antoine", "Julien", "Mathieu", "Nicolas", "Baptiste"],
    family: ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefèvre", "Fournier", "Girard", "Rousseau", "Blanc", "Chevalier", "Garnier"],
    language: "French",
  },
  indian: {
    female: ["Priya", "Ananya", "Aishwarya", "Divya", "Kavya", "Meera", "Nisha", "Pooja", "Sneha", "Lakshmi"],
    male: ["Arjun", "Rahul", "Vikram", "Rohan", "Aditya", "Karthik", "Sanjay", "Nikhil", "Amit", "Siddharth"],
    family: ["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Kumar", "Menon", "Rao", "Joshi", "Chatterjee"],
    language: "Hindi",
  },
  chinese: {
    female: ["Mei", "Xin", "Yan", "Hui", "Jing", "Ying", "Wen", "Xiaoling"],
    male: ["Wei", "Jun", "Hao", "Ming", "Jian", "Lei", "Tao", "Zhiwei"],
    family: ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Tan", "Lim"],
    language: "Mandarin",
  },
  japanese: { female: ["Aiko", "Yuki", "Haruka", "Sakura"], male: ["Kenji", "Hiroshi", "Takumi", "Daisuke"], family: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe"], language: "Japanese" },
  korean: { female: ["Ji-woo", "Seo-yeon", "Min-ji", "Eun-ji"], male: ["Min-jun", "Seo-jun", "Ji-ho", "Hyun-woo"], family: ["Kim", "Lee", "Park", "Choi", "Jung"], language: "Korean" },
  arabic: { female: ["Fatima", "Leila", "Noor", "Yasmin"], male: ["Omar", "Tariq", "Karim", "Youssef"], family: ["Haddad", "Khalil", "Mansour", "Nasser", "Saleh"], language: "Arabic" },
  nigerian: { female: ["Chiamaka", "Amara", "Funmilayo", "Ngozi"], male: ["Chinedu", "Tunde", "Emeka", "Oluwaseun"], family: ["Okafor", "Adeyemi", "Eze", "Balogun", "Okonkwo"] },
  polish: { female: ["Agnieszka", "Katarzyna", "Magdalena", "Zofia"], male: ["Piotr", "Tomasz", "Marek", "Krzysztof"], family: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński"], language: "Polish" },
  turkish: { female: ["Elif", "Zeynep", "Ayşe", "Deniz"], male: ["Mehmet", "Emre", "Burak", "Can"], family: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik"], language: "Turkish" },
  malay: { female: ["Nur Aisyah", "Siti", "Farah", "Aminah"], male: ["Ahmad", "Hafiz", "Faizal", "Iskandar"], family: ["bin Ismail", "binti Rahman", "bin Osman", "binti Yusof", "bin Hassan"], language: "Malay" },
} as const satisfies Record<string, NameCulture>;

export type CultureName = keyof typeof CULTURES;

/** An office: its IANA time zone, cities, the local language and who works there. */
export interface OfficeSpec {
  readonly timezone: string;
  readonly weight: number;
  readonly cities: readonly string[];
  /** The local language when it is not English. */
  readonly localLanguage?: string;
  /** Share of local-culture staff who speak only the local language. */
  readonly monolingualShare: number;
  readonly cultures: readonly (readonly [CultureName, number])[];
}

export const OFFICES: readonly OfficeSpec[] = [
  {
    timezone: "America/New_York",
    weight: 0.23,
    cities: ["New York", "Boston", "Toronto"],
    monolingualShare: 0,
    cultures: [["anglo", 0.55], ["hispanic", 0.1], ["chinese", 0.08], ["indian", 0.1], ["nigerian", 0.05], ["korean", 0.04], ["arabic", 0.04], ["polish", 0.04]],
  },
  {
    timezone: "America/Los_Angeles",
    weight: 0.17,
    cities: ["San Francisco", "Seattle", "Los Angeles"],
    monolingualShare: 0,
    cultures: [["anglo", 0.45], ["hispanic", 0.16], ["chinese", 0.12], ["indian", 0.12], ["korean", 0.06], ["japanese", 0.06], ["arabic", 0.03]],
  },
  {
    timezone: "America/Mexico_City",
    weight: 0.05,
    cities: ["Mexico City", "Guadalajara"],
    localLanguage: "Spanish",
    monolingualShare: 0.35,
    cultures: [["hispanic", 0.9], ["anglo", 0.05], ["arabic", 0.05]],
  },
  {
    timezone: "Europe/London",
    weight: 0.14,
    cities: ["London", "Manchester", "Dublin"],
    monolingualShare: 0,
    cultures: [["anglo", 0.6], ["indian", 0.12], ["nigerian", 0.06], ["polish", 0.06], ["french", 0.05], ["chinese", 0.05], ["arabic", 0.06]],
  },
  {
    timezone: "Europe/Berlin",
    weight: 0.1,
    cities: ["Berlin", "Munich", "Hamburg"],
    localLanguage: "German",
    monolingualShare: 0.15,
    cultures: [["german", 0.7], ["turkish", 0.08], ["polish", 0.07], ["anglo", 0.05], ["french", 0.04], ["indian", 0.06]],
  },
  {
    timezone: "Europe/Paris",
    weight: 0.05,
    cities: ["Paris", "Lyon"],
    localLanguage: "French",
    monolingualShare: 0.2,
    cultures: [["french", 0.75], ["arabic", 0.12], ["nigerian", 0.05], ["anglo", 0.04], ["hispanic", 0.04]],
  },
  {
    timezone: "Asia/Kolkata",
    weight: 0.16,
    cities: ["Bengaluru", "Pune", "Hyderabad"],
    localLanguage: "Hindi",
    monolingualShare: 0.03,
    cultures: [["indian", 0.96], ["anglo", 0.04]],
  },
  {
    timezone: "Asia/Singapore",
    weight: 0.1,
    cities: ["Singapore"],
    localLanguage: "Mandarin",
    monolingualShare: 0.08,
    cultures: [["chinese", 0.6], ["indian", 0.15], ["malay", 0.15], ["anglo", 0.1]],
  },
];

/** Languages people pick up besides English and their heritage language. */
export const SECOND_LANGUAGES: readonly string[] = ["Spanish", "French", "German", "Mandarin", "Portuguese", "Italian"];

export const BIG_FIVE = ["openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"] as const;

export const AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55+"] as const;
