package kz.qalqan.registry;

import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.registry.internal.OrgPaths;
import kz.qalqan.registry.internal.OrgRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The organisation of the force: reference regions and districts, and the unit tree with positions. */
@Service
@Transactional(readOnly = true)
public class OrgStructure {

    private final OrgRepository repository;
    private volatile List<Region> regions;
    private volatile List<District> districts;

    OrgStructure(OrgRepository repository) {
        this.repository = repository;
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

    public Unit unit(long id) {
        return repository.unit(id).orElseThrow(() -> UnitNotFoundException.forId(id));
    }

    public Optional<Unit> unitByCode(String code) {
        return repository.unitByCode(code);
    }

    public List<Unit> unitsOfRegion(String regionCode) {
        return repository.unitsOfRegion(regionCode);
    }

    public List<Unit> children(long unitId) {
        return repository.children(unitId);
    }

    public List<Unit> allUnits() {
        return repository.allUnits();
    }

    public long unitCount() {
        return repository.unitCount();
    }

    public List<Position> positions(long unitId) {
        return repository.positions(List.of(unitId));
    }

    public Optional<Position> position(long positionId) {
        return repository.position(positionId);
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
        Placement placement = placement(command, null);
        if (repository.unitCodeTaken(command.code(), null)) {
            throw new ConflictException("code", "unit code " + command.code() + " is already used");
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
        return unit(id);
    }

    @Transactional
    public Unit updateUnit(long id, UnitCommand command) {
        Unit existing = unit(id);
        if (repository.unitCodeTaken(command.code(), id)) {
            throw new ConflictException("code", "unit code " + command.code() + " is already used");
        }
        Placement placement = placement(command, existing);
        repository.updateUnit(id, command.code().trim(), command.name().trim(), command.type(), command.lat(), command.lon());
        String newPath = OrgPaths.unit(placement.parentPath(), id);
        if (!newPath.equals(existing.orgPath()) || !placement.regionCode().equals(existing.regionCode())) {
            repository.moveSubtree(existing.orgPath(), newPath, placement.regionCode(), placement.districtId(),
                    command.parentId(), id);
        }
        return unit(id);
    }

    @Transactional
    public void deleteUnit(long id) {
        unit(id);
        if (repository.hasChildrenOrMembers(id)) {
            throw new ConflictException(null, "unit has sub-units, members or assignment history; move or discharge them first");
        }
        repository.deleteUnit(id);
    }

    @Transactional
    public Position addPosition(long unitId, UnitCommand.PositionCommand command) {
        unit(unitId);
        long id = repository.insertPosition(unitId, command.title().trim(),
                command.requiredQualifications() == null ? List.of() : command.requiredQualifications(),
                command.medicalStandard() == null ? "FIT" : command.medicalStandard());
        return repository.position(id).orElseThrow();
    }

    private record Placement(String regionCode, Integer districtId, String parentPath) {
    }

    private Placement placement(UnitCommand command, Unit self) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.parentId() != null) {
            Optional<Unit> parent = repository.unit(command.parentId());
            if (parent.isEmpty()) {
                throw InvalidInputException.of("parentId", "no unit with id " + command.parentId());
            }
            if (self != null && parent.get().orgPath().startsWith(self.orgPath())) {
                throw InvalidInputException.of("parentId", "a unit cannot be placed under itself or its own sub-unit");
            }
            Unit p = parent.get();
            return new Placement(p.regionCode(), p.districtId(), p.orgPath());
        }
        Optional<Region> region = region(command.regionCode());
        if (region.isEmpty()) {
            problems.add(new FieldProblem("regionCode", command.regionCode() == null || command.regionCode().isBlank()
                    ? "is required when the unit has no parent" : "is not a known region code (see /api/regions)"));
            throw new InvalidInputException(problems);
        }
        if (command.districtId() != null) {
            Optional<District> district = district(command.districtId());
            if (district.isEmpty() || !district.get().regionCode().equals(region.get().code())) {
                throw InvalidInputException.of("districtId", "is not a district of region " + region.get().code());
            }
        }
        return new Placement(region.get().code(), command.districtId(),
                OrgPaths.area(region.get().code(), command.districtId()));
    }

    /** Codes → ids of all units, for bulk lookups. */
    public Map<String, Unit> unitsByCode() {
        return repository.allUnits().stream().collect(Collectors.toMap(u -> u.code().toLowerCase(java.util.Locale.ROOT), Function.identity()));
    }
}
