package kz.qalqan.registry.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers {@link OrgLookup} questions with one small query each; for single-member writes. */
@Component
public class DatabaseOrgLookup implements OrgLookup {

    private final JdbcClient jdbc;

    public DatabaseOrgLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean regionExists(String code) {
        return jdbc.sql("select exists(select 1 from registry.region where code = ?)").param(code).query(Boolean.class).single();
    }

    @Override
    public Optional<String> districtRegion(int districtId) {
        return jdbc.sql("select region_code from registry.district where id = ?").param(districtId).query(String.class).optional();
    }

    @Override
    public Optional<UnitRef> unit(long unitId) {
        return jdbc.sql("select id, code, org_path, region_code from registry.unit where id = ?").param(unitId)
                .query((rs, i) -> new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The same lookup, answering only for units the visibility covers (others are unknown). */
    public OrgLookup within(Visibility visibility) {
        DatabaseOrgLookup all = this;
        return new OrgLookup() {
            @Override
            public boolean regionExists(String code) {
                return all.regionExists(code);
            }

            @Override
            public Optional<String> districtRegion(int districtId) {
                return all.districtRegion(districtId);
            }

            @Override
            public Optional<UnitRef> unit(long unitId) {
                return all.unit(unitId).filter(u -> visibility.covers(u.orgPath()));
            }

            @Override
            public Optional<Long> positionUnit(long positionId) {
                return all.positionUnit(positionId);
            }
        };
    }

    @Override
    public Optional<Long> positionUnit(long positionId) {
        return jdbc.sql("select unit_id from registry.position where id = ?").param(positionId).query(Long.class).optional();
    }
}
