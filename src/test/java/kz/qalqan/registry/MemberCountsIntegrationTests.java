package kz.qalqan.registry;

import kz.qalqan.platform.FieldProblem;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The small queries the web pages need from the register: members per region, and checking a form. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberCountsIntegrationTests {

    @Autowired
    MemberDirectory members;

    static MemberCommand member(String iin, String region) {
        return new MemberCommand(iin, "Әбілқасымова", "Гүлнар", null, "volunteer", null, null, region, null, null, null,
                null, null, "kk", List.of(), null, null, null);
    }

    @Test
    void countsMembersPerRegionInOneQuery() {
        Map<String, Long> before = members.countsByRegion();

        members.register(member(TestIins.random(), "KZ-71"), "test");
        members.register(member(TestIins.random(), "KZ-71"), "test");
        members.register(member(TestIins.random(), "KZ-35"), "test");

        Map<String, Long> after = members.countsByRegion();
        assertThat(after.get("KZ-71")).isEqualTo(before.getOrDefault("KZ-71", 0L) + 2);
        assertThat(after.get("KZ-35")).isEqualTo(before.getOrDefault("KZ-35", 0L) + 1);
        assertThat(after.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(members.count());
        assertThat(after.keySet()).allMatch(code -> code.matches("KZ-\\d{2}"));
    }

    @Test
    void listsTheProblemsOfACommandWithoutSavingIt() {
        String iin = TestIins.random();
        MemberCommand bad = new MemberCommand(iin, "", "Гүлнар", null, "soldier", null, null, "KZ-71", null, null, null,
                null, null, "kk", List.of(), null, null, null);

        List<FieldProblem> problems = members.problems(bad);

        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder("lastName", "category");
        assertThat(members.problems(member(iin, "KZ-71"))).isEmpty();
        assertThat(members.search(new MemberSearch(iin, null, null, false, null, null, 10, null)).items()).isEmpty();
    }
}
