// Shared by encode.ts (the toxicity model's clean examples) and evalLabels.ts (the word-list baseline).

/** Words that make a text "offensive language" in Davidson et al.'s sense; such texts are not used as clean examples. */
export const PROFANITY = /\b(fuck\w*|shit\w*|bitch\w*|ass(hole)?|damn\w*|crap\w*|hell|wtf|stfu|bastard\w*|dick\w*|pussy|slut\w*|whore\w*|cunt\w*|retard\w*|fag\w*|nigg\w*|hoe\w*|twat\w*|jesus christ|piss\w*)\b/i;

