/** Equality monitoring choices. Kept apart from the valibot schemas so the page can use them without
 *  loading valibot on first load. Every question has "prefer_not". */
export const MONITORING_OPTIONS = {
  ageBand: ['under_16', '16_24', '25_34', '35_44', '45_54', '55_64', '65_74', '75_plus', 'prefer_not'],
  gender: ['woman', 'man', 'non_binary', 'other', 'prefer_not'],
  disability: ['yes', 'no', 'prefer_not'],
  ethnicity: ['white', 'mixed', 'asian', 'black', 'arab', 'other', 'prefer_not'],
} as const;
