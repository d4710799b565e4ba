package de.rundbrief.web.lists;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The import screen's first guess at which columns of a file hold the address and the names, from
 * the header line alone; staff see the guess in the mapping and correct it. A column is guessed for
 * one purpose at most, and a header that names it exactly ({@code Vorname}, {@code First name},
 * {@code last_name}) wins over one that only contains a hint of it: in {@code E-Mail;Vorname;Name}
 * the last name is {@code Name}, never {@code Vorname}.
 *
 * @param email the column of the address, or {@code null}
 * @param firstName the column of the first name, or {@code null}
 * @param lastName the column of the last name, or {@code null}
 */
record ImportColumnGuess(String email, String firstName, String lastName) {

  private static final List<String> EMAIL_EXACT =
      List.of("email", "emailadresse", "emailaddress", "mail", "mailadresse", "epost");
  private static final List<String> EMAIL_HINTS = List.of("mail");
  private static final List<String> FIRST_EXACT =
      List.of("vorname", "firstname", "first", "givenname", "forename");
  private static final List<String> FIRST_HINTS = List.of("vorname", "firstname", "givenname");
  private static final List<String> LAST_EXACT =
      List.of("nachname", "lastname", "last", "surname", "familyname", "familienname");
  private static final List<String> LAST_HINTS =
      List.of("nachname", "lastname", "surname", "familyname", "familienname");

  static ImportColumnGuess of(List<String> header) {
    Set<String> taken = new HashSet<>();
    String email = pick(header, taken, EMAIL_EXACT, EMAIL_HINTS);
    String first = pick(header, taken, FIRST_EXACT, FIRST_HINTS);
    String last = pick(header, taken, LAST_EXACT, LAST_HINTS);
    if (last == null && first != null) {
      // next to a first name, a column called just "Name" is the family name
      last = pick(header, taken, List.of("name"), List.of());
    }
    return new ImportColumnGuess(email, first, last);
  }

  private static String pick(
      List<String> header, Set<String> taken, List<String> exact, List<String> hints) {
    for (List<String> words : List.of(exact, hints)) {
      for (String word : words) {
        for (String column : header) {
          String name = normalised(column);
          boolean fits = words == exact ? name.equals(word) : name.contains(word);
          if (fits && taken.add(column)) {
            return column;
          }
        }
      }
    }
    return null;
  }

  /** Lower case, letters and digits only: {@code E-Mail} and {@code e_mail} are {@code email}. */
  private static String normalised(String column) {
    StringBuilder name = new StringBuilder(column.length());
    for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        name.append(c);
      }
    }
    return name.toString();
  }
}
