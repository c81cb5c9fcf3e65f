package kz.qalqan.demo;

import kz.qalqan.demo.internal.NamePools;
import kz.qalqan.demo.internal.ReferenceRegions;
import kz.qalqan.demo.internal.ReferenceRegions.District;
import kz.qalqan.demo.internal.ReferenceRegions.Region;
import kz.qalqan.shared.Iin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Seeded generator of realistic synthetic members in the member CSV format (DOMAIN.md §1). The same seed
 * and force always give the same members in the same order, so {@link #write(long, Writer)} is
 * byte-identical across runs, and {@link #stream(long)} yields exactly the rows {@code write} writes.
 *
 * <p>Realism: valid and unique IINs (born 1966–2006, century/sex digit consistent, never-issued prefixes
 * skipped), ~85% men; ~65% Kazakh, ~30% Russian and ~5% Latin-script names with gender-consistent
 * surnames and patronymics; categories 70/20/10 % reservist/volunteer/civil_defense; Kazakhstan mobile
 * numbers, ~20% of them not in E.164; e-mail for ~40% at reserved example domains (RFC 2606); regions
 * weighted by population; a district for ~70% of members of regions that have districts in the
 * reference; a platoon or team of the member's region for ~85%; home coordinates for ~80%; language
 * kk/ru/en ~60/35/5 %; 0–3 skill tags.
 *
 * <p>Memory: constant apart from one {@link BitSet} (~37 MB, allocated per run) that guarantees IIN
 * uniqueness. Instances are immutable and thread-safe; each run has its own random state.
 */
public final class MemberGenerator {

    /** The CSV header written by {@link #write(long, Writer)}. */
    public static final String HEADER =
            "iin,last_name,first_name,middle_name,category,phone,email,region,district,unit,lat,lon,language,skills";

    /** Skill tags members may have. */
    public static final List<String> SKILLS = List.of("driver", "medic", "radio", "swimmer", "climber", "cook",
            "electrician", "welder", "it", "translator", "drone_pilot", "heavy_machinery", "mechanic", "firefighter");

    /** Kazakhstan mobile operator prefixes (after +7). */
    public static final List<String> MOBILE_PREFIXES = List.of("700", "701", "702", "703", "704", "705", "706",
            "707", "708", "747", "771", "775", "776", "777", "778");

    /** E-mail domains: reserved example names only (RFC 2606), so no generated address can reach anyone. */
    public static final List<String> EMAIL_DOMAINS =
            List.of("example.com", "example.org", "example.net", "mail.example", "inbox.example");

    /** Upper bound for one run: a third of the possible (birth date, sex, serial) combinations. */
    public static final long MAX_COUNT = 100_000_000L;

    private static final int FIRST_DAY = (int) LocalDate.of(1966, 1, 1).toEpochDay();
    private static final int LAST_DAY = (int) LocalDate.of(2006, 12, 31).toEpochDay();
    private static final int DAYS = LAST_DAY - FIRST_DAY + 1;
    private static final int SERIALS = 10_000;
    private static final int[] YYMMDD = new int[DAYS];
    private static final boolean[] BORN_1900S = new boolean[DAYS];

    static {
        for (int d = 0; d < DAYS; d++) {
            LocalDate date = LocalDate.ofEpochDay(FIRST_DAY + d);
            YYMMDD[d] = (date.getYear() % 100) * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
            BORN_1900S[d] = date.getYear() < 2000;
        }
    }

    private final long seed;
    private final RegionModel[] regions;
    private final long[] populationCumulative;
    private final long populationTotal;

    public MemberGenerator(long seed, DemoForce force) {
        Objects.requireNonNull(force, "force");
        this.seed = seed;
        ReferenceRegions reference = force.reference();
        List<Region> regionList = reference.regions();
        this.regions = new RegionModel[regionList.size()];
        this.populationCumulative = new long[regionList.size()];
        long total = 0;
        for (int i = 0; i < regionList.size(); i++) {
            Region region = regionList.get(i);
            regions[i] = new RegionModel(region, reference.districtsOf(region.code()), force);
            total += Math.max(0, region.population());
            populationCumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalStateException("The reference regions have no population");
        }
        this.populationTotal = total;
    }

    public long seed() {
        return seed;
    }

    /**
     * Writes the header and {@code count} members as CSV (UTF-8 is the caller's choice of writer; ','
     * delimiter, LF line ends). Streams: nothing but the uniqueness bitmap grows with {@code count}. The
     * writer is flushed, not closed.
     */
    public void write(long count, Writer out) throws IOException {
        Iterator<GeneratedMember> members = iterator(count);
        Writer writer = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        StringBuilder line = new StringBuilder(256);
        char[] chars = new char[256];
        writer.write(HEADER);
        writer.write('\n');
        while (members.hasNext()) {
            line.setLength(0);
            appendCsv(members.next(), line);
            line.append('\n');
            int length = line.length();
            if (chars.length < length) {
                chars = new char[Math.max(length, 2 * chars.length)];
            }
            line.getChars(0, length, chars, 0);
            writer.write(chars, 0, length);
        }
        writer.flush();
    }

    /** The first {@code count} members of this seed, lazily, in the order {@link #write} writes them. */
    public Stream<GeneratedMember> stream(long count) {
        return StreamSupport.stream(Spliterators.spliterator(iterator(count), count,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /** The first {@code count} members of this seed as a fresh iterator (independent of other runs). */
    public Iterator<GeneratedMember> iterator(long count) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 0 and " + MAX_COUNT + ": " + count);
        }
        return new Run(count);
    }

    /** One member as a CSV line (no line end), with the columns of {@link #HEADER}. */
    public static String toCsvLine(GeneratedMember member) {
        StringBuilder line = new StringBuilder(256);
        appendCsv(member, line);
        return line.toString();
    }

    private static void appendCsv(GeneratedMember m, StringBuilder line) {
        field(line, m.iin()).append(',');
        field(line, m.lastName()).append(',');
        field(line, m.firstName()).append(',');
        field(line, m.middleName()).append(',');
        field(line, m.category()).append(',');
        field(line, m.phone()).append(',');
        field(line, m.email()).append(',');
        field(line, m.regionCode()).append(',');
        if (m.districtId() != null) {
            line.append(m.districtId().intValue());
        }
        line.append(',');
        field(line, m.unitCode()).append(',');
        coordinate(line, m.lat()).append(',');
        coordinate(line, m.lon()).append(',');
        field(line, m.language()).append(',');
        List<String> skills = m.skills();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < skills.size(); i++) {
            if (i > 0) {
                joined.append('|');
            }
            joined.append(skills.get(i));
        }
        field(line, joined.toString());
    }

    private static StringBuilder field(StringBuilder line, String value) {
        if (value == null || value.isEmpty()) {
            return line;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return line.append(value);
        }
        return line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /** Fixed five decimals, e.g. {@code 43.23639}. */
    private static StringBuilder coordinate(StringBuilder line, Double value) {
        if (value == null) {
            return line;
        }
        long scaled = Math.round(value * 100_000d);
        if (scaled < 0) {
            line.append('-');
            scaled = -scaled;
        }
        line.append(scaled / 100_000).append('.');
        String fraction = Long.toString(scaled % 100_000);
        for (int i = fraction.length(); i < 5; i++) {
            line.append('0');
        }
        return line.append(fraction);
    }

    private static double round5(double degrees) {
        return Math.round(degrees * 100_000d) / 100_000d;
    }

    /** A region prepared for fast sampling. */
    private static final class RegionModel {
        final String code;
        final double lat;
        final double lon;
        final District[] districts;
        final DemoUnit[] leaves;
        final int[] leafCumulative; // by number of positions, so members fill units in proportion
        final int leafTotal;

        RegionModel(Region region, List<District> districts, DemoForce force) {
            this.code = region.code();
            this.lat = region.lat();
            this.lon = region.lon();
            this.districts = districts.toArray(District[]::new);
            List<DemoUnit> leafUnits = new ArrayList<>();
            for (String unitCode : force.leafUnitCodes(region.code())) {
                leafUnits.add(force.unit(unitCode).orElseThrow());
            }
            this.leaves = leafUnits.toArray(DemoUnit[]::new);
            this.leafCumulative = new int[leaves.length];
            int total = 0;
            for (int i = 0; i < leaves.length; i++) {
                total += Math.max(1, leaves[i].positions().size());
                leafCumulative[i] = total;
            }
            this.leafTotal = total;
        }

        DemoUnit pickLeaf(SplittableRandom random) {
            int r = random.nextInt(leafTotal);
            for (int i = 0; i < leafCumulative.length; i++) {
                if (r < leafCumulative[i]) {
                    return leaves[i];
                }
            }
            return leaves[leaves.length - 1];
        }
    }

    /** One generation run: its own random state and IIN bitmap. */
    private final class Run implements Iterator<GeneratedMember> {
        private final SplittableRandom random = new SplittableRandom(seed);
        private final long count;
        private long produced;
        private BitSet usedIins;
        private final char[] iinDigits = new char[12];

        Run(long count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return produced < count;
        }

        @Override
        public GeneratedMember next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            produced++;
            return member();
        }

        private GeneratedMember member() {
            SplittableRandom r = random;
            boolean male = r.nextInt(100) < 85;
            String iin = iin(male);

            int origin = r.nextInt(100); // <65 Kazakh, <95 Russian, else Latin script
            int g = male ? 0 : 1;
            String lastName;
            String firstName;
            String middleName;
            String language;
            if (origin < 65) {
                lastName = pick(r, NamePools.KAZAKH_SURNAMES)[g];
                firstName = pick(r, male ? NamePools.KAZAKH_MALE_NAMES : NamePools.KAZAKH_FEMALE_NAMES);
                String[] father = pick(r, NamePools.KAZAKH_FATHERS);
                int style = r.nextInt(100);
                middleName = style < 50 ? father[0] + (male ? "ұлы" : "қызы") : style < 95 ? father[1 + g] : null;
                int l = r.nextInt(1000);
                language = l < 810 ? "kk" : l < 965 ? "ru" : "en";
            } else if (origin < 95) {
                lastName = pick(r, NamePools.RUSSIAN_SURNAMES)[g];
                firstName = pick(r, male ? NamePools.RUSSIAN_MALE_NAMES : NamePools.RUSSIAN_FEMALE_NAMES);
                String[] patronymic = pick(r, NamePools.RUSSIAN_PATRONYMICS);
                middleName = r.nextInt(100) < 97 ? patronymic[g] : null;
                int l = r.nextInt(1000);
                language = l < 150 ? "kk" : l < 950 ? "ru" : "en";
            } else {
                lastName = pick(r, NamePools.LATIN_SURNAMES)[g];
                firstName = pick(r, male ? NamePools.LATIN_MALE_NAMES : NamePools.LATIN_FEMALE_NAMES);
                String father = pick(r, NamePools.LATIN_FATHERS);
                middleName = r.nextBoolean() ? father + (male ? "uly" : "kyzy") : null;
                int l = r.nextInt(1000);
                language = l < 500 ? "kk" : l < 700 ? "ru" : "en";
            }

            int c = r.nextInt(100);
            String category = c < 70 ? "reservist" : c < 90 ? "volunteer" : "civil_defense";

            String phone = r.nextInt(100) < 95 ? phone(r) : null;
            String email = r.nextInt(100) < 40 ? email(r, firstName, lastName, iin) : null;

            RegionModel region = pickRegion(r);
            DemoUnit unit = region.leaves.length > 0 && r.nextInt(100) < 85 ? region.pickLeaf(r) : null;
            District district = null;
            if (region.districts.length > 0 && r.nextInt(100) < 70) {
                if (unit != null && unit.districtId() != null && r.nextInt(100) < 65) {
                    district = districtById(region, unit.districtId());
                }
                if (district == null) {
                    district = region.districts[r.nextInt(region.districts.length)];
                }
            }
            Double lat = null;
            Double lon = null;
            if (r.nextInt(100) < 80) {
                double baseLat;
                double baseLon;
                if (district != null) {
                    baseLat = district.lat();
                    baseLon = district.lon();
                } else if (unit != null) {
                    baseLat = unit.lat();
                    baseLon = unit.lon();
                } else {
                    baseLat = region.lat;
                    baseLon = region.lon;
                }
                lat = round5(baseLat + (r.nextDouble() * 0.2 - 0.1));
                lon = round5(baseLon + (r.nextDouble() * 0.2 - 0.1));
            }

            List<String> skills = skills(r);
            return new GeneratedMember(iin, lastName, firstName, middleName, category, phone, email, region.code,
                    district == null ? null : district.id(), unit == null ? null : unit.code(), lat, lon, language,
                    skills);
        }

        /** A unique valid IIN: birth date 1966–2006 (peaked around 1986), digit 7 by century and sex. */
        private String iin(boolean male) {
            if (usedIins == null) {
                usedIins = new BitSet(2 * DAYS * SERIALS);
            }
            SplittableRandom r = random;
            char[] d = iinDigits;
            while (true) {
                int day = (r.nextInt(DAYS) + r.nextInt(DAYS)) >>> 1;
                int serial = r.nextInt(SERIALS);
                int key = ((male ? 0 : DAYS) + day) * SERIALS + serial;
                if (usedIins.get(key)) {
                    continue;
                }
                usedIins.set(key);
                int date = YYMMDD[day];
                for (int i = 5; i >= 0; i--) {
                    d[i] = (char) ('0' + date % 10);
                    date /= 10;
                }
                int centurySex = (BORN_1900S[day] ? 3 : 5) + (male ? 0 : 1);
                d[6] = (char) ('0' + centurySex);
                int s = serial;
                for (int i = 10; i >= 7; i--) {
                    d[i] = (char) ('0' + s % 10);
                    s /= 10;
                }
                int check = Iin.checkDigit(new String(d, 0, 11));
                if (check < 0) {
                    continue; // a never-issued prefix; its key stays marked so it is not drawn again
                }
                d[11] = (char) ('0' + check);
                return new String(d);
            }
        }

        private RegionModel pickRegion(SplittableRandom r) {
            long x = r.nextLong(populationTotal);
            for (int i = 0; i < populationCumulative.length; i++) {
                if (x < populationCumulative[i]) {
                    return regions[i];
                }
            }
            return regions[regions.length - 1];
        }

        private District districtById(RegionModel region, int id) {
            for (District district : region.districts) {
                if (district.id() == id) {
                    return district;
                }
            }
            return null;
        }

        private String phone(SplittableRandom r) {
            String prefix = MOBILE_PREFIXES.get(r.nextInt(MOBILE_PREFIXES.size()));
            String digits = Integer.toString(r.nextInt(10_000_000));
            String n = "0000000".substring(digits.length()) + digits;
            int style = r.nextInt(100);
            if (style < 80) {
                return "+7" + prefix + n;
            } else if (style < 87) {
                return "8 " + prefix + " " + n.substring(0, 3) + " " + n.substring(3, 5) + " " + n.substring(5);
            } else if (style < 93) {
                return "+7 (" + prefix + ") " + n.substring(0, 3) + "-" + n.substring(3, 5) + "-" + n.substring(5);
            } else if (style < 97) {
                return "8" + prefix + n;
            } else {
                return "+7 " + prefix + " " + n.substring(0, 3) + " " + n.substring(3);
            }
        }

        private String email(SplittableRandom r, String firstName, String lastName, String iin) {
            String first = NamePools.transliterate(firstName);
            String last = NamePools.transliterate(lastName);
            String domain = EMAIL_DOMAINS.get(r.nextInt(EMAIL_DOMAINS.size()));
            int style = r.nextInt(4);
            String local = switch (style) {
                case 0 -> first + "." + last;
                case 1 -> first + "." + last + (r.nextInt(99) + 1);
                case 2 -> first.charAt(0) + last + iin.substring(0, 2);
                default -> last + "_" + first + (r.nextInt(900) + 100);
            };
            return local + "@" + domain;
        }

        private List<String> skills(SplittableRandom r) {
            int k = r.nextInt(100);
            int n = k < 30 ? 0 : k < 65 ? 1 : k < 90 ? 2 : 3;
            if (n == 0) {
                return List.of();
            }
            int mask = 0;
            while (Integer.bitCount(mask) < n) {
                mask |= 1 << r.nextInt(SKILLS.size());
            }
            List<String> picked = new ArrayList<>(n);
            for (int i = 0; i < SKILLS.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    picked.add(SKILLS.get(i));
                }
            }
            return picked;
        }

        private <T> T pick(SplittableRandom r, T[] values) {
            return values[r.nextInt(values.length)];
        }
    }
}
