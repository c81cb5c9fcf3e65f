package kz.qalqan.registry.internal;

import java.util.Optional;

/** What member validation needs to know about the organisation, answerable from memory during an import. */
public interface OrgLookup {

    boolean regionExists(String code);

    /** The region a district belongs to. */
    Optional<String> districtRegion(int districtId);

    Optional<UnitRef> unit(long unitId);

    /** A position's unit id. */
    Optional<Long> positionUnit(long positionId);

    record UnitRef(long id, String code, String orgPath, String regionCode) {
    }
}
