package kz.qalqan.registry;

import java.util.List;

/** A unit with its positions and sub-units, as answered by {@code GET /api/units/{id}/tree}. */
public record UnitNode(long id, String code, String name, UnitType type, String regionCode, Integer districtId,
                       int memberCount, List<Position> positions, List<UnitNode> children) {
}
