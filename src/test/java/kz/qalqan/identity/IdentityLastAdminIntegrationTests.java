package kz.qalqan.identity;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last active national administrator stays. Runs in the sign-in tests' context rather than the shared
 * default one, because it has to disable every other national administrator of its database first.
 */
class IdentityLastAdminIntegrationTests extends SignInTestSupport {

    static Map<String, Object> grant(String role, String scope) {
        return Map.of("role", role, "scope", scope);
    }

    static Map<String, Object> changes(JsonNode user, String status, List<Map<String, Object>> grants) {
        Map<String, Object> c = new HashMap<>();
        c.put("displayName", user.get("displayName").asString());
        c.put("language", user.get("language").asString());
        c.put("status", status);
        c.put("grants", grants);
        return c;
    }

    @Test
    void protectsTheLastActiveNationalAdministrator() {
        // make the bootstrap admin the only active national ADMIN of this context's database: only identity's
        // sign-in tests share it, they run one at a time, and none keeps a national ADMIN of its own
        for (JsonNode u : admin.get("/api/users").json()) {
            boolean nationalAdmin = false;
            for (JsonNode g : u.get("grants")) {
                nationalAdmin |= g.get("role").asString().equals("ADMIN") && g.get("orgPath").asString().isEmpty();
            }
            if (nationalAdmin && !u.get("username").asString().equals("admin") && u.get("status").asString().equals("ACTIVE")) {
                assertThat(admin.putJson("/api/users/" + u.get("id").asLong(), changes(u, "DISABLED", List.of(grant("AUDITOR", "KZ"))))
                        .status()).isEqualTo(200);
            }
        }
        JsonNode self = admin.get("/api/users/me").json().get("account");
        long adminId = self.get("id").asLong();

        var delete = admin.delete("/api/users/" + adminId);
        var disable = admin.putJson("/api/users/" + adminId, changes(self, "DISABLED", List.of(grant("ADMIN", "KZ"))));
        var demote = admin.putJson("/api/users/" + adminId, changes(self, "ACTIVE", List.of(grant("ADMIN", "KZ-75"))));

        assertThat(delete.status()).as(delete.toString()).isEqualTo(409);
        assertThat(delete.json().get("code").asString()).isEqualTo("identity.admin.last");
        assertThat(delete.json().get("args").get(0).asString()).isEqualTo("admin");
        assertThat(delete.json().get("detail").asString()).as("in the administrator's language, Kazakh")
                .contains("соңғы белсенді ұлттық әкімші");
        assertThat(disable.json().get("errors").get(0).get("code").asString()).isEqualTo("identity.admin.last");
        assertThat(disable.status()).as(disable.toString()).isEqualTo(409);
        assertThat(disable.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(demote.status()).as(demote.toString()).isEqualTo(409);
        assertThat(demote.json().get("errors").get(0).get("field").asString()).isEqualTo("grants");
        assertThat(admin.get("/api/users/me").status()).isEqualTo(200);

        // with a second national administrator, the first one's changes go through again (the second is demoted)
        JsonNode second = createUser(uniqueName("deputy"), "ADMIN", "KZ");
        var demoteSecond = admin.putJson("/api/users/" + second.get("id").asLong(),
                changes(second, "ACTIVE", List.of(grant("ADMIN", "KZ-75"))));
        assertThat(demoteSecond.status()).as(demoteSecond.toString()).isEqualTo(200);
        var relabelSelf = admin.putJson("/api/users/" + adminId, changes(self, "ACTIVE", List.of(grant("ADMIN", "KZ"), grant("AUDITOR", "KZ"))));
        assertThat(relabelSelf.status()).as(relabelSelf.toString()).isEqualTo(200);
    }
}
