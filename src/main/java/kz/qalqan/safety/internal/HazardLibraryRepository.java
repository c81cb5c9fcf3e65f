package kz.qalqan.safety.internal;

import kz.qalqan.safety.HazardTemplate;
import kz.qalqan.safety.Probability;
import kz.qalqan.safety.RiskMatrix;
import kz.qalqan.safety.Severity;
import kz.qalqan.shared.ActivityType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The seeded hazard library (reference data, no personal data, read by anyone signed in). */
@Repository
public class HazardLibraryRepository {

    private final JdbcClient jdbc;

    public HazardLibraryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HazardTemplate> forActivity(ActivityType type) {
        return jdbc.sql("select * from safety.hazard_template where activity_type = ? order by position")
                .param(type.name()).query((rs, i) -> template(rs)).list();
    }

    public List<HazardTemplate> all() {
        return jdbc.sql("select * from safety.hazard_template order by activity_type, position")
                .query((rs, i) -> template(rs)).list();
    }

    public Optional<HazardTemplate> find(String code) {
        return jdbc.sql("select * from safety.hazard_template where code = ?").param(code)
                .query((rs, i) -> template(rs)).optional();
    }

    private static HazardTemplate template(ResultSet rs) throws SQLException {
        Probability p = Probability.valueOf(rs.getString("probability"));
        Severity s = Severity.valueOf(rs.getString("severity"));
        return new HazardTemplate(rs.getString("code"), ActivityType.valueOf(rs.getString("activity_type")),
                rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en"), p, s, RiskMatrix.level(p, s),
                strings(rs, "controls_kk"), strings(rs, "controls_ru"), strings(rs, "controls_en"));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
