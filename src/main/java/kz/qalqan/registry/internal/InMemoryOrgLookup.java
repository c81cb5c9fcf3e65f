package kz.qalqan.registry.internal;

import kz.qalqan.registry.District;
import kz.qalqan.registry.Region;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The organisation loaded once per import, so that a million rows are checked without a query each. */
final class InMemoryOrgLookup implements OrgLookup {

    private final Set<String> regions;
    private final Map<Integer, String> districtRegions;
    private final Map<String, Integer> districtsByName;
    private final Map<Long, UnitRef> unitsById;
    private final Map<String, UnitRef> unitsByCode;

    InMemoryOrgLookup(List<Region> regions, List<District> districts, List<UnitRef> units) {
        this.regions = regions.stream().map(Region::code).collect(Collectors.toUnmodifiableSet());
        this.districtRegions = districts.stream().collect(Collectors.toMap(District::id, District::regionCode));
        this.districtsByName = new HashMap<>();
        for (District d : districts) {
            for (String name : List.of(d.nameKk(), d.nameRu(), d.nameEn())) {
                if (name != null) {
                    districtsByName.putIfAbsent(key(d.regionCode(), name), d.id());
                }
            }
        }
        this.unitsById = new HashMap<>();
        this.unitsByCode = new HashMap<>();
        for (UnitRef ref : units) {
            unitsById.put(ref.id(), ref);
            unitsByCode.put(ref.code().toLowerCase(Locale.ROOT), ref);
        }
    }

    private static String key(String region, String name) {
        return region + "|" + name.trim().toLowerCase(Locale.ROOT);
    }

    Optional<Integer> districtByName(String region, String name) {
        return Optional.ofNullable(districtsByName.get(key(region, name)));
    }

    Optional<UnitRef> unitByCode(String code) {
        return Optional.ofNullable(unitsByCode.get(code.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean regionExists(String code) {
        return regions.contains(code);
    }

    @Override
    public Optional<String> districtRegion(int districtId) {
        return Optional.ofNullable(districtRegions.get(districtId));
    }

    @Override
    public Optional<UnitRef> unit(long unitId) {
        return Optional.ofNullable(unitsById.get(unitId));
    }

    @Override
    public Optional<Long> positionUnit(long positionId) {
        return Optional.empty();
    }
}
