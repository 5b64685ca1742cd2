/**
 * Folds a Vietnamese name for matching: "Lạng Sơn", "lang son" and "LANG  SON" are the same.
 * NFD splits the tone and vowel marks off their letters; đ has no decomposition and is mapped by hand.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
