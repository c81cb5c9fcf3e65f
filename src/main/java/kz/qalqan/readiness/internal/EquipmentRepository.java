package kz.qalqan.readiness.internal;

import kz.qalqan.readiness.EquipmentLine;
import kz.qalqan.readiness.ItemType;
import kz.qalqan.readiness.UnitEquipment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Equipment lines per unit and item type. */
@Repository
public class EquipmentRepository {

    private final JdbcClient jdbc;

    public EquipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UnitEquipment of(long unitId) {
        record Row(EquipmentLine line, String by, Instant at) {
        }
        List<Row> rows = jdbc.sql("""
                        select item_type, authorised, on_hand, serviceable, next_inspection_due, updated_by, updated_at
                        from readiness.equipment where unit_id = ? order by item_type""")
                .param(unitId)
                .query((rs, i) -> new Row(new EquipmentLine(ItemType.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getObject(5, LocalDate.class)), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
        Row latest = rows.stream().max(java.util.Comparator.comparing(Row::at)).orElse(null);
        return new UnitEquipment(unitId, rows.stream().map(Row::line).toList(), latest == null ? null : latest.by(),
                latest == null ? null : latest.at());
    }

    public void replace(long unitId, List<EquipmentLine> lines, String actor, Instant at) {
        jdbc.sql("delete from readiness.equipment where unit_id = ?").param(unitId).update();
        for (EquipmentLine l : lines) {
            jdbc.sql("""
                    insert into readiness.equipment (unit_id, item_type, authorised, on_hand, serviceable, next_inspection_due,
                                                     updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(unitId, l.type().name(), l.authorised(), l.onHand(), l.serviceable(),
                            l.nextInspectionDue() == null ? null : Date.valueOf(l.nextInspectionDue()), actor, Timestamp.from(at))
                    .update();
        }
    }
}
