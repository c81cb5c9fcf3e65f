package kz.qalqan.demo;

import kz.qalqan.demo.internal.ReferenceRegions;
import kz.qalqan.demo.internal.ReferenceRegions.District;
import kz.qalqan.demo.internal.ReferenceRegions.Region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deterministic demo organisation, built from the reference regions and districts. Per region (all
 * 20, in file order): a TO battalion ({@code TO-75} for {@code KZ-75}) at the region centre; three
 * companies under it ({@code TO-75-1}..{@code TO-75-3}) placed in the region's first three districts when
 * the reference has districts for it, otherwise around the region centre; two platoons under each company
 * ({@code TO-75-1-1}, {@code TO-75-1-2}); and five region-level teams under the battalion: rescue
 * ({@code RT-75}), medical ({@code MT-75}), civil defense ({@code CD-75}), communications ({@code CT-75})
 * and logistics ({@code LT-75}). Parents always precede their children in {@link #units()}.
 */
public final class DemoForce {

    public static final String BATTALION = "BATTALION";
    public static final String COMPANY = "COMPANY";
    public static final String PLATOON = "PLATOON";
    public static final String RESCUE_TEAM = "RESCUE_TEAM";
    public static final String MEDICAL_TEAM = "MEDICAL_TEAM";
    public static final String CIVIL_DEFENSE_TEAM = "CIVIL_DEFENSE_TEAM";
    public static final String COMMUNICATIONS_TEAM = "COMMUNICATIONS_TEAM";
    public static final String LOGISTICS_TEAM = "LOGISTICS_TEAM";

    /** The qualification codes positions may require. */
    public static final List<String> QUALIFICATIONS = List.of(
            "first_aid", "combat_lifesaver", "driver_c", "driver_d", "driver_ce", "radio_operator", "rescuer",
            "cbrn_defense", "weapons_handling", "sapper", "land_navigation", "water_rescue", "mountain_rescue",
            "fitness_test", "instructor");

    static final int COMPANIES_PER_BATTALION = 3;
    static final int PLATOONS_PER_COMPANY = 2;

    private static final String FIT = "FIT";
    private static final String FIT_LIMITED = "FIT_LIMITED";

    /** Region-level teams: code prefix, type, Kazakh name suffix. */
    private static final String[][] TEAMS = {
            {"RT", RESCUE_TEAM, "құтқару тобы"},
            {"MT", MEDICAL_TEAM, "медициналық көмек тобы"},
            {"CD", CIVIL_DEFENSE_TEAM, "азаматтық қорғаныс тобы"},
            {"CT", COMMUNICATIONS_TEAM, "байланыс тобы"},
            {"LT", LOGISTICS_TEAM, "материалдық-техникалық қамтамасыз ету тобы"},
    };

    private static final Map<String, List<DemoPosition>> POSITIONS = positionsByType();

    private static volatile DemoForce standard;

    private final ReferenceRegions reference;
    private final List<DemoUnit> units;
    private final Map<String, DemoUnit> unitsByCode;
    private final Map<String, List<DemoUnit>> unitsByRegion;
    private final Map<String, List<String>> leafCodesByRegion;

    private DemoForce(ReferenceRegions reference) {
        this.reference = reference;
        List<DemoUnit> all = new ArrayList<>();
        for (Region region : reference.regions()) {
            all.addAll(buildRegion(region, reference.districtsOf(region.code())));
        }
        this.units = List.copyOf(all);
        Map<String, DemoUnit> byCode = new LinkedHashMap<>();
        Map<String, List<DemoUnit>> byRegion = new LinkedHashMap<>();
        Map<String, List<String>> leaves = new LinkedHashMap<>();
        for (Region region : reference.regions()) {
            byRegion.put(region.code(), new ArrayList<>());
            leaves.put(region.code(), new ArrayList<>());
        }
        for (DemoUnit unit : units) {
            if (byCode.put(unit.code(), unit) != null) {
                throw new IllegalStateException("Duplicate unit code " + unit.code());
            }
            byRegion.get(unit.regionCode()).add(unit);
            if (unit.isLeaf()) {
                leaves.get(unit.regionCode()).add(unit.code());
            }
        }
        byRegion.replaceAll((k, v) -> List.copyOf(v));
        leaves.replaceAll((k, v) -> List.copyOf(v));
        this.unitsByCode = Collections.unmodifiableMap(byCode);
        this.unitsByRegion = Collections.unmodifiableMap(byRegion);
        this.leafCodesByRegion = Collections.unmodifiableMap(leaves);
    }

    /** The standard demo force from the bundled reference data (loaded once, immutable). */
    public static DemoForce standard() {
        DemoForce force = standard;
        if (force == null) {
            synchronized (DemoForce.class) {
                force = standard;
                if (force == null) {
                    force = new DemoForce(ReferenceRegions.load());
                    standard = force;
                }
            }
        }
        return force;
    }

    /** All units, region by region in reference order, parents before children. */
    public List<DemoUnit> units() {
        return units;
    }

    /** The units of one region (parents before children); empty for an unknown region code. */
    public List<DemoUnit> unitsOf(String regionCode) {
        return unitsByRegion.getOrDefault(regionCode, List.of());
    }

    /** Codes of the region's platoons and teams, where generated members get assigned; empty when unknown. */
    public List<String> leafUnitCodes(String regionCode) {
        return leafCodesByRegion.getOrDefault(regionCode, List.of());
    }

    public Optional<DemoUnit> unit(String code) {
        return Optional.ofNullable(unitsByCode.get(code));
    }

    /** The 20 region codes in reference order. */
    public List<String> regionCodes() {
        return List.copyOf(unitsByRegion.keySet());
    }

    /** Total number of positions over all units. */
    public int positionCount() {
        return units.stream().mapToInt(u -> u.positions().size()).sum();
    }

    /** The reference data this force was built from (module-internal). */
    ReferenceRegions reference() {
        return reference;
    }

    private static List<DemoUnit> buildRegion(Region region, List<District> districts) {
        String number = region.code().substring(region.code().indexOf('-') + 1);
        String label = region.isCity() ? region.nameKk() + " қаласы" : region.nameKk();
        List<DemoUnit> units = new ArrayList<>();
        String battalionCode = "TO-" + number;
        units.add(new DemoUnit(battalionCode, label + " аумақтық қорғаныс батальоны", BATTALION, null, region.code(),
                null, round(region.lat()), round(region.lon()), POSITIONS.get(BATTALION)));
        for (int c = 1; c <= COMPANIES_PER_BATTALION; c++) {
            String companyCode = battalionCode + "-" + c;
            Integer districtId = null;
            double lat;
            double lon;
            if (c <= districts.size()) {
                District district = districts.get(c - 1);
                districtId = district.id();
                lat = district.lat();
                lon = district.lon();
            } else {
                // No district in the reference: spread the companies around the centre, ~4 km out.
                double angle = Math.toRadians(90 + 120 * (c - 1));
                lat = region.lat() + 0.04 * Math.sin(angle);
                lon = region.lon() + 0.04 * Math.cos(angle) / Math.cos(Math.toRadians(region.lat()));
            }
            units.add(new DemoUnit(companyCode, c + "-рота", COMPANY, battalionCode, region.code(), districtId,
                    round(lat), round(lon), POSITIONS.get(COMPANY)));
            for (int p = 1; p <= PLATOONS_PER_COMPANY; p++) {
                double shift = p == 1 ? 0.01 : -0.01;
                units.add(new DemoUnit(companyCode + "-" + p, p + "-взвод", PLATOON, companyCode, region.code(),
                        districtId, round(lat + shift), round(lon + shift), POSITIONS.get(PLATOON)));
            }
        }
        for (int t = 0; t < TEAMS.length; t++) {
            String[] team = TEAMS[t];
            double angle = Math.toRadians(72 * t);
            units.add(new DemoUnit(team[0] + "-" + number, label + " " + team[2], team[1], battalionCode,
                    region.code(), null,
                    round(region.lat() + 0.02 * Math.sin(angle)), round(region.lon() + 0.02 * Math.cos(angle)),
                    POSITIONS.get(team[1])));
        }
        return units;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 100_000d) / 100_000d;
    }

    private static Map<String, List<DemoPosition>> positionsByType() {
        Map<String, List<DemoPosition>> map = new LinkedHashMap<>();

        List<DemoPosition> battalion = new ArrayList<>();
        add(battalion, 1, "Батальон командирі", FIT, "land_navigation", "instructor");
        add(battalion, 1, "Батальон командирінің орынбасары", FIT, "land_navigation", "instructor");
        add(battalion, 1, "Штаб бастығы", FIT_LIMITED, "land_navigation");
        add(battalion, 1, "Жауынгерлік даярлық жөніндегі офицер", FIT, "instructor", "fitness_test", "weapons_handling");
        add(battalion, 1, "Қауіпсіздік жөніндегі офицер", FIT_LIMITED, "instructor", "first_aid");
        add(battalion, 1, "Медициналық қызмет бастығы", FIT_LIMITED, "first_aid", "combat_lifesaver", "instructor");
        add(battalion, 1, "Байланыс бастығы", FIT_LIMITED, "radio_operator");
        add(battalion, 1, "Тыл бастығы", FIT_LIMITED, "driver_c");
        add(battalion, 1, "Жеке құрам жөніндегі офицер", FIT_LIMITED);
        map.put(BATTALION, List.copyOf(battalion));

        List<DemoPosition> company = new ArrayList<>();
        add(company, 1, "Рота командирі", FIT, "land_navigation", "instructor");
        add(company, 1, "Рота командирінің орынбасары", FIT, "land_navigation", "weapons_handling");
        add(company, 1, "Рота старшинасы", FIT, "weapons_handling", "fitness_test");
        add(company, 1, "Санитарлық нұсқаушы", FIT, "first_aid", "combat_lifesaver");
        add(company, 1, "Рота жүргізушісі", FIT, "driver_c");
        map.put(COMPANY, List.copyOf(company));

        List<DemoPosition> platoon = new ArrayList<>();
        add(platoon, 1, "Взвод командирі", FIT, "land_navigation", "instructor");
        for (int s = 1; s <= 3; s++) {
            add(platoon, 1, s + "-бөлімше командирі", FIT, "weapons_handling", "land_navigation", "fitness_test");
            add(platoon, 1, "Пулеметші (" + s + "-бөлімше)", FIT, "weapons_handling", "fitness_test");
            add(platoon, 6, "Атқыш (" + s + "-бөлімше)", FIT, "weapons_handling", "fitness_test");
        }
        add(platoon, 1, "Жүргізуші", FIT, "driver_c");
        add(platoon, 1, "Радиотелефоншы", FIT, "radio_operator");
        add(platoon, 1, "Взвод санитары", FIT, "combat_lifesaver", "first_aid");
        map.put(PLATOON, List.copyOf(platoon));

        List<DemoPosition> rescue = new ArrayList<>();
        add(rescue, 1, "Құтқару тобының бастығы", FIT, "rescuer", "instructor", "first_aid");
        add(rescue, 2, "Аға құтқарушы", FIT, "rescuer", "first_aid", "fitness_test");
        add(rescue, 5, "Құтқарушы", FIT, "rescuer", "first_aid", "fitness_test");
        add(rescue, 2, "Құтқарушы-сүңгуір", FIT, "rescuer", "water_rescue");
        add(rescue, 1, "Құтқарушы-альпинист", FIT, "rescuer", "mountain_rescue");
        add(rescue, 1, "Арнайы техника жүргізушісі", FIT, "driver_ce");
        map.put(RESCUE_TEAM, List.copyOf(rescue));

        List<DemoPosition> medical = new ArrayList<>();
        add(medical, 1, "Медициналық топтың бастығы", FIT_LIMITED, "first_aid", "instructor");
        add(medical, 1, "Дәрігер", FIT_LIMITED, "first_aid");
        add(medical, 3, "Фельдшер", FIT, "first_aid", "combat_lifesaver");
        add(medical, 2, "Мейірбике", FIT_LIMITED, "first_aid");
        add(medical, 2, "Санитар", FIT, "first_aid", "combat_lifesaver");
        add(medical, 1, "Санитарлық көлік жүргізушісі", FIT, "driver_c", "first_aid");
        map.put(MEDICAL_TEAM, List.copyOf(medical));

        List<DemoPosition> civil = new ArrayList<>();
        add(civil, 1, "Азаматтық қорғаныс тобының бастығы", FIT, "cbrn_defense", "instructor");
        add(civil, 3, "Радиациялық-химиялық барлаушы", FIT, "cbrn_defense", "land_navigation");
        add(civil, 2, "Залалсыздандыру маманы", FIT, "cbrn_defense");
        add(civil, 2, "Сапер", FIT, "sapper", "cbrn_defense");
        add(civil, 2, "Құтқарушы", FIT, "rescuer", "first_aid");
        add(civil, 1, "Эвакуация жөніндегі маман", FIT_LIMITED, "first_aid");
        add(civil, 1, "Жүргізуші", FIT, "driver_c");
        map.put(CIVIL_DEFENSE_TEAM, List.copyOf(civil));

        List<DemoPosition> comms = new ArrayList<>();
        add(comms, 1, "Байланыс тобының бастығы", FIT, "radio_operator", "instructor");
        add(comms, 1, "Аға радиотелефоншы", FIT, "radio_operator", "land_navigation");
        add(comms, 4, "Радиотелефоншы", FIT, "radio_operator");
        add(comms, 2, "Байланыс желілерінің монтері", FIT, "radio_operator", "fitness_test");
        add(comms, 1, "Жүргізуші", FIT, "driver_c");
        map.put(COMMUNICATIONS_TEAM, List.copyOf(comms));

        List<DemoPosition> logistics = new ArrayList<>();
        add(logistics, 1, "Материалдық-техникалық қамтамасыз ету тобының бастығы", FIT_LIMITED, "driver_c", "instructor");
        add(logistics, 1, "Қойма меңгерушісі", FIT_LIMITED);
        add(logistics, 2, "Аспазшы", FIT_LIMITED);
        add(logistics, 4, "Жүргізуші", FIT, "driver_c");
        add(logistics, 2, "Автопойыз жүргізушісі", FIT, "driver_ce");
        add(logistics, 1, "Автобус жүргізушісі", FIT, "driver_d");
        add(logistics, 1, "Жөндеуші-механик", FIT_LIMITED, "driver_c");
        map.put(LOGISTICS_TEAM, List.copyOf(logistics));

        return Collections.unmodifiableMap(map);
    }

    private static void add(List<DemoPosition> positions, int count, String title, String medicalStandard,
                            String... qualifications) {
        for (String q : qualifications) {
            if (!QUALIFICATIONS.contains(q)) {
                throw new IllegalStateException("Unknown qualification " + q);
            }
        }
        DemoPosition position = new DemoPosition(title, List.of(qualifications), medicalStandard);
        for (int i = 0; i < count; i++) {
            positions.add(position);
        }
    }
}
