/**
 * Phones on the page are shown masked: `+7 999 ***-**-44`. The page shows what a supervisor needs
 * (which list, which row, what went wrong), never a client's whole number; the report download is the
 * only place with the numbers, and it is the report itself.
 */

/** A phone (`79991234544`, `+7 (999) 123-45-44`, `89991234544`) masked: `+7 999 ***-**-44`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  const national = digits.length === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits;
  const country = digits.length === 11 && /^[78]/.test(digits) ? "+7 " : "";
  return `${country}${national.slice(0, 3)} ***-**-${national.slice(-2)}`;
}

/**
 * Every run of 7 or more digits in a text (with the spaces, brackets, dots and dashes people write
 * phones with) masked: a problem's sentence may quote the cell it is about.
 */
export function maskPhonesIn(text: string): string {
  return text.replace(/\+?\d[\d\s().-]{5,}\d/g, (run) =>
    run.replace(/\D/g, "").length >= 7 ? maskPhone(run) : run,
  );
}
