package kz.qalqan.registry;

import kz.qalqan.registry.internal.PlacementRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where units, positions and members sit in the tree, for modules that keep a read model of it (readiness), and
 * who lives in an area (emergency accountability). Not scoped and not audited: it carries no personal data beyond
 * ids, paths and home coordinates, and its callers apply their
 * own scope before showing anything. Bulk methods stream rows so that a national force fits in memory.
 */
@Service
@Transactional(readOnly = true)
public class Placements {

    /** A unit's place in the tree. */
    public record UnitPlacement(long id, Long parentId, String orgPath, String regionCode, Integer districtId,
                                String code, String name) {
    }

    /** A position and what it requires. */
    public record PositionPlacement(long id, long unitId, List<String> requiredQualifications, String medicalStandard) {
    }

    /** A member's unit, position and whether they are ACTIVE. */
    public record MemberPlacement(long memberId, Long unitId, Long positionId, boolean active, String orgPath) {
    }

    /**
     * An ACTIVE member's place and home (the last known location the registry holds), for modules that must
     * find everyone living in an area (emergency accountability).
     */
    public record Resident(long memberId, String orgPath, String regionCode, Integer districtId, Long unitId,
                           Double lat, Double lon) {
    }

    /** A latitude/longitude box, in WGS 84 degrees. */
    public record Box(double minLat, double minLon, double maxLat, double maxLon) {
    }

    /**
     * Where a member lives and serves, for the emergency module's candidate index: home coordinates (null when not
     * recorded), the unit's type and the member's name (shown in force selections, which apply their own scope).
     */
    public record MemberLocation(long memberId, String lastName, String firstName, Double lat, Double lon,
                                 String regionCode, Integer districtId, Long unitId, String unitType, String unitName, Long positionId,
                                 boolean active, String orgPath) {
    }

    private final PlacementRepository repository;

    Placements(PlacementRepository repository) {
        this.repository = repository;
    }

    public Optional<UnitPlacement> unit(long unitId) {
        return repository.unit(unitId);
    }

    public List<PositionPlacement> positions(long unitId) {
        return repository.positions(unitId);
    }

    public Optional<MemberPlacement> member(long memberId) {
        return repository.member(memberId);
    }

    public List<MemberPlacement> membersOfUnit(long unitId) {
        return repository.membersOfUnit(unitId);
    }

    public Optional<MemberLocation> location(long memberId) {
        return repository.location(memberId);
    }

    public void eachLocation(Consumer<MemberLocation> sink) {
        repository.eachLocation(sink);
    }

    public void eachUnit(Consumer<UnitPlacement> sink) {
        repository.eachUnit(sink);
    }

    public void eachPosition(Consumer<PositionPlacement> sink) {
        repository.eachPosition(sink);
    }

    public void eachMember(Consumer<MemberPlacement> sink) {
        repository.eachMember(sink);
    }

    /**
     * ACTIVE members whose region is one of {@code regionCodes}, whose district is one of {@code districtIds}, or
     * whose home lies in one of {@code boxes}; streamed. A system query: not scoped, not audited, so the caller
     * keeps the result to itself and applies scope before showing anything.
     */
    public void eachResident(java.util.Collection<String> regionCodes, java.util.Collection<Integer> districtIds,
                             List<Box> boxes, Consumer<Resident> sink) {
        repository.eachResident(regionCodes, districtIds, boxes, sink);
    }
}
