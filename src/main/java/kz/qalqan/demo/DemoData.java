package kz.qalqan.demo;

import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.ImportReport;
import kz.qalqan.registry.MemberImport;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.registry.UnitCommand;
import kz.qalqan.registry.UnitType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Puts the demo force into the register: its units (once), and generated members through the import. */
@Service
public class DemoData {

    /** Serialises seeding across nodes that start at the same time on one database. */
    private static final long SEED_LOCK = 0x51414c51414e01L;

    private final OrgStructure org;
    private final MemberImport imports;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DemoData(OrgStructure org, MemberImport imports, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.org = org;
        this.imports = imports;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Creates the demo units (with positions) when the register has no unit yet.
     *
     * @return the number of units created, zero when units already existed
     */
    public int ensureUnits() {
        Integer created = transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query().singleRow();
            if (org.unitCount() > 0) {
                return 0;
            }
            Map<String, Long> ids = new HashMap<>();
            for (DemoUnit u : DemoForce.standard().units()) {
                Long parent = u.parentCode() == null ? null : ids.get(u.parentCode());
                Unit unit = org.createUnit(new UnitCommand(u.code(), u.name(), UnitType.valueOf(u.type()),
                        parent == null ? u.regionCode() : null, parent == null ? u.districtId() : null, parent,
                        u.lat(), u.lon(), u.positions().stream()
                        .map(p -> new UnitCommand.PositionCommand(p.title(), p.requiredQualifications(), p.medicalStandard()))
                        .toList()));
                ids.put(u.code(), unit.id());
            }
            return ids.size();
        });
        return created == null ? 0 : created;
    }

    /** Generates {@code count} members with the given seed and imports the valid ones. */
    public ImportReport seedMembers(int count, long seed) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new MemberGenerator(seed, DemoForce.standard()).write(count, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports.importMembers(new ByteArrayInputStream(bytes.toByteArray()), ImportMode.ACCEPT_VALID, "demo",
                "demo-members.csv");
    }
}
