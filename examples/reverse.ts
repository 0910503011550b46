// Reverse mentoring: juniors teach seniors what they want to learn, and learn something back.
// Run: npx tsx examples/reverse.ts
import { match } from "../src/index.js";

const result = await match({
  participants: [
    { id: "ada", name: "Ada (junior engineer)", role: "mentor", level: 2, skills: { "generative AI": 5, TikTok: 4 }, wantedSkills: { negotiation: 4 }, languages: ["English"] },
    { id: "raj", name: "Raj (data analyst)", role: "mentor", level: 3, skills: { "generative AI": 3, SQL: 5 }, wantedSkills: { "public speaking": 3 }, languages: ["English"] },
    { id: "vp", name: "VP Sales", role: "mentee", level: 8, wantedSkills: { "generative AI": 4 }, skills: { negotiation: 5 }, goals: ["technical depth"], languages: ["English"] },
    { id: "cfo", name: "CFO", role: "mentee", level: 8, wantedSkills: { SQL: 3 }, skills: { "public speaking": 4 }, languages: ["English"] },
  ],
  program: { format: "reverse", rules: { levelGap: 3 } },
});
for (const m of result.matches) console.log(`${m.mentorIds[0]} teaches ${m.menteeIds[0]}: ${m.reasons.map((r) => r.text).join(" | ")}`);
if (result.matches.length !== 2) process.exitCode = 1;
