package org.accord.gateway.redaction.scrub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the scrubber's labelled corpus: synthetic safeguarding narratives about fictional people, with generated
 * identifiers that pass their check digits, every identifier span labelled, and near-misses (course codes, rooms,
 * sums, years, times, failing check digits, forbidden NI prefixes) left unlabelled. Deterministic: the same seed
 * gives the same file. Run {@code main} to regenerate {@code src/test/resources/redaction/corpus/narratives.jsonl}.
 */
final class NarrativeCorpusGenerator {

    static final Path CORPUS = Path.of("src/test/resources/redaction/corpus/narratives.jsonl");
    static final long SEED = 20261128L;
    static final int SIZE = 240;
    static final String STUDENT_PATTERN = "NB[0-9]{8}";

    private static final String[] FORENAMES = {"Aisha", "Daniel", "Priya", "Callum", "Zainab", "Tomasz", "Rhiannon", "Kwame",
            "Siobhan", "Hamza", "Chloe", "Mohammed", "Eilidh", "Jacob", "Amara", "Owen", "Fatima", "Liam", "Yusuf", "Megan"};
    private static final String[] UNLISTED_FORENAMES = {"Tegan", "Kwabena", "Oisin", "Lowri", "Marek", "Anouk", "Bartosz",
            "Chiamaka", "Taiwo", "Rhodri", "Saoirse", "Ffion", "Jaskirat", "Eluned"};
    private static final String[] SURNAMES = {"Okafor", "Patel", "Khan", "Whitlock", "Nowak", "Hughes", "Mensah", "Begum",
            "Campbell", "Murphy", "Sharma", "Evans", "Okonkwo", "Yilmaz", "MacLeod", "O'Neill", "Kaur", "Robinson"};
    private static final String[] UNLISTED_SURNAMES = {"Ashworth", "Oduya", "Pemberton", "Kowalczyk", "Thistlethwaite",
            "Agbaje", "Fairbairn", "Lindqvist", "Oyinlola", "Caddick", "Ramsbottom", "Nuttall"};
    private static final String[] TITLES = {"Mr", "Mrs", "Ms", "Dr", "Miss"};
    private static final String[] AREAS = {"M", "B", "L", "S", "G", "E", "N", "NB", "EM", "LS", "SW", "EC", "CF", "EH", "BT",
            "OX", "CB", "YO", "NE", "BD", "LE", "W"};
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
    private static final String NI_SECOND = "ABCEGHJKLMNPRSTWXYZ";
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] DOMAINS = {"mail.example", "northbridge.ac.uk", "outlook.example", "proton.example", "student.northbridge.ac.uk"};
    private static final String[] PLATFORMS = {"Telegram", "Discord", "Instagram", "TikTok", "X"};

    private final Random random = new Random(SEED);

    public static void main(String[] args) throws IOException {
        Files.writeString(CORPUS, new NarrativeCorpusGenerator().jsonLines(), StandardCharsets.UTF_8);
    }

    String jsonLines() {
        StringBuilder out = new StringBuilder();
        for (Narrative narrative : narratives()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", narrative.id());
            line.put("knownNames", narrative.knownNames());
            line.put("studentNumberPattern", narrative.studentNumberPattern());
            line.put("text", narrative.text());
            List<Map<String, Object>> spans = new ArrayList<>();
            for (Finding label : narrative.labels()) {
                Map<String, Object> span = new LinkedHashMap<>();
                span.put("type", label.type().label());
                span.put("start", label.start());
                span.put("end", label.end());
                span.put("text", narrative.text().substring(label.start(), label.end()));
                spans.add(span);
            }
            line.put("spans", spans);
            out.append(JsonMapper.shared().writeValueAsString(line)).append('\n');
        }
        return out.toString();
    }

    List<Narrative> narratives() {
        List<Narrative> narratives = new ArrayList<>();
        List<BiConsumer<Narrative.Builder, Cast>> sentences = sentences();
        List<BiConsumer<Narrative.Builder, Cast>> nearMisses = nearMisses();
        for (int n = 0; n < SIZE; n++) {
            Cast cast = new Cast();
            Narrative.Builder b = new Narrative.Builder();
            opening(b, cast);
            int count = 3 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                b.text(" ");
                pick(sentences).accept(b, cast);
            }
            int misses = 1 + random.nextInt(2);
            for (int i = 0; i < misses; i++) {
                b.text(" ");
                pick(nearMisses).accept(b, cast);
            }
            narratives.add(b.build(String.format(Locale.ROOT, "n%03d", n + 1), cast.knownNames(), STUDENT_PATTERN));
        }
        return narratives;
    }

    /** The people of one narrative: those the record names, and others it does not. */
    final class Cast {
        final String forename = pick(random.nextBoolean() ? FORENAMES : UNLISTED_FORENAMES);
        final String surname = random.nextInt(5) == 0 ? pick(SURNAMES) + "-" + pick(UNLISTED_SURNAMES) : pick(random.nextBoolean() ? SURNAMES : UNLISTED_SURNAMES);
        final String parent = pick(FORENAMES) + " " + surname;
        final String referrer = pick(FORENAMES) + " " + pick(SURNAMES);
        final String contact = pick(UNLISTED_FORENAMES) + " " + pick(UNLISTED_SURNAMES);

        List<String> knownNames() {
            return List.of(forename, surname, parent, referrer, contact);
        }

        String subjectMention() {
            return switch (random.nextInt(6)) {
                case 0 -> forename.toUpperCase(Locale.ROOT);
                case 1 -> forename.toLowerCase(Locale.ROOT);
                case 2 -> forename + " " + surname;
                default -> forename;
            };
        }
    }

    private void opening(Narrative.Builder b, Cast c) {
        switch (random.nextInt(3)) {
            case 0 -> b.text("On ").id(IdentifierType.DATE, date()).text(" ").name(c.forename + " " + c.surname)
                    .text(" (student number ").id(IdentifierType.STUDENT_ID, institutionNumber()).text(") spoke to ")
                    .name(c.referrer).text(" after a seminar.");
            case 1 -> b.text("Referral raised by ").name(c.referrer).text(" about ").name(c.subjectMention())
                    .text(", a second-year student on the Computer Science course.");
            default -> b.text("This note concerns ").name(c.forename + " " + c.surname).text(", born ")
                    .id(IdentifierType.DATE, date()).text(", who lives in halls at ").id(IdentifierType.POSTCODE, postcode()).text(".");
        }
    }

    private List<BiConsumer<Narrative.Builder, Cast>> sentences() {
        List<BiConsumer<Narrative.Builder, Cast>> s = new ArrayList<>();
        s.add((b, c) -> b.name(c.subjectMention()).text(" gave a mobile number of ").id(IdentifierType.PHONE, mobile())
                .text(" and asked to be contacted there."));
        s.add((b, c) -> b.text("Their mother, ").name(c.parent).text(", can be reached on ").id(IdentifierType.PHONE, landline()).text("."));
        s.add((b, c) -> b.text("The GP surgery confirmed the NHS number as ").id(IdentifierType.NHS_NUMBER, nhs()).text("."));
        s.add((b, c) -> b.text("Health records list ").id(IdentifierType.NHS_NUMBER, nhs()).text(" for ").name(c.subjectMention()).text("."));
        s.add((b, c) -> b.text("National Insurance number ").id(IdentifierType.NI_NUMBER, ni()).text(" appears on the bursary form."));
        s.add((b, c) -> b.text("The bursary form gives ").id(IdentifierType.NI_NUMBER, ni()).text(" as ").name(c.subjectMention())
                .text("'s NI number."));
        s.add((b, c) -> b.text("The home address postcode is ").id(IdentifierType.POSTCODE, postcode()).text(", and term-time post goes to ")
                .id(IdentifierType.POSTCODE, postcode()).text("."));
        s.add((b, c) -> b.text("Emails were sent from ").id(IdentifierType.EMAIL, email(c)).text(" to the course team."));
        s.add((b, c) -> b.text("Contact ").name(c.referrer).text(" at ").id(IdentifierType.EMAIL, email(null))
                .text(" or ").id(IdentifierType.PHONE, landline()).text(" with questions."));
        s.add((b, c) -> b.text("A link to ").id(IdentifierType.URL, url()).text(" was posted in the module forum."));
        s.add((b, c) -> b.text("On ").text(pick(PLATFORMS)).text(" the account ").id(IdentifierType.HANDLE, handle())
                .text(" shared the same material."));
        s.add((b, c) -> b.text("IT security logged logins from ").id(IdentifierType.IP_ADDRESS, ip()).text(" late at night."));
        s.add((b, c) -> b.text("The UCAS Personal ID on file is ").id(IdentifierType.STUDENT_ID, ucas()).text("."));
        s.add((b, c) -> b.text("HESA records show HUSID ").id(IdentifierType.STUDENT_ID, digits(13)).text(" and student identifier ")
                .id(IdentifierType.STUDENT_ID, digits(17)).text("."));
        s.add((b, c) -> b.text("Student ").id(IdentifierType.STUDENT_ID, institutionNumber()).text(" missed three tutorials."));
        s.add((b, c) -> b.text("Police hold PNC reference ").id(IdentifierType.PNC_ID, pnc()).text(" from a previous incident."));
        s.add((b, c) -> b.text("A driving licence ").id(IdentifierType.DRIVING_LICENCE, drivingLicence(c)).text(" was handed in at reception."));
        s.add((b, c) -> b.text("Their passport number ").id(IdentifierType.PASSPORT, digits(9)).text(" was noted before the trip."));
        s.add((b, c) -> b.name(c.subjectMention()).text(" said they would travel on ").id(IdentifierType.DATE, date()).text("."));
        s.add((b, c) -> b.text("A friend, ").name(otherName()).text(", says ").name(c.forename).text(" has become withdrawn."));
        s.add((b, c) -> b.text("The personal tutor, ").text(pick(TITLES)).text(" ").name(pick(random.nextBoolean() ? SURNAMES : UNLISTED_SURNAMES))
                .text(", raised the concern with the safeguarding team."));
        s.add((b, c) -> b.name(c.contact).text(" from the counselling service has been supporting ").name(c.subjectMention()).text("."));
        s.add((b, c) -> b.name(c.forename).text("'s flatmate ").name(otherName()).text(" reported posters in the shared kitchen."));
        s.add((b, c) -> b.text("Concerns were first noticed by ").name(otherName()).text(", who runs the debating society."));
        s.add((b, c) -> b.text("Staff spoke to ").name(c.subjectMention()).text(" on ").id(IdentifierType.DATE, date())
                .text(" and again the following week."));
        s.add((b, c) -> b.text("Call ").id(IdentifierType.PHONE, mobile()).text(" for the duty officer, or email ")
                .id(IdentifierType.EMAIL, email(null)).text("."));
        s.add((b, c) -> b.text("Screenshots from ").id(IdentifierType.URL, url()).text(" and from ").id(IdentifierType.HANDLE, handle())
                .text(" are attached."));
        s.add((b, c) -> b.text("The referrer, ").name(c.referrer).text(", has known ").name(c.subjectMention()).text(" since first year."));
        s.add((b, c) -> b.name(pick(FORENAMES)).text(" and other students were not involved."));
        s.add((b, c) -> b.text("Their brother ").name(pick(FORENAMES) + " " + c.surname.split("-")[0]).text(" lives at ")
                .id(IdentifierType.POSTCODE, postcode()).text(" and has not been told."));
        s.add((b, c) -> b.text("Her landline is ").id(IdentifierType.PHONE, "0161-" + digits(3) + "-" + digits(4))
                .text(" and her work mobile ").id(IdentifierType.PHONE, "07" + digits(3) + "-" + digits(3) + "-" + digits(3)).text("."));
        s.add((b, c) -> b.text("The letter was addressed to ").name(c.forename.toUpperCase(Locale.ROOT) + " " + c.surname.toUpperCase(Locale.ROOT))
                .text(" at ").id(IdentifierType.POSTCODE, postcode().toLowerCase(Locale.ROOT).replace(" ", "") .replaceFirst("([0-9][a-z]{2})$", " $1"))
                .text(", which matches the enrolment form."));
        s.add((b, c) -> b.text("Dr. ").name(pick(UNLISTED_SURNAMES)).text(" and Mrs ").name(pick(SURNAMES))
                .text(" met the student on ").id(IdentifierType.DATE, date()).text("."));
        s.add((b, c) -> b.text("Their NHS number was written as ").id(IdentifierType.NHS_NUMBER, nhs().replace(" ", "").replace("-", ""))
                .text(" and their passport as ").id(IdentifierType.PASSPORT, digits(9)).text("."));
        return s;
    }

    private List<BiConsumer<Narrative.Builder, Cast>> nearMisses() {
        List<BiConsumer<Narrative.Builder, Cast>> s = new ArrayList<>();
        s.add((b, c) -> b.text("The student attends module CS" + (1000 + random.nextInt(9000)) + " in seminar room "
                + (1 + random.nextInt(4)) + "." + (10 + random.nextInt(40)) + " on Tuesdays."));
        s.add((b, c) -> b.text("A hardship payment of £" + (1 + random.nextInt(9)) + "," + (100 + random.nextInt(900))
                + " was approved in " + (2019 + random.nextInt(7)) + "."));
        s.add((b, c) -> b.text("The meeting ran from " + (9 + random.nextInt(8)) + ":" + (10 + random.nextInt(50)) + " to "
                + (1 + random.nextInt(11)) + ".30pm in the Student Services building."));
        s.add((b, c) -> b.text("Case file reference " + failingTenDigits() + " was closed."));
        s.add((b, c) -> b.text("The form showed " + forbiddenNi() + ", which is not a valid National Insurance number."));
        s.add((b, c) -> b.text("On Monday the Northbridge campus library was closed for Easter in April."));
        s.add((b, c) -> b.text("The course MA" + (1000 + random.nextInt(9000)) + " has " + (20 + random.nextInt(200))
                + " students and costs £" + (9000 + random.nextInt(300)) + " a year."));
        s.add((b, c) -> b.text("Version " + (1 + random.nextInt(5)) + "." + random.nextInt(10) + " of the Prevent policy applies from September "
                + (2020 + random.nextInt(6)) + "."));
        s.add((b, c) -> b.text("Level " + (4 + random.nextInt(4)) + " Computer Science students in Year " + (1 + random.nextInt(3))
                + " meet in lab B" + (10 + random.nextInt(30)) + "."));
        s.add((b, c) -> b.text("The Rose Garden vigil and the Islamic Society quiz on Friday were peaceful; Grace period rules apply."));
        s.add((b, c) -> b.text("Hope Street halls and the Victoria Park campus host the Student Union President's surgery at 10am."));
        s.add((b, c) -> b.text("Will the Mark Scheme change? The Channel panel meets in Manchester, not Paris or Jordan."));
        s.add((b, c) -> b.text("An order number " + failingTenDigits() + " and tracking code " + digits(12) + " came from the bookshop."));
        s.add((b, c) -> b.text("Students must read pages 12/13 and/or the km/h notes at northbridge.ac.uk before Friday."));
        s.add((b, c) -> b.text("The printer at 10.0.0.300 and the 1.2.3 firmware are unrelated; the seminar ran 14:00-15:30."));
        s.add((b, c) -> b.text("There were " + (100 + random.nextInt(900)) + " welfare contacts and " + (10 + random.nextInt(90))
                + " referrals in " + (2020 + random.nextInt(6)) + "."));
        return s;
    }

    private String date() {
        int day = 1 + random.nextInt(28);
        int month = 1 + random.nextInt(12);
        int year = 2000 + random.nextInt(27);
        return switch (random.nextInt(6)) {
            case 0 -> String.format(Locale.ROOT, "%02d/%02d/%d", day, month, year);
            case 1 -> day + " " + MONTHS[month - 1] + " " + year;
            case 2 -> day + ordinal(day) + " of " + MONTHS[month - 1];
            case 3 -> String.format(Locale.ROOT, "%d-%02d-%02d", year, month, day);
            case 4 -> MONTHS[month - 1] + " " + day + ", " + year;
            default -> String.format(Locale.ROOT, "%d.%d.%d", day, month, year);
        };
    }

    private static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private String nhs() {
        while (true) {
            String nine = (4 + random.nextInt(6) / 2 * 2) + digits(8);
            int check = CheckDigits.nhsCheckDigit(nine);
            if (check >= 0) {
                String all = nine + check;
                return switch (random.nextInt(3)) {
                    case 0 -> all;
                    case 1 -> all.substring(0, 3) + "-" + all.substring(3, 6) + "-" + all.substring(6);
                    default -> all.substring(0, 3) + " " + all.substring(3, 6) + " " + all.substring(6);
                };
            }
        }
    }

    private String failingTenDigits() {
        while (true) {
            String ten = (1 + random.nextInt(9)) + digits(9);
            if (!CheckDigits.isNhsNumber(ten)) {
                return ten;
            }
        }
    }

    private String ucas() {
        String ten = failingTenDigits();
        return random.nextBoolean() ? ten : ten.substring(0, 3) + "-" + ten.substring(3, 6) + "-" + ten.substring(6);
    }

    private String ni() {
        char first;
        char second;
        do {
            first = NI_FIRST.charAt(random.nextInt(NI_FIRST.length()));
            second = NI_SECOND.charAt(random.nextInt(NI_SECOND.length()));
        } while (!CheckDigits.isNiPrefix(first, second));
        String d = digits(6);
        char suffix = "ABCD".charAt(random.nextInt(4));
        String ni = random.nextBoolean()
                ? "" + first + second + d + suffix
                : "" + first + second + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix;
        return random.nextInt(6) == 0 ? ni.toLowerCase(Locale.ROOT) : ni;
    }

    private String forbiddenNi() {
        String[] prefixes = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ", "DA", "FA", "QB", "UA", "VA", "AO", "AD", "IA"};
        String d = digits(6);
        return pick(prefixes) + (random.nextBoolean() ? d : " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " ")
                + "ABCD".charAt(random.nextInt(4));
    }

    private String postcode() {
        String area = pick(AREAS);
        String outward;
        int shape = random.nextInt(4);
        if (shape == 0 && area.length() == 1) {
            outward = area + (1 + random.nextInt(9)) + "ABCDEFGHJKPSTUW".charAt(random.nextInt(15));
        } else if (shape == 1) {
            outward = area + (10 + random.nextInt(20));
        } else {
            outward = area + (1 + random.nextInt(9));
        }
        String inward = "" + random.nextInt(10) + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
        return random.nextInt(8) == 0 ? outward + inward : outward + " " + inward;
    }

    private String mobile() {
        String n = "7" + digits(9);
        return switch (random.nextInt(5)) {
            case 0 -> "0" + n.substring(0, 4) + " " + n.substring(4);
            case 1 -> "0" + n.substring(0, 4) + " " + n.substring(4, 7) + " " + n.substring(7);
            case 2 -> "+44 " + n.substring(0, 4) + " " + n.substring(4);
            case 3 -> "+44 (0)" + n.substring(0, 4) + " " + n.substring(4);
            default -> "0" + n;
        };
    }

    private String landline() {
        return switch (random.nextInt(4)) {
            case 0 -> "01632 " + digits(6);
            case 1 -> "0161 " + digits(3) + " " + digits(4);
            case 2 -> "020 7" + digits(3) + " " + digits(4);
            default -> "(0113) " + digits(3) + " " + digits(4);
        };
    }

    private String email(Cast c) {
        String local = c != null
                ? (c.forename + "." + c.surname.replace("'", "")).toLowerCase(Locale.ROOT)
                : pick(new String[] {"safeguarding", "prevent.lead", "welfare", "j.smith84", "duty-team", "k_ahmed"});
        return local + (random.nextBoolean() ? "" : String.valueOf(random.nextInt(100))) + "@" + pick(DOMAINS);
    }

    private String url() {
        String path = pick(new String[] {"thread/", "watch?v=", "c/", "p/", "posts/"}) + Integer.toString(random.nextInt(1_000_000), 36);
        return switch (random.nextInt(5)) {
            case 0 -> "https://www.forum-" + random.nextInt(100) + ".example/" + path;
            case 1 -> "www.video-site.example/" + path;
            case 2 -> "t.me/channel" + random.nextInt(1000);
            case 3 -> "youtube.com/" + path;
            default -> "http://t.me/channel" + random.nextInt(1000);
        };
    }

    private String handle() {
        return "@" + pick(new String[] {"true_patriot", "nb_student", "lone.wolf", "redpill", "awake_now", "northbridge_voice"})
                + random.nextInt(1000);
    }

    private String ip() {
        if (random.nextInt(5) == 0) {
            return "2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::" + Integer.toHexString(1 + random.nextInt(255));
        }
        return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private String pnc() {
        int year = random.nextInt(27);
        int serial = random.nextInt(10_000_000);
        char check = CheckDigits.pncCheckLetter(year, serial);
        return random.nextBoolean()
                ? String.format(Locale.ROOT, "%02d/%d%c", year, serial, check)
                : String.format(Locale.ROOT, "%d/%07d%c", 2000 + year, serial, check);
    }

    private String drivingLicence(Cast c) {
        String surname = (c.surname.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT) + "99999").substring(0, 5);
        int year = 1990 + random.nextInt(20);
        int month = 1 + random.nextInt(12) + (random.nextBoolean() ? 50 : 0);
        int day = 1 + random.nextInt(28);
        String initials = (c.forename.substring(0, 1) + "9").toUpperCase(Locale.ROOT);
        return String.format(Locale.ROOT, "%s%d%02d%02d%d%s9%c%c", surname, (year / 10) % 10, month, day, year % 10, initials,
                (char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26)));
    }

    private String institutionNumber() {
        return "NB" + (2019 + random.nextInt(7)) + digits(4);
    }

    private String otherName() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(FORENAMES) + " " + pick(SURNAMES);
            case 1 -> pick(FORENAMES) + " " + pick(UNLISTED_SURNAMES);
            case 2 -> pick(UNLISTED_FORENAMES) + " " + pick(SURNAMES);
            case 3 -> pick(FORENAMES);
            default -> pick(UNLISTED_FORENAMES) + " " + pick(UNLISTED_SURNAMES);
        };
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        out.append(1 + random.nextInt(9));
        for (int i = 1; i < count; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
