package kz.qalqan.registry;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.registry.internal.OrgPaths;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.internal.OrgRepository;
import kz.qalqan.registry.internal.Visibility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The organisation of the force: reference regions and districts, and the unit tree with positions. */
@Service
@Transactional(readOnly = true)
public class OrgStructure {

    private final OrgRepository repository;
    private final CurrentCaller caller;
    private volatile List<Region> regions;
    private volatile List<District> districts;

    private final AuditTrail audit;

    OrgStructure(OrgRepository repository, CurrentCaller caller, AuditTrail audit) {
        this.repository = repository;
        this.caller = caller;
        this.audit = audit;
    }

    private Visibility reading() {
        return Visibility.toRead(caller.get());
    }

    private Visibility writing() {
        return Visibility.toWrite(caller.get());
    }

    public List<Region> regions() {
        if (regions == null) {
            regions = List.copyOf(repository.regions());
        }
        return regions;
    }

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : regions().stream().filter(r -> r.code().equalsIgnoreCase(code.trim())).findFirst();
    }

    public List<District> districts() {
        if (districts == null) {
            districts = List.copyOf(repository.districts());
        }
        return districts;
    }

    public List<District> districts(String regionCode) {
        return districts().stream().filter(d -> d.regionCode().equals(regionCode)).toList();
    }

    public Optional<District> district(int id) {
        return districts().stream().filter(d -> d.id() == id).findFirst();
    }

    /** A unit the caller may see; out-of-scope units are as absent as missing ones. */
    public Unit unit(long id) {
        return repository.unit(id, reading()).orElseThrow(() -> UnitNotFoundException.forId(id));
    }

    public Optional<Unit> unitByCode(String code) {
        return repository.unitByCode(code).filter(u -> reading().covers(u.orgPath()));
    }

    public List<Unit> unitsOfRegion(String regionCode) {
        return repository.unitsOfRegion(regionCode, reading());
    }

    public List<Unit> children(long unitId) {
        return repository.children(unitId, reading());
    }

    public List<Unit> allUnits() {
        return repository.allUnits(reading());
    }

    /** All units in the register, whoever asks: for seeding, never for showing. */
    public long unitCount() {
        return repository.unitCount(new Visibility(kz.qalqan.shared.Scope.everything(), null));
    }

    /** Units the caller may see. */
    public long visibleUnitCount() {
        return repository.unitCount(reading());
    }

    public List<Position> positions(long unitId) {
        unit(unitId);
        return repository.positions(List.of(unitId));
    }

    /** The unit with its positions and every sub-unit below it. */
    public UnitNode tree(long unitId) {
        Unit root = unit(unitId);
        List<Unit> units = repository.subtree(root.orgPath());
        Map<Long, List<Position>> positions = repository.positions(units.stream().map(Unit::id).toList()).stream()
                .collect(Collectors.groupingBy(Position::unitId));
        Map<Long, List<Unit>> byParent = new HashMap<>();
        units.forEach(u -> {
            if (u.parentId() != null) {
                byParent.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        });
        return node(root, byParent, positions);
    }

    private UnitNode node(Unit unit, Map<Long, List<Unit>> byParent, Map<Long, List<Position>> positions) {
        List<UnitNode> children = byParent.getOrDefault(unit.id(), List.of()).stream()
                .map(child -> node(child, byParent, positions)).toList();
        return new UnitNode(unit.id(), unit.code(), unit.name(), unit.type(), unit.regionCode(), unit.districtId(),
                unit.memberCount(), positions.getOrDefault(unit.id(), List.of()), children);
    }

    @Transactional
    public Unit createUnit(UnitCommand command) {
        limits(command);
        Placement placement = placement(command, null);
        if (repository.unitCodeTaken(command.code(), null)) {
            throw ConflictException.coded("code", "registry.unit.codeTaken", command.code().trim());
        }
        long id = repository.nextUnitId();
        String path = OrgPaths.unit(placement.parentPath(), id);
        repository.insertUnit(id, command.code().trim(), command.name().trim(), command.type(), placement.regionCode(),
                placement.districtId(), command.parentId(), path, command.lat(), command.lon());
        if (command.positions() != null) {
            command.positions().forEach(p -> repository.insertPosition(id, p.title().trim(),
                    p.requiredQualifications() == null ? List.of() : p.requiredQualifications(),
                    p.medicalStandard() == null ? "FIT" : p.medicalStandard()));
        }
        audit.record("UNIT_CREATE", "unit", Long.toString(id), path, null, command.code());
        return unit(id);
    }

    @Transactional
    public Unit updateUnit(long id, UnitCommand command) {
        limits(command);
        Unit existing = writableUnit(id);
        if (repository.unitCodeTaken(command.code(), id)) {
            throw ConflictException.coded("code", "registry.unit.codeTaken", command.code().trim());
        }
        Placement placement = placement(command, existing);
        repository.updateUnit(id, command.code().trim(), command.name().trim(), command.type(), command.lat(), command.lon());
        String newPath = OrgPaths.unit(placement.parentPath(), id);
        if (!newPath.equals(existing.orgPath()) || !placement.regionCode().equals(existing.regionCode())) {
            repository.moveSubtree(existing.orgPath(), newPath, placement.regionCode(), placement.districtId(),
                    command.parentId(), id);
        }
        audit.record("UNIT_UPDATE", "unit", Long.toString(id), newPath, null,
                newPath.equals(existing.orgPath()) ? null : "moved from " + existing.orgPath());
        return unit(id);
    }

    @Transactional
    public void deleteUnit(long id) {
        Unit unit = writableUnit(id);
        if (repository.hasChildrenOrMembers(id)) {
            throw ConflictException.coded(null, "registry.unit.notEmpty");
        }
        repository.deleteUnit(id);
        audit.record("UNIT_DELETE", "unit", Long.toString(id), unit.orgPath(), null, unit.code());
    }

    /** The caps on a unit command's lists, refused at once. */
    private static void limits(UnitCommand command) {
        ListLimit.require("positions", command.positions(), UnitCommand.MAX_POSITIONS);
        if (command.positions() != null) {
            for (int i = 0; i < command.positions().size(); i++) {
                UnitCommand.PositionCommand p = command.positions().get(i);
                ListLimit.require("positions[" + i + "].requiredQualifications",
                        p == null ? null : p.requiredQualifications(), UnitCommand.MAX_QUALIFICATIONS);
            }
        }
    }

    @Transactional
    public Position addPosition(long unitId, UnitCommand.PositionCommand command) {
        ListLimit.require("requiredQualifications", command.requiredQualifications(), UnitCommand.MAX_QUALIFICATIONS);
        Unit unit = writableUnit(unitId);
        long id = repository.insertPosition(unitId, command.title().trim(),
                command.requiredQualifications() == null ? List.of() : command.requiredQualifications(),
                command.medicalStandard() == null ? "FIT" : command.medicalStandard());
        audit.record("POSITION_CREATE", "position", Long.toString(id), unit.orgPath(), null, "unit " + unitId);
        return repository.position(id).orElseThrow();
    }

    private record Placement(String regionCode, Integer districtId, String parentPath) {
    }

    /** Visible but outside the caller's write scope is refused; invisible is not found. */
    private Unit writableUnit(long id) {
        Unit unit = unit(id);
        if (!writing().covers(unit.orgPath())) {
            throw kz.qalqan.platform.ForbiddenException.coded("registry.unit.outsideArea");
        }
        return unit;
    }

    private Placement placement(UnitCommand command, Unit self) {
        if (command.parentId() != null) {
            Optional<Unit> parent = repository.unit(command.parentId(), reading());
            if (parent.isEmpty()) {
                throw InvalidInputException.coded("parentId", "registry.unit.unknown", command.parentId().toString());
            }
            if (self != null && parent.get().orgPath().startsWith(self.orgPath())) {
                throw InvalidInputException.coded("parentId", "registry.unit.underItself");
            }
            Unit p = parent.get();
            if (!writing().covers(p.orgPath())) {
                throw InvalidInputException.coded("parentId", "registry.area.outside");
            }
            return new Placement(p.regionCode(), p.districtId(), p.orgPath());
        }
        Optional<Region> region = region(command.regionCode());
        if (region.isEmpty()) {
            throw command.regionCode() == null || command.regionCode().isBlank()
                    ? InvalidInputException.coded("regionCode", "registry.unit.regionRequired")
                    : InvalidInputException.coded("regionCode", "registry.region.unknown", command.regionCode().trim());
        }
        if (command.districtId() != null) {
            Optional<District> district = district(command.districtId());
            if (district.isEmpty() || !district.get().regionCode().equals(region.get().code())) {
                throw InvalidInputException.coded("districtId", "registry.district.notInRegion", command.districtId().toString(),
                        region.get().code());
            }
        }
        String area = OrgPaths.area(region.get().code(), command.districtId());
        if (!writing().covers(area)) {
            throw InvalidInputException.coded(command.districtId() == null ? "regionCode" : "districtId",
                    "registry.area.outside");
        }
        return new Placement(region.get().code(), command.districtId(), area);
    }

}
