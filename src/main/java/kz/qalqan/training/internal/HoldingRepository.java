package kz.qalqan.training.internal;

import kz.qalqan.training.QualificationHoldings;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** Holdings per member and code: the longest-lasting award that was not revoked (null expiry = never). */
@Repository
public class HoldingRepository {

    private static final String HOLDINGS = """
            select member_id, qualification_code,
                   case when bool_or(expires_on is null) then null else max(expires_on) end
            from training.member_qualification
            where revoked_at is null %s
            group by member_id, qualification_code""";

    private final JdbcClient jdbc;

    public HoldingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<QualificationHoldings.Holding> of(long memberId) {
        return jdbc.sql(HOLDINGS.formatted("and member_id = ?")).param(memberId).query(HOLDING).list();
    }

    public void each(Consumer<QualificationHoldings.Holding> sink) {
        jdbc.sql(HOLDINGS.formatted("")).query(rs -> { sink.accept(HOLDING.mapRow(rs, 0)); });
    }

    private static final RowMapper<QualificationHoldings.Holding> HOLDING = (rs, i) -> new QualificationHoldings.Holding(
            rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class));
}
